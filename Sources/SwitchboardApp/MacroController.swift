import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/macros` and `POST /api/v1/tickets/{id}/macros/{macro}`: canned replies with field
/// changes. Anyone who works tickets keeps personal macros; team and shared ones are for those
/// who manage shared views.
enum MacroController {
    struct MacroRequest: Content {
        var name: String
        /// personal (default), team or shared.
        var scope: String?
        var teamId: Int64?
        var actions: [AutomationAction]?
        var replies: [String: String]?

        enum CodingKeys: String, CodingKey { case name, scope, actions, replies, teamId = "team_id" }

        func macro(id: Int64, owner: Int64) throws -> Macro {
            switch scope ?? "personal" {
            case "personal": return Macro(id: id, name: name, ownerId: owner, actions: actions ?? [], replies: replies ?? [:])
            case "team":
                guard let teamId else { throw DomainError.invalid(field: "team_id", "a team macro needs the team") }
                return Macro(id: id, name: name, teamId: teamId, actions: actions ?? [], replies: replies ?? [:])
            case "shared": return Macro(id: id, name: name, actions: actions ?? [], replies: replies ?? [:])
            default: throw DomainError.invalid(field: "scope", "must be one of: personal, team, shared")
            }
        }
    }

    struct List: Content {
        var items: [Macro]
    }

    struct Applied: Content {
        var ticket: TicketDTO
        /// The reply to put in the composer, in the requester's language.
        var reply: String?
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let (id, teams) = (principal.user.id, principal.viewer.teamIds)
        return try respond(List(items: try await req.store.read { try await $0.macros(for: id, teamIds: teams) }))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let macro = try req.body(MacroRequest.self).macro(id: 0, owner: principal.user.id)
        if macro.ownerId == nil { _ = try await req.authorize(.manageSharedViews) }
        try macro.validate()
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { try await $0.saveMacro(macro, actor: actor) }
    }

    /// The macro in the path, if the asker may change it.
    private static func editable(_ req: Request, _ principal: Principal) async throws -> Macro {
        let id = try req.id(what: "macro")
        guard let macro = try await req.store.read({ try await $0.macro(id: id) }) else { throw DomainError.notFound("macro") }
        if let owner = macro.ownerId {
            guard owner == principal.user.id else { throw DomainError.notFound("macro") }
        } else {
            _ = try await req.authorize(.manageSharedViews)
        }
        return macro
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let current = try await editable(req, principal)
        var body = try req.body(MacroRequest.self)
        // Without a scope, the macro keeps the one it has.
        if body.scope == nil {
            body.scope = current.ownerId != nil ? "personal" : current.teamId != nil ? "team" : "shared"
            body.teamId = body.teamId ?? current.teamId
        }
        let macro = try body.macro(id: current.id, owner: current.ownerId ?? principal.user.id)
        if macro.ownerId == nil { _ = try await req.authorize(.manageSharedViews) }
        let actor = principal.actor
        return try respond(try await req.store.write { try await $0.saveMacro(macro, actor: actor) })
    }

    @Sendable static func delete(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let macro = try await editable(req, principal)
        let actor = principal.actor
        try await req.store.write { try await $0.deleteMacro(id: macro.id, actor: actor) }
        return Response(status: .noContent)
    }

    /// Applies a macro the asker may use to a ticket.
    static func apply(_ req: Request, principal: Principal, ticketId: Int64, macroId: Int64, version: Int64?) async throws -> (Ticket, String?) {
        let (userId, teams) = (principal.user.id, principal.viewer.teamIds)
        guard let macro = try await req.store.read({ try await $0.macros(for: userId, teamIds: teams) }).first(where: { $0.id == macroId }) else {
            throw DomainError.notFound("macro", field: "macro_id")
        }
        let agent = principal.user
        let link = "\(req.application.config.publicURL ?? WebPasswordReset.localURL(req.application))/tickets/\(ticketId)"
        return try await req.store.write {
            try await $0.applyMacro(macro, ticketId: ticketId, agent: agent, expectedVersion: version, link: link)
        }
    }

    @Sendable static func applyToTicket(_ req: Request) async throws -> Response {
        struct Body: Content { var version: Int64? }
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let macroId = try req.id("macro", what: "macro")
        let version = req.body.data == nil ? nil : try req.body(Body.self).version
        let (ticket, reply) = try await apply(req, principal: principal, ticketId: id, macroId: macroId, version: version)
        return try respond(Applied(ticket: TicketDTO(ticket), reply: reply))
    }
}
