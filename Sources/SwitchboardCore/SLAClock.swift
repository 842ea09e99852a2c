import Foundation

/// One SLA target running on one ticket: when it started, how long it stood still, when it is
/// due, and whether it was met.
public struct SLAClock: Sendable, Codable, Equatable {
    /// Where a clock stands.
    public enum Stage: String, Codable, Sendable {
        /// Counting down to `dueAt`.
        case active
        /// Stopped while the ticket waits (pending, on hold); `dueAt` moves on when it resumes.
        case paused
        /// The target was met or given up (the ticket was solved).
        case fulfilled
    }

    public var metric: SLAMetric
    public var targetMinutes: Int
    public var startedAt: Date
    /// Business seconds spent paused so far, added to the target.
    public var pausedSeconds: Double
    public var pausedAt: Date?
    /// When the target falls due (as of the last change while paused).
    public var dueAt: Date?
    public var fulfilledAt: Date?
    /// When the target was missed: the due time, once passed.
    public var breachedAt: Date?
    /// The escalations of the policy (by index) that already fired for this clock.
    public var escalated: [Int]

    enum CodingKeys: String, CodingKey {
        case metric, targetMinutes = "target_minutes", startedAt = "started_at", pausedSeconds = "paused_seconds"
        case pausedAt = "paused_at", dueAt = "due_at", fulfilledAt = "fulfilled_at", breachedAt = "breached_at", escalated
        case stage
    }

    public init(
        metric: SLAMetric, targetMinutes: Int, startedAt: Date, pausedSeconds: Double = 0, pausedAt: Date? = nil, dueAt: Date? = nil,
        fulfilledAt: Date? = nil, breachedAt: Date? = nil, escalated: [Int] = []
    ) {
        self.metric = metric
        self.targetMinutes = targetMinutes
        self.startedAt = startedAt
        self.pausedSeconds = pausedSeconds
        self.pausedAt = pausedAt
        self.dueAt = dueAt
        self.fulfilledAt = fulfilledAt
        self.breachedAt = breachedAt
        self.escalated = escalated
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = try c.decode(SLAMetric.self, forKey: .metric)
        targetMinutes = try c.decode(Int.self, forKey: .targetMinutes)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        pausedSeconds = try c.decodeIfPresent(Double.self, forKey: .pausedSeconds) ?? 0
        pausedAt = try c.decodeIfPresent(Date.self, forKey: .pausedAt)
        dueAt = try c.decodeIfPresent(Date.self, forKey: .dueAt)
        fulfilledAt = try c.decodeIfPresent(Date.self, forKey: .fulfilledAt)
        breachedAt = try c.decodeIfPresent(Date.self, forKey: .breachedAt)
        escalated = try c.decodeIfPresent([Int].self, forKey: .escalated) ?? []
    }

    /// Writes the stored fields and the derived `stage` (for clients).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric, forKey: .metric)
        try c.encode(targetMinutes, forKey: .targetMinutes)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(pausedSeconds, forKey: .pausedSeconds)
        try c.encode(pausedAt, forKey: .pausedAt)
        try c.encode(dueAt, forKey: .dueAt)
        try c.encode(fulfilledAt, forKey: .fulfilledAt)
        try c.encode(breachedAt, forKey: .breachedAt)
        try c.encode(escalated, forKey: .escalated)
        try c.encode(stage, forKey: .stage)
    }

    public var stage: Stage {
        if fulfilledAt != nil { return .fulfilled }
        return pausedAt != nil ? .paused : .active
    }

    /// Whether the target was missed, or is missed at `now` while still running.
    public func isBreached(at now: Date) -> Bool {
        if breachedAt != nil { return true }
        guard stage == .active, let dueAt else { return false }
        return dueAt < now
    }
}

/// The SLA a ticket is under: the policy that applies and one clock per measured metric.
public struct TicketSLA: Sendable, Codable, Equatable {
    public var policyId: Int64
    public var clocks: [SLAClock]

    enum CodingKeys: String, CodingKey {
        case policyId = "policy_id", clocks, dueAt = "due_at"
    }

    public init(policyId: Int64, clocks: [SLAClock]) {
        self.policyId = policyId
        self.clocks = clocks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        policyId = try c.decode(Int64.self, forKey: .policyId)
        clocks = try c.decode([SLAClock].self, forKey: .clocks)
    }

    /// Writes the stored fields and the derived `due_at` (for clients).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(policyId, forKey: .policyId)
        try c.encode(clocks, forKey: .clocks)
        try c.encode(dueAt, forKey: .dueAt)
    }

    /// The earliest due time of a running clock: what views sort and filter on.
    public var dueAt: Date? {
        clocks.filter { $0.stage == .active }.compactMap(\.dueAt).min()
    }

    /// The clock of `metric`, if the policy measures it and it has started.
    public func clock(_ metric: SLAMetric) -> SLAClock? { clocks.first { $0.metric == metric } }
}
