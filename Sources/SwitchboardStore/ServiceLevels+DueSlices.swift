import Foundation
import SQLKit
import SwitchboardCore

/// One ticket judged by an SLA round: what it comes to and the events that say so, built
/// before the writer records them (it only chains them).
struct SLAJudgement: Sendable {
    struct Event: Sendable {
        let type: DomainEventType
        let after: JSONText
        let payload: JSONText
    }

    /// The ticket as read, and as the round leaves it.
    let before: Ticket
    let ticket: Ticket
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
        var events: [Event] = []
        // The ticket's reference as it stands, for the payloads of its events (only fields an
        // escalation changes go into it, never the clocks).
        var ref = TicketRef(t).json
        var breached = 0
        if engine.markBreaches(&t, now: now) {
            let found = Self.breachEvents(of: t, since: ticket.sla, ref: ref, now: now)
            events += found
            breached = found.count
        }
        var escalations = 0
        for due in engine.dueEscalations(t, now: now) {
            SLAEngine.markEscalated(&t, metric: due.metric, key: due.key)
            WriteContext.apply(due.escalation, to: &t, tierTeams: tierTeams)
            let record = EscalationRecord(
                metric: due.metric, when: due.escalation.when, actions: due.escalation.actions, level: t.escalationLevel, note: nil)
            let next = TicketRef(t).json
            events.append(Self.escalationEvent(record, before: ref, after: next))
            ref = next
            escalations += 1
        }
        self.before = ticket
        self.ticket = t
        self.events = events
        self.breached = breached
        self.escalations = escalations
        self.fieldsChanged = WriteContext.fieldsChanged(ticket, t)
        self.slaVersion = slaVersion
        self.clocks = WriteContext.SLARowValues(t, engine: engine)
    }

    /// A `ticket.escalated` event; `before` and `after` are the ticket's `TicketRef.json`.
    static func escalationEvent(_ escalation: EscalationRecord, before: JSONText, after: JSONText) -> Event {
        let record = escalation.json
        return Event(type: .ticketEscalated, after: record, payload: EscalationPayload.json(ticket: after, before: before, escalation: record))
    }

    /// A `ticket.sla_breached` event for each target of `ticket` missed since `old`. `ref`: the
    /// ticket's `TicketRef.json`, when the caller has it.
    static func breachEvents(of ticket: Ticket, since old: TicketSLA?, ref: JSONText?, now: Date) -> [Event] {
        var events: [Event] = []
        for clock in ticket.sla?.clocks ?? [] where clock.breachedAt != nil && old?.clock(clock.metric)?.breachedAt == nil {
            var after = JSONObjectWriter()
            after.field("metric", clock.metric.rawValue)
            events.append(
                Event(
                    type: .ticketSLABreached, after: after.text,
                    payload: BreachPayload.json(ticket: ref ?? TicketRef(ticket).json, metric: clock.metric, dueAt: clock.dueAt ?? now)))
        }
        return events
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
            now: now, definitionsVersion: try await definitionsVersion(), engine: SLAEngine(policies: try await slaPolicies(), calendars: try await businessCalendars()),
            tierTeams: try await tierTeams())
    }

    /// The version of the policies, hours and field definitions (`workspace.definitions_version`).
    func definitionsVersion() async throws -> Int64 {
        try await sql.raw("SELECT definitions_version FROM workspace WHERE id = 1").first(decodingColumn: "definitions_version", as: Int64?.self)
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
        let last = try raw.last.map { SLADueCursor(checkAt: try $0.decode(column: "sla_check_at", as: Int64.self), ticketId: try $0.decode(column: "id", as: Int64.self)) }
        return SLADueSlice(judged: judged, next: raw.count < limit ? nil : last)
    }
}
