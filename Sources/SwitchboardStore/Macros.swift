import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// The macros `userId` may use (theirs, their teams', everyone's), most used first; all of
    /// them when `userId` is nil.
    public func macros(for userId: Int64?, teamIds: [Int64] = []) async throws -> [Macro] {
        let all = try await sql.raw("SELECT * FROM macros ORDER BY usage_count DESC, name").all().map { row in
            Macro(
                id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                ownerId: try row.decode(column: "owner_id", as: Int64?.self), teamId: try row.decode(column: "team_id", as: Int64?.self),
                actions: try decodeJSONList([AutomationAction].self, try row.decode(column: "actions", as: String.self)),
                replies: try decodeJSONMap([String: String].self, try row.decode(column: "replies", as: String.self)),
                usageCount: Int(try row.decode(column: "usage_count", as: Int64.self)))
        }
        guard let userId else { return all }
        return all.filter { m in
            if let owner = m.ownerId { return owner == userId }
            if let team = m.teamId { return teamIds.contains(team) }
            return true
        }
    }

    /// One macro.
    public func macro(id: Int64) async throws -> Macro? {
        try await macros(for: nil).first { $0.id == id }
    }
}

extension WriteContext {
    /// Creates (`macro.id` 0) or changes a macro.
    public func saveMacro(_ input: Macro, actor: Actor) async throws -> Macro {
        var macro = input
        macro.name = macro.name.trimmingCharacters(in: .whitespaces)
        try macro.validate()
        if let team = macro.teamId, try await reader.team(id: team) == nil {
            throw DomainError.invalid(field: "team_id", "team \(team) does not exist")
        }
        let actions = encodeJSON(macro.actions)
        let replies = encodeJSON(macro.replies)
        if macro.id == 0 {
            guard let id = try await sql.raw(
                """
                INSERT INTO macros (name, owner_id, team_id, actions, replies, usage_count, created_at, updated_at)
                VALUES (\(bind: macro.name), \(bind: macro.ownerId), \(bind: macro.teamId), \(bind: actions), \(bind: replies), 0,
                  \(bind: now.ms), \(bind: now.ms)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
            macro.id = id
            macro.usageCount = 0
            try await record(.macroCreated, entityId: id, actor: actor, after: JSONText(macro))
            return macro
        }
        guard let before = try await reader.macro(id: macro.id) else { throw DomainError.notFound("macro") }
        macro.usageCount = before.usageCount
        try await sql.raw(
            """
            UPDATE macros SET name = \(bind: macro.name), owner_id = \(bind: macro.ownerId), team_id = \(bind: macro.teamId),
              actions = \(bind: actions), replies = \(bind: replies), updated_at = \(bind: now.ms) WHERE id = \(bind: macro.id)
            """
        ).run()
        try await record(.macroUpdated, entityId: macro.id, actor: actor, before: JSONText(before), after: JSONText(macro))
        return macro
    }

    /// Deletes a macro.
    public func deleteMacro(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.macro(id: id) else { throw DomainError.notFound("macro") }
        try await sql.raw("DELETE FROM macros WHERE id = \(bind: id)").run()
        try await record(.macroDeleted, entityId: id, actor: actor, before: JSONText(before))
    }

    /// Applies a macro to a ticket for `agent`: its field changes now, and its reply, in the
    /// requester's language with placeholders filled in, to put in the composer. Counts the use.
    public func applyMacro(_ macro: Macro, ticketId: Int64, agent: User, expectedVersion: Int64?, link: String) async throws
        -> (ticket: Ticket, reply: String?)
    {
        var ticket = try await ticketForUpdate(id: ticketId, expectedVersion: expectedVersion)
        var target = ticket
        for action in macro.actions { action.apply(to: &target, now: now) }
        let changes = TicketChanges(from: ticket, to: target)
        if changes != TicketChanges() {
            ticket = try await updateTicket(id: ticketId, changes, expectedVersion: nil, actor: .user(agent.id))
        }
        try await sql.raw("UPDATE macros SET usage_count = usage_count + 1 WHERE id = \(bind: macro.id)").run()
        let language = try await reader.contact(id: ticket.requesterId)?.locale
        guard let template = macro.reply(for: language), !template.isEmpty else { return (ticket, nil) }
        let values = try await placeholderValues(ticket, agent: agent, link: link)
        return (ticket, Placeholders.render(template, values))
    }
}
