import Foundation

/// Keeps tickets' SLA clocks: chooses the policy, starts, pauses, resumes and fulfils clocks as
/// tickets change, and says which escalations are due. Pure: the store calls it inside the
/// write, the job runner on its cycle.
public struct SLAEngine: Sendable {
    /// What happened to the ticket besides field changes.
    public enum Activity: Sendable, Equatable {
        /// The ticket was opened; by staff (on the customer's behalf) there is no first reply to wait for.
        case opened(byStaff: Bool)
        /// Staff wrote a public reply.
        case staffReplied
        /// The customer wrote.
        case customerWrote
    }

    /// Active policies in the order they are tried.
    public let policies: [SLAPolicy]
    public let calendars: [Int64: BusinessCalendar]

    public init(policies: [SLAPolicy], calendars: [Int64: BusinessCalendar]) {
        self.policies = policies.filter(\.active).sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        self.calendars = calendars
    }

    /// Whether choosing a policy needs the organization's tier.
    public var needsTier: Bool { policies.contains { $0.conditions.tiers != nil } }

    /// The first policy whose conditions cover `ticket`.
    public func policy(for ticket: Ticket, tier: OrganizationTier?) -> SLAPolicy? {
        policies.first { $0.conditions.matches(ticket, tier: tier) }
    }

    /// The business hours of `policy`.
    public func calendar(for policy: SLAPolicy) -> BusinessCalendar {
        policy.calendarId.flatMap { calendars[$0] } ?? .alwaysOpen
    }

    /// Brings `ticket.sla` up to date after a change (`before` is nil for a new ticket). An
    /// unsolved ticket follows the policy that now matches it (clocks keep their start, pauses
    /// and escalations already done, with the new targets); a solved one keeps its clocks.
    public func update(_ ticket: inout Ticket, before: Ticket?, activity: Activity?, tier: OrganizationTier?, now: Date) {
        var sla = ticket.sla
        if ticket.status.isUnsolved || before == nil {
            let chosen = policy(for: ticket, tier: tier)
            if chosen?.id != sla?.policyId || chosen.map({ !Self.targetsMatch(sla, $0) }) == true {
                sla = chosen.map { Self.start($0, on: ticket, keeping: sla, activity: activity) }
            }
        }
        guard var current = sla, let policy = policies.first(where: { $0.id == current.policyId }) else {
            ticket.sla = sla  // none, or the frozen clocks of a solved ticket whose policy is gone
            return
        }
        let calendar = calendar(for: policy)
        // A target missed before this change stays missed, whatever the change does to the clock.
        for i in current.clocks.indices where current.clocks[i].stage == .active && current.clocks[i].breachedAt == nil {
            if let due = current.clocks[i].dueAt, due < now { current.clocks[i].breachedAt = due }
        }
        switch activity {
        case .staffReplied:
            for i in current.clocks.indices where current.clocks[i].metric != .resolution {
                Self.fulfil(&current.clocks[i], at: now)
            }
        case .customerWrote:
            let answered = current.clock(.firstResponse).map { $0.stage == .fulfilled } ?? true
            let waiting = current.clock(.nextResponse).map { $0.stage != .fulfilled } ?? false
            if let target = policy.targets.nextResponse, answered, !waiting, ticket.status.isUnsolved {
                current.clocks.removeAll { $0.metric == .nextResponse }
                current.clocks.append(SLAClock(metric: .nextResponse, targetMinutes: target, startedAt: now))
            }
        case .opened, nil:
            break
        }
        if !ticket.status.isUnsolved {
            for i in current.clocks.indices { Self.fulfil(&current.clocks[i], at: now) }
        } else if let before, !before.status.isUnsolved {
            // Reopened: resolution counts on, without the time it stood solved.
            for i in current.clocks.indices where current.clocks[i].metric == .resolution {
                guard let solved = current.clocks[i].fulfilledAt else { continue }
                // Stopped since it paused (pending before solving) or since it was solved.
                let stopped = current.clocks[i].pausedAt ?? solved
                if current.clocks[i].breachedAt == nil {
                    current.clocks[i].pausedSeconds += calendar.businessSeconds(from: stopped, to: now)
                }
                current.clocks[i].pausedAt = nil
                current.clocks[i].fulfilledAt = nil
            }
        }
        let pauses = policy.pauseOn.contains(ticket.status)
        for i in current.clocks.indices where current.clocks[i].stage != .fulfilled {
            if pauses, current.clocks[i].pausedAt == nil {
                current.clocks[i].pausedAt = now
            } else if !pauses, let pausedAt = current.clocks[i].pausedAt {
                // A target already missed keeps its due time: pausing after a breach does not undo it.
                if current.clocks[i].breachedAt == nil {
                    current.clocks[i].pausedSeconds += calendar.businessSeconds(from: pausedAt, to: now)
                }
                current.clocks[i].pausedAt = nil
            }
        }
        for i in current.clocks.indices {
            Self.refresh(&current.clocks[i], calendar: calendar, now: now)
        }
        current.clocks.sort { Self.order($0.metric) < Self.order($1.metric) }
        ticket.sla = current
    }

    /// Marks clocks whose due time has passed as breached; true when something changed.
    public func markBreaches(_ ticket: inout Ticket, now: Date) -> Bool {
        guard var sla = ticket.sla else { return false }
        var changed = false
        for i in sla.clocks.indices where sla.clocks[i].stage == .active && sla.clocks[i].breachedAt == nil {
            if let due = sla.clocks[i].dueAt, due <= now {
                sla.clocks[i].breachedAt = due
                changed = true
            }
        }
        ticket.sla = sla
        return changed
    }

    /// One escalation that is due on a ticket.
    public struct DueEscalation: Sendable, Equatable {
        public var metric: SLAMetric
        /// The escalation's key in its policy (`SLAEscalation.key(at:)`).
        public var key: Int
        public var escalation: SLAEscalation
    }

    /// The escalations of the ticket's policy that are due at `now` and have not fired for
    /// their clock yet. Only running clocks escalate.
    public func dueEscalations(_ ticket: Ticket, now: Date) -> [DueEscalation] {
        guard ticket.status.isUnsolved, let sla = ticket.sla, let policy = policies.first(where: { $0.id == sla.policyId }) else {
            return []
        }
        var out: [DueEscalation] = []
        for clock in sla.clocks where clock.stage == .active {
            guard let due = clock.dueAt else { continue }
            for (index, escalation) in policy.escalations.enumerated()
            where (escalation.metric == nil || escalation.metric == clock.metric) && !clock.escalated.contains(escalation.key(at: index)) {
                if Self.fireTime(escalation, due: due) <= now {
                    out.append(DueEscalation(metric: clock.metric, key: escalation.key(at: index), escalation: escalation))
                }
            }
        }
        return out
    }

    /// Records that the escalation with `key` fired for the clock of `metric`.
    public static func markEscalated(_ ticket: inout Ticket, metric: SLAMetric, key: Int) {
        guard var sla = ticket.sla, let i = sla.clocks.firstIndex(where: { $0.metric == metric }) else { return }
        if !sla.clocks[i].escalated.contains(key) { sla.clocks[i].escalated.append(key) }
        ticket.sla = sla
    }

    /// The next instant the job runner must look at the ticket: a running clock falling due,
    /// or an escalation becoming due. Nil when nothing is waiting.
    public func nextCheck(_ ticket: Ticket) -> Date? {
        guard ticket.status.isUnsolved, let sla = ticket.sla else { return nil }
        let policy = policies.first { $0.id == sla.policyId }
        var times: [Date] = []
        for clock in sla.clocks where clock.stage == .active {
            guard let due = clock.dueAt else { continue }
            if clock.breachedAt == nil { times.append(due) }
            for (index, escalation) in (policy?.escalations ?? []).enumerated()
            where (escalation.metric == nil || escalation.metric == clock.metric) && !clock.escalated.contains(escalation.key(at: index)) {
                times.append(Self.fireTime(escalation, due: due))
            }
        }
        return times.min()
    }

    /// When an escalation fires for a clock due at `due`: its minutes before, in plain time.
    static func fireTime(_ escalation: SLAEscalation, due: Date) -> Date {
        switch escalation.when {
        case .breached: due
        case .atRisk: due.addingTimeInterval(-Double(escalation.minutesBefore ?? 0) * 60)
        }
    }

    private static func order(_ metric: SLAMetric) -> Int { SLAMetric.allCases.firstIndex(of: metric) ?? 0 }

    private static func targetsMatch(_ sla: TicketSLA?, _ policy: SLAPolicy) -> Bool {
        guard let sla else { return false }
        return sla.clocks.allSatisfy { policy.targets[$0.metric] == $0.targetMinutes }
    }

    /// The clocks of `policy` for `ticket`, keeping what `old` measured of the same metrics.
    private static func start(_ policy: SLAPolicy, on ticket: Ticket, keeping old: TicketSLA?, activity: Activity?) -> TicketSLA {
        var clocks: [SLAClock] = []
        for metric in SLAMetric.allCases {
            guard let target = policy.targets[metric] else { continue }
            if var clock = old?.clock(metric) {
                if clock.targetMinutes != target || old?.policyId != policy.id { clock.escalated = [] }
                clock.targetMinutes = target
                clocks.append(clock)
                continue
            }
            switch metric {
            case .firstResponse:
                if activity == .opened(byStaff: true) || ticket.firstReplyAt != nil { continue }
                clocks.append(SLAClock(metric: metric, targetMinutes: target, startedAt: ticket.createdAt))
            case .resolution:
                clocks.append(SLAClock(metric: metric, targetMinutes: target, startedAt: ticket.createdAt))
            case .nextResponse:
                continue  // starts with the customer's next message
            }
        }
        return TicketSLA(policyId: policy.id, clocks: clocks)
    }

    private static func fulfil(_ clock: inout SLAClock, at now: Date) {
        guard clock.fulfilledAt == nil else { return }
        if clock.stage == .active, clock.breachedAt == nil, let due = clock.dueAt, due < now { clock.breachedAt = due }
        clock.fulfilledAt = now
    }

    private static func refresh(_ clock: inout SLAClock, calendar: BusinessCalendar, now: Date) {
        guard clock.stage == .active || (clock.stage == .paused && clock.dueAt == nil) else { return }
        let seconds = Double(clock.targetMinutes) * 60 + clock.pausedSeconds
        clock.dueAt = calendar.adding(businessSeconds: seconds, to: clock.startedAt)
        if clock.stage == .active, clock.breachedAt == nil, let due = clock.dueAt, due < now { clock.breachedAt = due }
    }
}
