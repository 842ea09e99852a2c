import SwitchboardCore
import SwitchboardStore
import Vapor

/// Side conversations on a ticket: staff of other teams asked apart from the customer's timeline.
/// `/api/v1/tickets/{id}/side-conversations` and `/api/v1/side-conversations/{id}`.
enum SideConversationController {
    struct StartRequest: Content {
        var subject: String
        var memberIds: [Int64]
        var body: String
        enum CodingKeys: String, CodingKey { case subject, body, memberIds = "member_ids" }
    }

    struct ReplyRequest: Content {
        var body: String
    }

    struct StatusRequest: Content {
        var status: SideConversation.Status
    }

    struct ListDTO: Content {
        var items: [SideConversation]
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        let items = try await req.store.read { ctx in
            guard try await ctx.ticket(id: id) != nil else { throw DomainError.notFound("ticket") }
            return try await ctx.sideConversations(ticketId: id)
        }
        return try respond(ListDTO(items: items))
    }

    @Sendable static func start(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(StartRequest.self)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) {
            try await $0.startSideConversation(ticketId: id, subject: body.subject, memberIds: body.memberIds, body: body.body, actor: actor)
        }
    }

    @Sendable static func reply(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "side conversation")
        let body = try req.body(ReplyRequest.self)
        let actor = principal.actor
        let conversation = try await req.store.write { try await $0.replySideConversation(id: id, body: body.body, actor: actor) }
        return try respond(conversation, status: .created)
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "side conversation")
        let body = try req.body(StatusRequest.self)
        let actor = principal.actor
        let conversation = try await req.store.write { try await $0.setSideConversationStatus(id: id, body.status, actor: actor) }
        return try respond(conversation)
    }
}
