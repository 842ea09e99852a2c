import Foundation
import SQLKit
import SwitchboardCore

/// What re-timing the open tickets did.
public struct SLARetimeOutcome: Sendable, Equatable {
    public init() {}
    /// Unsolved tickets looked at.
    public var read = 0
    /// Tickets whose clocks changed (new targets, another policy, other hours, none any more).
    public var retimed = 0
    /// Targets found missed under the new timing.
    public var breached = 0
}

/// Where a re-time stands: from which ticket id on it still has to look, against which version
/// of the policies and hours (`workspace.definitions_version`), up to which id, and the
/// policies and hours themselves.
public struct SLARetimePlan: Sendable {
    public let from: Int64
    public let definitionsVersion: Int64
    public let lastId: Int64
    public let engine: SLAEngine
}

/// One slice of open tickets judged again, off the writer: the clocks that changed, each with
/// the ticket's version and clocks as read, so that the write can leave alone a ticket that
/// changed meanwhile (its change re-timed it already).
public struct SLARetimeSlice: Sendable {
    struct Change: Sendable {
        let ticket: Ticket
        let version: Int64
        let old: TicketSLA?
        /// The version of its `ticket_sla` row (nil: none).
        let slaVersion: Int64?
    }

    /// Ids after `after`, through `through`.
    public let after: Int64
    public let through: Int64
    /// The time the clocks were judged at.
    let now: Date
    public let read: Int
    let changes: [Change]
}

extension ReadContext {
    /// The re-time waiting after SLA policies or business hours changed; nil when there is none.
    /// The version is read before the policies: should they change after, the write sees it.
    public func slaRetimePlan() async throws -> SLARetimePlan? {
        guard let row = try await sql.raw(
            "SELECT sla_retime_from, definitions_version FROM workspace WHERE id = 1 AND sla_retime_from IS NOT NULL"
        ).first() else { return nil }
        let engine = SLAEngine(policies: try await slaPolicies(), calendars: try await businessCalendars())
        return SLARetimePlan(
            from: try row.decode(column: "sla_retime_from", as: Int64.self),
            definitionsVersion: try row.decode(column: "definitions_version", as: Int64?.self) ?? 0, lastId: try await lastTicketId(),
            engine: engine)
    }

    /// Judges the unsolved tickets with ids after `after` through `through` again under `engine`
    /// (see `WriteContext.applySLARetime`), at `now`.
    public func retimeSlice(after: Int64, through: Int64, engine: SLAEngine, now: Date) async throws -> SLARetimeSlice {
        let judged = try await judgeOpenTickets("id > \(bind: after) AND id <= \(bind: through)", engine: engine, now: now)
        return SLARetimeSlice(after: after, through: through, now: now, read: judged.read, changes: judged.changes)
    }

    /// The unsolved tickets `filter` picks, judged again under `engine` at `now`: how many were
    /// read, and those whose clocks or next check change, each with its version and clocks as read.
    func judgeOpenTickets(_ filter: SQLQueryString, engine: SLAEngine, now: Date) async throws -> (read: Int, changes: [SLARetimeSlice.Change]) {
        let raw = try await sql.raw(
            """
            SELECT \(TicketRow.columns), ticket_sla.sla_check_at, ticket_sla.version AS sla_version
            FROM \(TicketRow.from)
            WHERE \(filter) AND status IN ('new', 'open', 'pending', 'on_hold')
            """
        ).all()
        let rows = try raw.map(TicketRow.init)
        guard !engine.policies.isEmpty || rows.contains(where: { $0.sla != nil }) else { return (rows.count, []) }
        let tickets = try rows.map { try $0.ticket() }
        let tiers = engine.needsTier ? try await organizationTiers(tickets.compactMap(\.organizationId)) : [:]
        var changes: [SLARetimeSlice.Change] = []
        for (n, (row, ticket)) in zip(rows, tickets).enumerated() {
            var t = ticket
            engine.update(&t, before: ticket, activity: nil, tier: t.organizationId.flatMap { tiers[$0] }, now: now)
            // Escalations changed alone leave the clocks as they are but move the next check.
            let checkAt = try raw[n].decode(column: "sla_check_at", as: Int64?.self)
            guard t.sla != ticket.sla || engine.nextCheck(t)?.ms != checkAt else { continue }
            let slaVersion = try raw[n].decode(column: "sla_version", as: Int64?.self)
            changes.append(.init(ticket: t, version: row.version, old: ticket.sla, slaVersion: slaVersion))
        }
        return (rows.count, changes)
    }
}

extension WriteContext {
    /// Starts re-timing every open ticket over (what a change of policies or hours does too).
    public func restartSLARetime() async throws {
        try await sql.raw("UPDATE workspace SET sla_retime_from = 0 WHERE id = 1").run()
    }

    /// Writes a slice judged by `retimeSlice` under the plan's version: each changed ticket
    /// gets its new clocks (only the SLA columns), and a target the new timing finds missed is
    /// recorded as a breach; the re-time then goes on after the slice, or ends after `lastId`.
    /// A ticket that changed since it was judged (an SLA round marked it, a merge or a tag
    /// rename touched it) is read and judged again here. Returns nil, writing nothing, when the
    /// slice is not the next one or the policies or hours changed since the plan: another
    /// instance took it, or the re-time starts over.
    public func applySLARetime(_ slice: SLARetimeSlice, plan: SLARetimePlan) async throws -> SLARetimeOutcome? {
        guard let row = try await sql.raw("SELECT sla_retime_from, definitions_version FROM workspace WHERE id = 1").first(),
            try row.decode(column: "sla_retime_from", as: Int64?.self) == slice.after,
            try row.decode(column: "definitions_version", as: Int64?.self) ?? 0 == plan.definitionsVersion
        else { return nil }
        var outcome = SLARetimeOutcome()
        outcome.read = slice.read
        let written = try await saveSLA(
            slice.changes.map(\.ticket), engine: plan.engine, ifStill: slice.changes.map { ($0.version, $0.slaVersion) })
        let missed = slice.changes.map(\.ticket.id).filter { !written.contains($0) }
        var changes = slice.changes.filter { written.contains($0.ticket.id) }
        if !missed.isEmpty {
            let again = try await reader.judgeOpenTickets("id IN (\(binds: missed))", engine: plan.engine, now: slice.now).changes
            try await saveSLA(again.map(\.ticket), engine: plan.engine)
            changes += again
        }
        for change in changes {
            outcome.retimed += 1
            outcome.breached += try await recordBreaches(of: change.ticket, since: change.old)
        }
        let next: Int64? = slice.through >= plan.lastId ? nil : slice.through
        try await sql.raw("UPDATE workspace SET sla_retime_from = \(bind: next) WHERE id = 1").run()
        return outcome
    }
}
