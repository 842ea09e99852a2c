import Foundation
import SQLKit
import SwitchboardCore

/// One ticket judged by an SLA round: what it comes to and the event that says so, built
/// before the writer records it (it only chains it).
struct SLAJudgement: Sendable {
    struct Event: Sendable {
        let type: DomainEventType
        let after: JSONText
        let payload: JSONText
    }

    /// The ticket as read, and as the round leaves it.
    let before: Ticket
    let ticket: Ticket
    /// What the round records of the ticket: nothing, or one event for all it did (see `event`).
    let events: [Event]
    let breached: Int
    let escalations: Int
    /// Whether an escalation changed what agents see (priority, team, assignee, tier): then
    /// the whole ticket is saved and audited, not only its clocks.
    let fieldsChanged: Bool
    /// The version of its `ticket_sla` row as read (nil: none, or not read).
    let slaVersion: Int64?
    /// Its clocks as the round leaves them, as stored.
    let clocks: WriteContext.SLARowValues

    /// Marks the targets `ticket` missed by `now` and runs the escalations due.
    init(_ ticket: Ticket, engine: SLAEngine, tierTeams: [Int64?], now: Date, slaVersion: Int64? = nil) {
        var t = ticket
        var missed: [SLAClock] = []
        if engine.markBreaches(&t, now: now) { missed = Self.missed(t, since: ticket.sla) }
        var escalations: [(EscalationRecord, EscalationStep)] = []
        for due in engine.dueEscalations(t, now: now) {
            SLAEngine.markEscalated(&t, metric: due.metric, key: due.key)
            let previous = t.assigneeId
            WriteContext.apply(due.escalation, to: &t, tierTeams: tierTeams)
            escalations.append(
                (
                    EscalationRecord(
                        metric: due.metric, when: due.escalation.when, actions: due.escalation.actions, level: t.escalationLevel, note: nil),
                    EscalationStep(previousAssigneeId: previous, assigneeId: t.assigneeId, teamId: t.teamId)
                ))
        }
        self.before = ticket
        self.ticket = t
        self.events = Self.event(t, before: ticket, missed: missed, escalations: escalations, now: now).map { [$0] } ?? []
        self.breached = missed.count
        self.escalations = escalations.count
        self.fieldsChanged = WriteContext.fieldsChanged(ticket, t)
        self.slaVersion = slaVersion
        self.clocks = WriteContext.SLARowValues(t, engine: engine)
    }

    /// The clocks of `ticket` that missed their target since `old`.
    static func missed(_ ticket: Ticket, since old: TicketSLA?) -> [SLAClock] {
        (ticket.sla?.clocks ?? []).filter { $0.breachedAt != nil && old?.clock($0.metric)?.breachedAt == nil }
    }

    /// The one event that records what happened to a ticket's clocks at one time, as an audit
    /// groups the events of one change (a round may write it for a hundred thousand tickets):
    /// `ticket.sla_breached` when targets were missed, listing them and the escalations that
    /// ran with them; else `ticket.escalated` for escalations alone; nil when neither.
    ///
    /// Its audit state: `{"breached": [metric], "escalations": [EscalationRecord]}`, each list
    /// only when not empty. Its payload: `ticket` (a `TicketRef` after), `breached` (metric and
    /// `due_at` of each), `escalations` (each with who had the ticket at that step, for the
    /// notifier), and `before` (the ticket before) with escalations.
    static func event(
        _ ticket: Ticket, before: Ticket, missed: [SLAClock], escalations: [(EscalationRecord, EscalationStep)], now: Date
    ) -> Event? {
        guard !missed.isEmpty || !escalations.isEmpty else { return nil }
        let records = escalations.map(\.0.json)
        let steps = escalations.map { $0.0.json(step: $0.1) }
        let breaches = missed.map { clock in
            var breach = JSONObjectWriter()
            breach.field("due_at", clock.dueAt ?? now)
            breach.field("metric", clock.metric.rawValue)
            return breach.text
        }
        // Keys in order, as canonical JSON has them.
        var after = JSONObjectWriter()
        var payload = JSONObjectWriter()
        if !records.isEmpty { payload.field("before", TicketRef(before).json) }
        if !missed.isEmpty {
            after.field("breached", missed.map(\.metric.rawValue))
            payload.field("breached", breaches)
        }
        if !records.isEmpty {
            after.field("escalations", records)
            payload.field("escalations", steps)
        }
        payload.field("ticket", TicketRef(ticket).json)
        return Event(type: missed.isEmpty ? .ticketEscalated : .ticketSLABreached, after: after.text, payload: payload.text)
    }
}

extension SLACycleOutcome {
    mutating func add(_ judged: SLAJudgement) {
        checked += 1
        breached += judged.breached
        escalations += judged.escalations
    }

    public mutating func add(_ other: SLACycleOutcome) {
        checked += other.checked
        breached += other.breached
        escalations += other.escalations
    }
}

/// What one SLA round judges with: the time, the policies and hours (with the version they
/// were read at) and the tier teams.
public struct SLARoundPlan: Sendable {
    public let now: Date
    let definitionsVersion: Int64
    let engine: SLAEngine
    let tierTeams: [Int64?]
}

/// Where a round's reading stands: after this check time and ticket.
public struct SLADueCursor: Sendable {
    let checkAt: Int64
    let ticketId: Int64
}

/// Tickets whose check time had come, judged off the writer, in check time order.
public struct SLADueSlice: Sendable {
    let judged: [SLAJudgement]
    /// Where the next slice starts; nil when this one read the last.
    public let next: SLADueCursor?

    public var isEmpty: Bool { judged.isEmpty }
}

extension ReadContext {
    /// The plan of an SLA round at `now`. The version is read before the policies: should they
    /// change after, the write sees it.
    public func slaRoundPlan(now: Date) async throws -> SLARoundPlan {
        SLARoundPlan(
            now: now, definitionsVersion: try await definitionsVersion(),
            engine: SLAEngine(policies: try await slaPolicies(), calendars: try await businessCalendars()),
            tierTeams: try await tierTeams())
    }

    /// The version of the policies, hours and field definitions (`workspace.definitions_version`).
    func definitionsVersion() async throws -> Int64 {
        try await sql.raw("SELECT definitions_version FROM workspace WHERE id = 1").first(
            decodingColumn: "definitions_version", as: Int64?.self
        )
        .flatMap { $0 } ?? 0
    }

    /// At most `limit` tickets whose check time has come by the plan's time, after `cursor`,
    /// judged (see `WriteContext.applySLADueSlice`).
    public func slaDueSlice(after cursor: SLADueCursor?, plan: SLARoundPlan, limit: Int) async throws -> SLADueSlice {
        // In the order of the check time index: on PostgreSQL (sla_check_at, ticket_id), whose
        // rows the cursor's row value bounds; on SQLite (sla_check_at), whose rows end in the
        // ticket id (the row id).
        let after: SQLQueryString =
            switch (cursor, dialect) {
            case (nil, _): ""
            case (let c?, .postgres): "AND (sla_check_at, ticket_sla.ticket_id) > (\(bind: c.checkAt), \(bind: c.ticketId))"
            case (let c?, .sqlite):
                "AND sla_check_at >= \(bind: c.checkAt) AND (sla_check_at > \(bind: c.checkAt) OR ticket_sla.ticket_id > \(bind: c.ticketId))"
            }
        let raw = try await sql.raw(
            """
            SELECT \(TicketRow.columns), ticket_sla.sla_check_at, ticket_sla.version AS sla_version
            FROM \(TicketRow.from)
            WHERE sla_check_at <= \(bind: plan.now.ms) \(after)
            ORDER BY sla_check_at, ticket_sla.ticket_id LIMIT \(bind: Int64(limit))
            """
        ).all()
        var judged: [SLAJudgement] = []
        judged.reserveCapacity(raw.count)
        for row in raw {
            let ticket = try TicketRow(row).ticket()
            judged.append(
                SLAJudgement(
                    ticket, engine: plan.engine, tierTeams: plan.tierTeams, now: plan.now,
                    slaVersion: try row.decode(column: "sla_version", as: Int64?.self)))
        }
        let last = try raw.last.map {
            SLADueCursor(
                checkAt: try $0.decode(column: "sla_check_at", as: Int64.self), ticketId: try $0.decode(column: "id", as: Int64.self))
        }
        return SLADueSlice(judged: judged, next: raw.count < limit ? nil : last)
    }
}
