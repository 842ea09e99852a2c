import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/tickets`: create, read, list by view and query, change, timeline, links, merge, split.
enum TicketController {
    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let body = try req.body(CreateTicketRequest.self)
        let new = NewTicket(
            subject: body.subject, body: body.body, requesterEmail: try EmailAddress(body.requester.email, field: "requester.email"),
            requesterName: try validatedText(body.requester.name, field: "requester.name", max: Limits.name, required: false),
            priority: body.priority ?? .normal, type: body.type ?? .question, channel: body.channel ?? .api, tags: body.tags ?? [],
            customFields: body.customFields ?? [:], assigneeId: body.assigneeId, teamId: body.teamId, status: body.status ?? .new)
        let actor = principal.actor
        guard req.headers.first(name: Idempotency.header) != nil else {
            return try respond(TicketDTO(try await req.store.createTicket(new, actor: actor)), status: .created)
        }
        return try await Idempotency.create(req, principal: principal) { ctx in
            TicketDTO(try await ctx.createTicket(new, actor: actor))
        }
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        guard let ticket = try await req.store.read({ try await $0.ticket(id: id) }) else { throw DomainError.notFound("ticket") }
        let response = try respond(TicketDTO(ticket))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(ticket.version)\"")
        return response
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        let (filter, sort) = try await ViewController.resolve(req, principal: principal)
        let cursor = try req.query[String.self, at: "cursor"].map { try PageCursor(token: $0) }
        let limit = try req.limit()
        let withCount = req.query[String.self, at: "count"] == "true"
        let viewer = principal.viewer
        let page = try await req.store.read { try await $0.tickets(filter: filter, sort: sort, cursor: cursor, limit: limit, viewer: viewer) }
        let count = withCount ? try await req.store.read { try await $0.ticketCount(filter: filter, viewer: viewer) } : nil
        return try respond(Page(items: page.items.map(TicketDTO.init), nextCursor: page.nextCursor?.token, count: count))
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(UpdateTicketRequest.self)
        var version = body.version
        if let ifMatch = req.headers.first(name: .ifMatch) {
            guard let v = Int64(ifMatch.trimmingCharacters(in: CharacterSet(charactersIn: "\"W/ "))) else {
                throw DomainError.invalid(field: "If-Match", "must be the ticket's version as an ETag, like \"3\"")
            }
            version = v
        }
        let changes = body.changes
        let actor = principal.actor
        let expected = version
        let ticket = try await req.store.write { try await $0.updateTicket(id: id, changes, expectedVersion: expected, actor: actor) }
        let response = try respond(TicketDTO(ticket))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(ticket.version)\"")
        return response
    }

    @Sendable static func messages(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        let messages = try await req.store.read { ctx -> [Message] in
            guard try await ctx.ticket(id: id) != nil else { throw DomainError.notFound("ticket") }
            return try await ctx.messages(ticketId: id)
        }
        return try respond(Page(items: messages.map(MessageDTO.init), nextCursor: nil))
    }

    @Sendable static func addMessage(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(AddMessageRequest.self)
        _ = try validatedText(body.body, field: "body", max: Limits.body)
        if let external = body.externalId, external.count > 998 { throw DomainError.invalid(field: "external_id", "is too long") }
        let actor = principal.actor
        let userId = principal.user.id
        return try await Idempotency.create(req, principal: principal) { ctx -> MessageDTO in
            var author: (AuthorKind, Int64?) = (.staff, userId)
            if body.author == .requester {
                guard let ticket = try await ctx.reader.ticket(id: id) else { throw DomainError.notFound("ticket") }
                author = (.contact, ticket.requesterId)
            }
            let result = try await ctx.addMessage(
                ticketId: id, authorKind: author.0, authorId: author.1, visibility: body.visibility ?? .public,
                channel: body.channel ?? .api, body: body.body, externalId: body.externalId, actor: actor)
            return MessageDTO(result.message)
        }
    }

    @Sendable static func links(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        let links = try await req.store.read { ctx in
            guard try await ctx.ticket(id: id) != nil else { throw DomainError.notFound("ticket") }
            return try await ctx.links(ticketId: id).map { LinkDTO(kind: $0.kind, otherId: $0.otherId) }
        }
        return try respond(Page(items: links, nextCursor: nil))
    }

    @Sendable static func link(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(LinkRequest.self)
        guard [.related, .parent, .child].contains(body.kind) else {
            throw DomainError.invalid(field: "kind", "must be related, parent or child")
        }
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            try await ctx.link(id, to: body.otherId, kind: body.kind, actor: actor)
            return LinkDTO(kind: body.kind, otherId: body.otherId)
        }
    }

    @Sendable static func unlink(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let other = try req.id("other", what: "linked ticket")
        guard let kind = req.parameters.get("kind").flatMap(TicketLinkKind.init(rawValue:)) else {
            throw DomainError.notFound("link")
        }
        let actor = principal.actor
        try await req.store.write { try await $0.unlink(id, from: other, kind: kind, actor: actor) }
        return Response(status: .noContent)
    }

    @Sendable static func merge(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.mergeTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(MergeTicketRequest.self)
        let actor = principal.actor
        let target = try await req.store.write { try await $0.mergeTicket(id, into: body.targetId, actor: actor) }
        return try respond(TicketDTO(target))
    }

    @Sendable static func split(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(SplitTicketRequest.self)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            TicketDTO(try await ctx.splitTicket(id, messageId: body.messageId, subject: body.subject, actor: actor))
        }
    }

    @Sendable static func follow(_ req: Request) async throws -> Response {
        try await setFollowing(req, true)
    }

    @Sendable static func unfollow(_ req: Request) async throws -> Response {
        try await setFollowing(req, false)
    }

    private static func setFollowing(_ req: Request, _ following: Bool) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let user = try req.id("user", what: "user")
        let actor = principal.actor
        let ticket = try await req.store.write { try await $0.setFollowing(ticketId: id, userId: user, following: following, actor: actor) }
        return try respond(TicketDTO(ticket))
    }

    @Sendable static func history(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        let events = try await req.store.read { ctx in
            guard try await ctx.ticket(id: id) != nil else { throw DomainError.notFound("ticket") }
            return try await ctx.history(ticketId: id)
        }
        return try respond(Page(items: events.map(AuditEventDTO.init), nextCursor: nil))
    }
}

struct LinkDTO: Content {
    var kind: TicketLinkKind
    var otherId: Int64
    enum CodingKeys: String, CodingKey {
        case kind
        case otherId = "other_id"
    }
}
