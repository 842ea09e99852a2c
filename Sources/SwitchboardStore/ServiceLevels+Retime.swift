import Foundation
import SQLKit
import SwitchboardCore

/// What re-timing a slice of the open tickets did.
public struct SLARetimeOutcome: Sendable, Equatable {
    public init() {}
    /// Unsolved tickets looked at.
    public var read = 0
    /// Tickets whose clocks changed (new targets, another policy, other hours, none any more).
    public var retimed = 0
    /// Targets found missed under the new timing.
    public var breached = 0
    /// Whether every open ticket has been looked at since the last change.
    public var done = true
}

extension ReadContext {
    /// Whether open tickets wait to be re-timed after SLA policies or business hours changed.
    public func hasSLARetimeWork() async throws -> Bool {
        try await sql.raw("SELECT sla_retime_from FROM workspace WHERE id = 1 AND sla_retime_from IS NOT NULL").first() != nil
    }
}

extension WriteContext {
    /// Starts re-timing every open ticket over (what a change of policies or hours does too).
    public func restartSLARetime() async throws {
        try await sql.raw("UPDATE workspace SET sla_retime_from = 0 WHERE id = 1").run()
    }

    /// Re-times up to `limit` unsolved tickets after those already done since SLA policies or
    /// business hours last changed: each follows the policy that matches it now, with that
    /// policy's targets and hours, keeping its start, pauses and the escalations done, as when
    /// the ticket itself changes. Only the SLA columns are written; a target the new timing
    /// finds missed is recorded as a breach. Writers of every instance take turns, and each reads
    /// where the last one stopped, so a change made meanwhile starts the work over. `asOf` judges
    /// the clocks at another time than now (benchmarks over data loaded earlier).
    public func retimeOpenTickets(limit: Int, asOf: Date? = nil) async throws -> SLARetimeOutcome {
        var outcome = SLARetimeOutcome()
        guard let from = try await sql.raw("SELECT sla_retime_from FROM workspace WHERE id = 1").first(decodingColumn: "sla_retime_from", as: Int64?.self) ?? nil
        else { return outcome }
        let tickets = try await sql.raw(
            """
            SELECT * FROM tickets WHERE id > \(bind: from) AND status IN ('new', 'open', 'pending', 'on_hold')
            ORDER BY id LIMIT \(bind: Int64(limit))
            """
        ).all(TicketRow.self).map { try $0.ticket() }
        let engine = try await slaEngine()
        let tiers = engine.needsTier ? try await reader.organizationTiers(tickets.compactMap(\.organizationId)) : [:]
        var changed: [Ticket] = []
        for ticket in tickets {
            outcome.read += 1
            guard !engine.policies.isEmpty || ticket.sla != nil else { continue }
            var t = ticket
            engine.update(&t, before: ticket, activity: nil, tier: t.organizationId.flatMap { tiers[$0] }, now: asOf ?? now)
            guard t.sla != ticket.sla else { continue }
            outcome.breached += try await recordBreaches(of: t, since: ticket.sla)
            changed.append(t)
        }
        outcome.retimed = changed.count
        try await saveSLA(changed, engine: engine)
        outcome.done = tickets.count < limit
        let next: Int64? = outcome.done ? nil : tickets.last?.id
        try await sql.raw("UPDATE workspace SET sla_retime_from = \(bind: next) WHERE id = 1").run()
        return outcome
    }
}
