import Foundation
import SQLKit
import SwitchboardCore

/// What one SLA round did.
public struct SLACycleOutcome: Sendable, Equatable {
    public init() {}
    /// Tickets whose check time had come.
    public var checked = 0
    /// Targets newly missed.
    public var breached = 0
    /// Escalations that acted.
    public var escalations = 0
}

/// What an escalation did, as the SLA events list it (`SLAJudgement.event`: for the timeline,
/// the notifier and webhooks).
public struct EscalationRecord: Sendable, Codable, Equatable {
    /// The metric whose target was at risk or missed; nil for an agent's own escalation.
    public var metric: SLAMetric?
    public var when: SLAEscalation.When?
    public var actions: [SLAEscalation.Action]
    public var level: Int
    public var note: String?

    enum CodingKeys: String, CodingKey { case metric, when, actions, level, note }

    /// The same text as `JSONText(self)`, written field by field.
    var json: JSONText { json(step: nil) }

    /// As `json`, with who had the ticket at this step (an event's payload: the notifier tells
    /// them): its assignee before the step, and its assignee and team after it.
    func json(step: EscalationStep?) -> JSONText {
        var object = JSONObjectWriter()
        object.field("actions", actions.map(\.rawValue))
        object.field("assignee_id", step?.assigneeId)
        object.field("level", level)
        object.field("metric", metric?.rawValue)
        object.field("note", note)
        object.field("previous_assignee_id", step?.previousAssigneeId)
        object.field("team_id", step?.teamId)
        object.field("when", when?.rawValue)
        return object.text
    }
}

/// Who had a ticket at one escalation of several at one time.
struct EscalationStep: Sendable {
    let previousAssigneeId: Int64?
    let assigneeId: Int64?
    let teamId: Int64?
}

/// What SLA events say about their ticket: enough to tell people and to find it, not the
/// whole ticket (a round may write a hundred thousand of these).
struct TicketRef: Encodable {
    let id: Int64
    let number: Int64
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let assigneeId: Int64?
    let teamId: Int64?
    let followerIds: [Int64]
    let escalationLevel: Int

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, priority
        case assigneeId = "assignee_id", teamId = "team_id", followerIds = "follower_ids", escalationLevel = "escalation_level"
    }

    init(_ t: Ticket) {
        id = t.id
        number = t.number
        subject = t.subject
        status = t.status
        priority = t.priority
        assigneeId = t.assigneeId
        teamId = t.teamId
        followerIds = t.followerIds
        escalationLevel = t.escalationLevel
    }

    /// The same text as `JSONText(self)`, written field by field.
    var json: JSONText {
        var object = JSONObjectWriter()
        object.field("assignee_id", assigneeId)
        object.field("escalation_level", escalationLevel)
        object.field("follower_ids", followerIds)
        object.field("id", id)
        object.field("number", number)
        object.field("priority", priority.rawValue)
        object.field("status", status.rawValue)
        object.field("subject", subject)
        object.field("team_id", teamId)
        return object.text
    }
}

/// The audit state of an SLA event as the generic encoder writes it (`SLAJudgement.event`
/// writes the same text field by field).
struct SLAEventState: Encodable {
    let breached: [SLAMetric]?
    let escalations: [EscalationRecord]?
}

/// The payload of an SLA event as the generic encoder writes it (see `SLAEventState`).
struct SLAEventPayload: Encodable {
    struct Breach: Encodable {
        let dueAt: Date
        let metric: SLAMetric
        enum CodingKeys: String, CodingKey { case dueAt = "due_at", metric }
    }

    /// An escalation with who had the ticket at that step (see `EscalationRecord.json(step:)`).
    struct Step: Encodable {
        let actions: [SLAEscalation.Action]
        let assigneeId: Int64?
        let level: Int
        let metric: SLAMetric?
        let note: String?
        let previousAssigneeId: Int64?
        let teamId: Int64?
        let when: SLAEscalation.When?

        enum CodingKeys: String, CodingKey {
            case actions, level, metric, note, when
            case assigneeId = "assignee_id", previousAssigneeId = "previous_assignee_id", teamId = "team_id"
        }

        init(_ record: EscalationRecord, _ step: EscalationStep) {
            (actions, level, metric, note, when) = (record.actions, record.level, record.metric, record.note, record.when)
            (assigneeId, previousAssigneeId, teamId) = (step.assigneeId, step.previousAssigneeId, step.teamId)
        }
    }

    let before: TicketRef?
    let breached: [Breach]?
    let escalations: [Step]?
    let ticket: TicketRef
}

extension ReadContext {
    /// Whether some ticket's SLA check time has come. In index order: without statistics yet
    /// (a table just filled) the planner may otherwise scan every row for the first match.
    public func hasSLAWork(at now: Date) async throws -> Bool {
        try await sql.raw("SELECT sla_check_at FROM ticket_sla WHERE sla_check_at <= \(bind: now.ms) ORDER BY sla_check_at LIMIT 1").first()
            != nil
    }

    /// The teams of tier 2 and tier 3 (nil where none is set).
    public func tierTeams() async throws -> [Int64?] {
        let raw = try await sql.raw("SELECT tier_teams FROM workspace WHERE id = 1").first(decodingColumn: "tier_teams", as: String.self)
        let teams = try decodeJSONList([Int64?].self, raw ?? "[]")
        return (0..<2).map { $0 < teams.count ? teams[$0] : nil }
    }
}

extension WriteContext {
    /// Sets the teams of tier 2 (senior agents) and tier 3 (support engineers).
    public func setTierTeams(_ teams: [Int64?], actor: Actor) async throws -> [Int64?] {
        guard teams.count == 2 else { throw DomainError.invalid(field: "tier_teams", "name a team (or none) for tier 2 and tier 3") }
        for (i, team) in teams.enumerated() {
            if let team, try await sql.raw("SELECT id FROM teams WHERE id = \(bind: team)").first() == nil {
                throw DomainError.invalid(field: "tier_teams[\(i)]", "team \(team) does not exist")
            }
        }
        let before = try await reader.tierTeams()
        guard before != teams else { return teams }
        try await sql.raw("UPDATE workspace SET tier_teams = \(bind: encodeJSON(teams)) WHERE id = 1").run()
        try await record(
            .workspaceUpdated, entityId: 1, actor: actor, before: JSONText(JSONValue.object(["tier_teams": .from(before)])),
            after: JSONText(JSONValue.object(["tier_teams": .from(teams)])))
        return teams
    }

    /// Reads the tickets `filter` picks, judges them at `now` and writes what they come to.
    private func judgeAndWrite(_ filter: SQLQueryString, now: Date) async throws -> SLACycleOutcome {
        let engine = try await slaEngine()
        let tickets = try await sql.raw("\(TicketRow.select) WHERE \(filter)").all(TicketRow.self).map { try $0.ticket() }
        guard !tickets.isEmpty else { return SLACycleOutcome() }
        let tierTeams = try await reader.tierTeams()
        return try await write(tickets.map { SLAJudgement($0, engine: engine, tierTeams: tierTeams, now: now) })
    }

    /// Writes judgements of tickets as this transaction read them: their events, then either
    /// the whole ticket (an escalation changed its fields) or only its clocks.
    private func write(_ judged: [SLAJudgement]) async throws -> SLACycleOutcome {
        var outcome = SLACycleOutcome()
        var slaOnly: [SLARowValues] = []
        for j in judged {
            outcome.add(j)
            try await record(j.events, ticket: j.ticket.id)
            guard j.fieldsChanged else {
                slaOnly.append(j.clocks)
                continue
            }
            var t = j.ticket
            t.version += 1
            t.updatedAt = now
            try await applySLA(&t, before: j.before, activity: nil)
            try await save(t, before: j.before)
            try await recordTicketUpdate(j.before, t, actor: .system)
        }
        try await saveSLA(slaOnly)
        return outcome
    }

    /// Records events built ahead (`SLAJudgement`) of ticket `id`.
    func record(_ events: [SLAJudgement.Event], ticket id: Int64, actor: Actor = .system) async throws {
        for event in events {
            try await record(event.type, entityId: id, actor: actor, after: event.after, payload: event.payload)
        }
    }

    /// Writes a slice of an SLA round judged off the writer (`ReadContext.slaDueSlice`): marks
    /// the targets missed and runs the escalations due. The tickets still as judged get their
    /// new clocks and their events. A ticket whose escalation changes fields, or that changed
    /// since it was read, is read and judged again here; so is every ticket when the policies
    /// changed since the plan. Writers of every instance take turns, and each reads after the
    /// one before committed, so nothing escalates twice.
    public func applySLADueSlice(_ slice: SLADueSlice, plan: SLARoundPlan) async throws -> SLACycleOutcome {
        let ids = slice.judged.map(\.ticket.id)
        guard !ids.isEmpty else { return SLACycleOutcome() }
        let quick = slice.judged.filter { !$0.fieldsChanged }
        if lockless {
            // Clocks and events in the batch's one statement, which fails whole should a
            // ticket have changed since it was read; the writer then runs the slice again
            // under the lock, as it does a slice with a ticket to save whole.
            guard quick.count == ids.count, definitionsVersion == plan.definitionsVersion else { throw StoreError.needsLock }
            for j in quick { try await record(j.events, ticket: j.ticket.id) }
            try await deferringWrites {
                for statement in Self.slaUpsert(quick.map(\.clocks), ifStill: quick.map { ($0.before.version, $0.slaVersion) }) {
                    try await runDeferred(statement, binds: 6)
                }
            }
            requireAtCommit("(SELECT count(*) FROM sla_ok) = \(bind: Int64(quick.count))", reason: "a ticket changed since the SLA round read it")
            return quick.reduce(into: SLACycleOutcome()) { $0.add($1) }
        }
        // Changed since the plan, or earlier in this transaction (counted only at commit).
        guard !slaChanged, definitionsVersion == plan.definitionsVersion else {
            return try await judgeAndWrite("tickets.id IN (\(binds: ids)) AND sla_check_at <= \(bind: plan.now.ms)", now: plan.now)
        }
        // The events are chained while the server writes the clocks, as if every ticket were
        // still as judged; should some not be, they are chained again without those.
        let mark = mark()
        async let saved = saveSLA(quick.map(\.clocks), ifStill: quick.map { ($0.before.version, $0.slaVersion) })
        for j in quick { try await record(j.events, ticket: j.ticket.id) }
        let written = try await saved
        if written.count < quick.count {
            reset(to: mark)
            for j in quick where written.contains(j.ticket.id) { try await record(j.events, ticket: j.ticket.id) }
        }
        var outcome = SLACycleOutcome()
        for j in quick where written.contains(j.ticket.id) { outcome.add(j) }
        let again = ids.filter { !written.contains($0) }
        if !again.isEmpty {
            outcome.add(try await judgeAndWrite("tickets.id IN (\(binds: again)) AND sla_check_at <= \(bind: plan.now.ms)", now: plan.now))
        }
        return outcome
    }

    /// Hands a ticket to the next tier on an agent's word, with an internal note saying why.
    public func escalateTicket(id: Int64, note rawNote: String?, expectedVersion: Int64?, actor: Actor) async throws -> Ticket {
        let before = try await ticketForUpdate(id: id, expectedVersion: expectedVersion)
        guard before.status.isUnsolved else { throw DomainError.invalidTransition(field: "ticket", "a solved ticket is not escalated") }
        guard before.escalationLevel < 2 else { throw DomainError.invalid(field: "ticket", "the ticket is already with the last tier") }
        let trimmed = (rawNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let note = trimmed.isEmpty ? "" : try validatedText(trimmed, field: "note", max: Limits.body) ?? ""
        var t = before
        Self.apply(SLAEscalation(when: .breached, actions: [.nextTier]), to: &t, tierTeams: try await reader.tierTeams())
        t.version += 1
        t.updatedAt = now
        try await applySLA(&t, before: before, activity: nil)
        if !note.isEmpty {
            let message = try await insertMessage(
                ticketId: id, authorKind: .staff, authorId: actor.id, visibility: .internal, channel: t.channel, body: note)
            try await SearchIndex.append(note, ticket: id, on: sql)
            try await record(
                .messageAdded, entityId: id, actor: actor, after: JSONText(message), payload: JSONText(TicketEventPayload(ticket: t, message: message)))
        }
        try await save(t, before: before)
        let escalation = EscalationRecord(metric: nil, when: nil, actions: [.nextTier], level: t.escalationLevel, note: note.isEmpty ? nil : note)
        let step = EscalationStep(previousAssigneeId: before.assigneeId, assigneeId: t.assigneeId, teamId: t.teamId)
        if let event = SLAJudgement.event(t, before: before, missed: [], escalations: [(escalation, step)], now: now) {
            try await record([event], ticket: t.id, actor: actor)
        }
        try await recordTicketUpdate(before, t, actor: actor)
        return t
    }

    static func apply(_ escalation: SLAEscalation, to t: inout Ticket, tierTeams: [Int64?]) {
        for action in escalation.actions {
            switch action {
            case .raisePriority:
                t.priority = TicketPriority.allCases.first { $0.rank == t.priority.rank + 1 } ?? t.priority
            case .nextTier:
                guard t.escalationLevel < 2 else { continue }
                t.escalationLevel += 1
                if let team = tierTeams[t.escalationLevel - 1], team != t.teamId {
                    t.teamId = team
                    t.assigneeId = nil
                }
            case .moveToTeam:
                if let team = escalation.teamId, team != t.teamId {
                    t.teamId = team
                    t.assigneeId = nil
                }
            case .notifyAssignee, .notifySupervisor:
                break  // the notifier mails them from the event
            }
        }
    }

    /// The columns of `ticket_sla`, and a ticket's values in that order; `checkAt` is when the
    /// job runner must next look at its clocks.
    static let slaColumns = ["ticket_id", "sla", "sla_due_at", "sla_check_at"]

    static func slaRow(_ id: Int64, _ sla: TicketSLA, checkAt: Date?) -> [any Encodable & Sendable] {
        [id, encodeJSON(sla), sla.dueAt?.ms, checkAt?.ms]
    }

    /// A ticket's `ticket_sla` values: its clocks (nil: the row goes), due and next check time.
    struct SLARowValues: Sendable {
        let id: Int64
        let sla: String?
        let due: Int64?
        let check: Int64?

        init(_ t: Ticket, engine: SLAEngine) {
            id = t.id
            sla = t.sla.map(encodeJSON)
            due = t.sla?.dueAt?.ms
            check = engine.nextCheck(t)?.ms
        }
    }

    /// Writes the SLA clocks of many tickets (`ticket_sla`; a ticket without clocks loses its
    /// row), and nothing else: marking a breach or an escalation that changed no field is
    /// bookkeeping, not a change agents would have to reload for. With `ifStill` (each ticket's
    /// version and its clocks' version as read, in order), a ticket that changed since is left
    /// alone. Returns the ids written.
    @discardableResult
    func saveSLA(_ tickets: [Ticket], engine: SLAEngine, ifStill read: [(version: Int64, sla: Int64?)]? = nil) async throws -> Set<Int64> {
        try await saveSLA(tickets.map { SLARowValues($0, engine: engine) }, ifStill: read)
    }

    /// `saveSLA` of rows made ahead.
    @discardableResult
    func saveSLA(_ rows: [SLARowValues], ifStill read: [(version: Int64, sla: Int64?)]? = nil) async throws -> Set<Int64> {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let slas = rows.map(\.sla)
        let due = rows.map(\.due)
        let check = rows.map(\.check)
        let versions = read?.map(\.version) ?? Array(repeating: 0, count: rows.count)
        let old = read?.map(\.sla) ?? Array(repeating: nil, count: rows.count)
        var written = Set<Int64>()
        switch dialect {
        case .postgres:
            let upsert = StatementChain(Self.slaUpsert(rows, ifStill: read) + [SQLQueryString("SELECT id FROM sla_ok")])
            for row in try await sql.raw("\(upsert)").all() { written.insert(try row.decode(column: "id", as: Int64.self)) }
        case .sqlite:
            for start in stride(from: 0, to: rows.count, by: 200) {
                var chunk = Array(start..<min(start + 200, rows.count))
                if read != nil {
                    let values = chunk.map { i -> SQLQueryString in "(\(bind: ids[i]), \(bind: versions[i]), \(bind: old[i]))" }
                    let still = Set(
                        try await sql.raw(
                            """
                            SELECT v.column1 AS id FROM (VALUES \(values.joined(separator: ", "))) AS v
                            JOIN tickets ON tickets.id = v.column1 LEFT JOIN ticket_sla s ON s.ticket_id = v.column1
                            WHERE tickets.version = v.column2 AND s.version IS v.column3
                            """
                        ).all(decodingColumn: "id", as: Int64.self))
                    chunk = chunk.filter { still.contains(ids[$0]) }
                }
                let gone = chunk.filter { slas[$0] == nil }.map { ids[$0] }
                if !gone.isEmpty { try await sql.raw("DELETE FROM ticket_sla WHERE ticket_id IN (\(binds: gone))").run() }
                let kept = chunk.filter { slas[$0] != nil }.map { i -> SQLQueryString in
                    "(\(bind: ids[i]), \(bind: slas[i]), \(bind: due[i]), \(bind: check[i]))"
                }
                if !kept.isEmpty {
                    try await sql.raw(
                        """
                        INSERT INTO ticket_sla (ticket_id, sla, sla_due_at, sla_check_at) VALUES \(kept.joined(separator: ", "))
                        ON CONFLICT (ticket_id) DO UPDATE SET sla = excluded.sla, sla_due_at = excluded.sla_due_at, sla_check_at = excluded.sla_check_at,
                          version = ticket_sla.version + 1
                        """
                    ).run()
                }
                written.formUnion(chunk.map { ids[$0] })
            }
        }
        return written
    }

    /// `saveSLA` on PostgreSQL as statements of one `StatementChain`: the rows (`sla_v`), those
    /// whose ticket is still as read (`sla_ok`), and their clocks deleted or upserted. Each
    /// ticket is looked up by its key: with a join, the planner (told the slice's size) hashes
    /// every ticket instead.
    static func slaUpsert(_ rows: [SLARowValues], ifStill read: [(version: Int64, sla: Int64?)]?) -> [any SQLExpression] {
        let versions = read?.map(\.version) ?? Array(repeating: 0, count: rows.count)
        let old = read?.map(\.sla) ?? Array(repeating: nil, count: rows.count)
        let still: SQLQueryString =
            read == nil
            ? "SELECT * FROM sla_v"
            : """
            SELECT * FROM sla_v WHERE (SELECT version FROM tickets WHERE tickets.id = sla_v.id) = sla_v.version
              AND (SELECT version FROM ticket_sla s WHERE s.ticket_id = sla_v.id) IS NOT DISTINCT FROM sla_v.old
            """
        return [
            ChainedQuery(
                "sla_v",
                """
                SELECT * FROM unnest(\(bind: PostgresColumnArray(.int8(rows.map(\.id)))), \(bind: PostgresColumnArray(.text(rows.map(\.sla)))),
                  \(bind: PostgresColumnArray(.int8(rows.map(\.due)))), \(bind: PostgresColumnArray(.int8(rows.map(\.check)))),
                  \(bind: PostgresColumnArray(.int8(versions))), \(bind: PostgresColumnArray(.int8(old)))) AS v(id, sla, due, chk, version, old)
                """),
            ChainedQuery("sla_ok", materialized: true, still),
            ChainedQuery("sla_gone", "DELETE FROM ticket_sla USING sla_ok WHERE ticket_sla.ticket_id = sla_ok.id AND sla_ok.sla IS NULL"),
            ChainedQuery(
                "sla_kept",
                """
                INSERT INTO ticket_sla (ticket_id, sla, sla_due_at, sla_check_at) SELECT id, sla, due, chk FROM sla_ok WHERE sla IS NOT NULL
                ON CONFLICT (ticket_id) DO UPDATE SET sla = EXCLUDED.sla, sla_due_at = EXCLUDED.sla_due_at, sla_check_at = EXCLUDED.sla_check_at,
                  version = ticket_sla.version + 1
                """),
        ]
    }

    static func fieldsChanged(_ a: Ticket, _ b: Ticket) -> Bool {
        a.priority != b.priority || a.teamId != b.teamId || a.assigneeId != b.assigneeId || a.escalationLevel != b.escalationLevel
    }
}
