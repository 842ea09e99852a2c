import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// The ticket types the admins turned off.
    public func inactiveTicketTypes() async throws -> Set<TicketType> {
        let raw = try await sql.raw("SELECT inactive_types FROM workspace WHERE id = 1").first(decodingColumn: "inactive_types", as: String.self)
        return Set(try decodeJSONList([String].self, raw ?? "[]").compactMap(TicketType.init(rawValue:)))
    }
}

extension WriteContext {
    /// Offers `type` again, or stops offering it: an inactive type is refused for new tickets
    /// and changes, while tickets that have it keep it. Question, the default, stays on.
    public func setTicketType(_ type: TicketType, active: Bool, actor: Actor) async throws -> Set<TicketType> {
        if type == .question, !active { throw DomainError.invalid(field: "active", "question is the default type and stays on") }
        var inactive = inactiveTypes
        if active { inactive.remove(type) } else { inactive.insert(type) }
        guard inactive != inactiveTypes else { return inactive }
        let before = Self.typesState(inactiveTypes)
        let list = TicketType.allCases.filter(inactive.contains).map(\.rawValue)
        try await sql.raw("UPDATE workspace SET inactive_types = \(bind: encodeJSON(list)) WHERE id = 1").run()
        inactiveTypes = inactive
        try await record(.workspaceUpdated, entityId: 1, actor: actor, before: before, after: Self.typesState(inactive))
        return inactive
    }

    /// Refuses a type the admins turned off.
    func checkTypeOffered(_ type: TicketType) throws(DomainError) {
        if inactiveTypes.contains(type) { throw .invalid(field: "type", "the type \(type.rawValue) is turned off") }
    }

    private static func typesState(_ inactive: Set<TicketType>) -> JSONText {
        JSONText(JSONValue.object(["inactive_ticket_types": .array(TicketType.allCases.filter(inactive.contains).map { .string($0.rawValue) })]))
    }
}
