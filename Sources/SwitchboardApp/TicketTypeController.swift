import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/ticket-types`: the seven ticket types and whether each is offered; admins turn
/// types off (and on again).
enum TicketTypeController {
    struct TypeDTO: Content {
        var type: TicketType
        var active: Bool
    }

    struct UpdateRequest: Content {
        var active: Bool
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let inactive = try await req.store.read { try await $0.inactiveTicketTypes() }
        return try respond(Page(items: TicketType.allCases.map { TypeDTO(type: $0, active: !inactive.contains($0)) }, nextCursor: nil))
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageFields)
        let type = try pathType(req)
        let body = try req.body(UpdateRequest.self)
        let actor = principal.actor
        let inactive = try await req.store.write { try await $0.setTicketType(type, active: body.active, actor: actor) }
        return try respond(TypeDTO(type: type, active: !inactive.contains(type)))
    }

    static func pathType(_ req: Request) throws -> TicketType {
        guard let raw = req.parameters.get("type"), let type = TicketType(rawValue: raw) else { throw DomainError.notFound("ticket type") }
        return type
    }
}
