import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// Every automation rule, in the order they are tried.
    public func automations() async throws -> [AutomationRule] {
        try await sql.raw("SELECT * FROM automations ORDER BY position, id").all().map { row in
            guard let kind = AutomationRule.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.corrupt("automation kind")
            }
            return AutomationRule(
                id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self), kind: kind,
                active: try row.decode(column: "active", as: Int64.self) != 0, position: Int(try row.decode(column: "position", as: Int64.self)),
                events: try decodeJSONList([AutomationRule.Event].self, try row.decode(column: "events", as: String.self)),
                all: try decodeJSONList([AutomationCondition].self, try row.decode(column: "conditions_all", as: String.self)),
                any: try decodeJSONList([AutomationCondition].self, try row.decode(column: "conditions_any", as: String.self)),
                actions: try decodeJSONList([AutomationAction].self, try row.decode(column: "actions", as: String.self)))
        }
    }

    /// One automation rule.
    public func automation(id: Int64) async throws -> AutomationRule? {
        try await automations().first { $0.id == id }
    }

    /// Tickets not closed, newest first, for dry runs and time rules: `limit` after id `before`.
    public func openTickets(before: Int64?, limit: Int) async throws -> [Ticket] {
        try await sql.raw(
            "\(TicketRow.select) WHERE status <> 'closed' AND id < \(bind: before ?? Int64.max) ORDER BY id DESC LIMIT \(bind: Int64(limit))"
        ).all(TicketRow.self).map { try $0.ticket() }
    }
}

extension ReadContext {
    /// The highest ticket id so far (0 before the first ticket).
    public func lastTicketId() async throws -> Int64 {
        let last = try await sql.raw("SELECT MAX(id) AS last FROM tickets").first(decodingColumn: "last", as: Int64?.self)
        return (last ?? nil) ?? 0
    }

    /// The tickets a time round looks at among ids after `after` through `through`: not
    /// closed, within some rule's time `bounds` (one entry per rule, from
    /// `AutomationRule.timeBounds`; a rule without bounds lets every ticket through). Returns
    /// how many were read and the ids of those `mayMatch` accepts. The tickets are read without
    /// their SLA clocks (conditions do not look at them; decoding them was most of a round), so
    /// none of them leaves this function.
    public func timeRuleCandidates(
        _ bounds: [[AutomationCondition.Field: Date]], after: Int64, through: Int64, mayMatch: (Ticket) -> Bool
    ) async throws -> (read: Int, ids: [Int64]) {
        let columns: [AutomationCondition.Field: String] = [
            .hoursSinceCreated: "created_at", .hoursSinceUpdated: "updated_at", .hoursSincePending: "pending_since", .hoursSinceSolved: "solved_at",
        ]
        var filter: SQLQueryString = ""
        if !bounds.isEmpty, !bounds.contains(where: \.isEmpty) {
            let rules = bounds.map { rule -> SQLQueryString in
                let parts = rule.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { field, latest -> SQLQueryString? in
                    columns[field].map { "\(unsafeRaw: $0) <= \(bind: latest.ms)" }
                }
                return "(\(parts.joined(separator: " AND ")))"
            }
            filter = " AND (\(rules.joined(separator: " OR ")))"
        }
        let rows = try await sql.raw(
            "SELECT *, NULL AS sla FROM tickets WHERE status <> 'closed' AND id > \(bind: after) AND id <= \(bind: through)\(filter)"
        ).all(TicketRow.self)
        let ids = try rows.filter { mayMatch(try $0.ticket(withSLA: false)) }.map(\.id)
        return (rows.count, ids)
    }
}

extension WriteContext {
    /// Creates (`rule.id` 0) or changes an automation rule after checking it and the records it names.
    public func saveAutomation(_ input: AutomationRule, actor: Actor) async throws -> AutomationRule {
        var rule = input
        rule.name = rule.name.trimmingCharacters(in: .whitespaces)
        try rule.validate()
        for (i, action) in rule.actions.enumerated() {
            guard case .number(let n)? = action.value, action.kind == .assign || action.kind == .setTeam, let id = Int64(exactly: n) else { continue }
            do {
                try await checkAssignment(assigneeId: action.kind == .assign ? id : nil, teamId: action.kind == .setTeam ? id : nil)
            } catch let error as DomainError {
                throw DomainError(error.kind, field: "actions[\(i)].value", error.message)
            }
        }
        if try await sql.raw("SELECT id FROM automations WHERE name = \(bind: rule.name) AND id <> \(bind: rule.id)").first() != nil {
            throw DomainError.conflict(field: "name", "an automation with this name already exists")
        }
        if rule.id != 0, let before = try await reader.automation(id: rule.id) { rule.keepSecrets(of: before) }
        if let other = rule.firesBackAndForth(with: try await reader.automations()) {
            let name = other.name
            throw DomainError.invalid(field: "actions", "this trigger and “\(name)” would fire each other on every update, each undoing what the other set: change the actions or conditions of one of them")
        }
        let columns: (String, String, String, String) = (encodeJSON(rule.events), encodeJSON(rule.all), encodeJSON(rule.any), encodeJSON(rule.actions))
        if rule.id == 0 {
            guard let id = try await sql.raw(
                """
                INSERT INTO automations (name, kind, active, position, events, conditions_all, conditions_any, actions, created_at, updated_at)
                VALUES (\(bind: rule.name), \(bind: rule.kind.rawValue), \(bind: rule.active ? 1 : 0 as Int64), \(bind: Int64(rule.position)),
                  \(bind: columns.0), \(bind: columns.1), \(bind: columns.2), \(bind: columns.3), \(bind: now.ms), \(bind: now.ms)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
            rule.id = id
            try await record(.automationCreated, entityId: id, actor: actor, after: JSONText(rule.redacted))
            return rule
        }
        guard let before = try await reader.automation(id: rule.id) else { throw DomainError.notFound("automation") }
        rule.keepSecrets(of: before)
        try await sql.raw(
            """
            UPDATE automations SET name = \(bind: rule.name), kind = \(bind: rule.kind.rawValue), active = \(bind: rule.active ? 1 : 0 as Int64),
              position = \(bind: Int64(rule.position)), events = \(bind: columns.0), conditions_all = \(bind: columns.1),
              conditions_any = \(bind: columns.2), actions = \(bind: columns.3), updated_at = \(bind: now.ms) WHERE id = \(bind: rule.id)
            """
        ).run()
        try await record(.automationUpdated, entityId: rule.id, actor: actor, before: JSONText(before.redacted), after: JSONText(rule.redacted))
        return rule
    }

    /// Deletes an automation rule.
    public func deleteAutomation(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.automation(id: id) else { throw DomainError.notFound("automation") }
        try await sql.raw("DELETE FROM automations WHERE id = \(bind: id)").run()
        try await record(.automationDeleted, entityId: id, actor: actor, before: JSONText(before.redacted))
    }

    /// Carries out what fired rules decided for a ticket: one change of its fields, notes, and
    /// jobs for mail and webhooks (queued with `enqueue`). Each rule's firing is audited; the
    /// changes' events carry `cause`, so the chain they start stops.
    /// `known`: the ticket as this write read it, when the caller did and nothing in the write
    /// changed it since; else it is read here, once what the write held back went out.
    public func applyAutomations(
        _ firings: [AutomationFiring], to ticketId: Int64, cause: AutomationCause, current known: Ticket? = nil,
        enqueue: (AutomationAction, AutomationRule, Ticket) async throws -> Void
    ) async throws {
        guard !firings.isEmpty else { return }
        let current: Ticket
        if let known {
            current = known
        } else {
            try await flushDeferred()
            guard let read = try await reader.ticket(id: ticketId) else { return }
            current = read
        }
        guard current.status != .closed else { return }
        automationCause = cause
        defer { automationCause = nil }
        for firing in firings {
            try await record(
                .ticketAutomated, entityId: ticketId, actor: .system,
                after: JSONText(JSONValue.object([
                    "automation_id": .int(firing.rule.id), "name": .string(firing.rule.name),
                    "actions": .array(firing.rule.actions.map { .string($0.kind.rawValue) }),
                ])))
        }
        // The actions run on the ticket as it is now (someone may have changed it since the
        // event), so they change only what they name and undo nobody's work.
        var target = current
        var effective: [AutomationFiring] = []
        for firing in firings {
            let before = target
            for action in firing.rule.actions { action.apply(to: &target, now: now) }
            // A rule whose field changes did nothing (a status it cannot reach, a tag over the
            // limit) sends no mail, note or webhook either: a time rule would repeat them each round.
            let changesFields = firing.rule.actions.contains { Macro.fieldActions.contains($0.kind) }
            if !changesFields || target != before { effective.append(firing) }
        }
        let changes = TicketChanges(from: current, to: target)
        var ticket = current
        if changes != TicketChanges() {
            do {
                // The row and tags go out with the batch's last statement (a round trip each
                // less on PostgreSQL: the writer's time is what an agent's update waits for).
                ticket = try await deferringWrites { try await updateTicket(current, changes, actor: .system) }
            } catch let error as DomainError {
                // A rule naming a user who left or a team that is gone: nothing else of it runs.
                try await record(
                    .ticketAutomated, entityId: ticketId, actor: .system,
                    after: JSONText(JSONValue.object(["problem": .string(error.description)])))
                return
            }
        }
        for firing in effective {
            for action in firing.rule.actions {
                switch action.kind {
                case .addNote:
                    try await flushDeferred()  // the note reads the ticket back
                    let values = try await placeholderValues(ticket)
                    _ = try await addMessage(
                        ticketId: ticketId, authorKind: .system, authorId: nil, visibility: .internal, channel: ticket.channel,
                        body: Placeholders.render(action.body ?? "", values), actor: .system)
                case .emailRequester, .emailAssignee, .emailTeam, .webhook:
                    try await enqueue(action, firing.rule, ticket)
                default:
                    break
                }
            }
        }
    }

    /// What placeholders stand for on `ticket` (the agent is its assignee).
    public func placeholderValues(_ ticket: Ticket, agent: User? = nil, link: String = "") async throws -> Placeholders.Values {
        let requester = try await reader.contact(id: ticket.requesterId)
        let assignee = try await ticket.assigneeId.asyncMap { try await reader.user(id: $0) } ?? nil
        let organization = try await ticket.organizationId.asyncMap { try await reader.organization(id: $0)?.name } ?? nil
        let team = try await ticket.teamId.asyncMap { try await reader.team(id: $0)?.name } ?? nil
        let speaker = agent ?? assignee
        return Placeholders.Values(
            ticket: ticket, link: link, requesterName: requester?.name ?? "", requesterEmail: requester?.emails.first ?? "",
            organization: organization ?? "", agentName: speaker?.name ?? "", agentEmail: speaker?.email ?? "", assigneeName: assignee?.name ?? "",
            teamName: team ?? "")
    }
}

extension Optional {
    /// `map` for an async transform.
    public func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
