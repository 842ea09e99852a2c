import Foundation

/// What an SLA target measures.
public enum SLAMetric: String, Codable, Sendable, CaseIterable {
    /// From the request until the team's first public reply.
    case firstResponse = "first_response"
    /// From a customer's message until the team answers it (after the first reply).
    case nextResponse = "next_response"
    /// From the request until it is solved.
    case resolution
}

/// The targets of a policy, in business minutes; a metric without a target is not measured.
public struct SLATargets: Sendable, Codable, Equatable {
    public var firstResponse: Int?
    public var nextResponse: Int?
    public var resolution: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case firstResponse = "first_response", nextResponse = "next_response", resolution
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        firstResponse = try c.decodeIfPresent(Int.self, forKey: .firstResponse)
        nextResponse = try c.decodeIfPresent(Int.self, forKey: .nextResponse)
        resolution = try c.decodeIfPresent(Int.self, forKey: .resolution)
    }

    public init(firstResponse: Int? = nil, nextResponse: Int? = nil, resolution: Int? = nil) {
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
    }

    public subscript(metric: SLAMetric) -> Int? {
        switch metric {
        case .firstResponse: firstResponse
        case .nextResponse: nextResponse
        case .resolution: resolution
        }
    }
}

/// Which tickets a policy covers; every list is "any of", separate lists combine with "and",
/// and a missing list matches everything.
public struct SLAConditions: Sendable, Codable, Equatable {
    public var priorities: [TicketPriority]?
    public var types: [TicketType]?
    public var tiers: [OrganizationTier]?
    public var channels: [ChannelKind]?
    public var teamIds: [Int64]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case priorities = "priority", types = "type", tiers = "tier", channels = "channel", teamIds = "team"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        priorities = try c.decodeIfPresent([TicketPriority].self, forKey: .priorities)
        types = try c.decodeIfPresent([TicketType].self, forKey: .types)
        tiers = try c.decodeIfPresent([OrganizationTier].self, forKey: .tiers)
        channels = try c.decodeIfPresent([ChannelKind].self, forKey: .channels)
        teamIds = try c.decodeIfPresent([Int64].self, forKey: .teamIds)
    }

    public init(
        priorities: [TicketPriority]? = nil, types: [TicketType]? = nil, tiers: [OrganizationTier]? = nil,
        channels: [ChannelKind]? = nil, teamIds: [Int64]? = nil
    ) {
        self.priorities = priorities
        self.types = types
        self.tiers = tiers
        self.channels = channels
        self.teamIds = teamIds
    }

    /// Whether `ticket`, whose organization has `tier` (standard when it has none), is covered.
    public func matches(_ ticket: Ticket, tier: OrganizationTier?) -> Bool {
        if let priorities, !priorities.contains(ticket.priority) { return false }
        if let types, !types.contains(ticket.type) { return false }
        if let tiers, !tiers.contains(tier ?? .standard) { return false }
        if let channels, !channels.contains(ticket.channel) { return false }
        if let teamIds, !(ticket.teamId.map(teamIds.contains) ?? false) { return false }
        return true
    }
}

/// What happens when an SLA target is at risk or breached.
public struct SLAEscalation: Sendable, Codable, Equatable {
    /// When the escalation fires.
    public enum When: String, Codable, Sendable, CaseIterable {
        /// `minutesBefore` minutes (of the clock, not business minutes) before the due time.
        case atRisk = "at_risk"
        /// Once the due time has passed.
        case breached
    }

    /// One thing an escalation does.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Mail the assignee (or the team when nobody is assigned).
        case notifyAssignee = "notify_assignee"
        /// Mail the supervisors and managers of the ticket's team.
        case notifySupervisor = "notify_supervisor"
        /// Raise the priority one step (urgent stays urgent).
        case raisePriority = "raise_priority"
        /// Hand the ticket to the next tier: senior agents, then support engineers.
        case nextTier = "next_tier"
        /// Move the ticket to `teamId`, unassigned.
        case moveToTeam = "move_to_team"
    }

    /// The metric this watches; nil watches every metric of the policy.
    public var metric: SLAMetric?
    public var when: When
    public var minutesBefore: Int?
    public var actions: [Action]
    /// The team for `moveToTeam`.
    public var teamId: Int64?
    /// Names the escalation for good within its policy, so a clock remembers which fired even
    /// when others are removed or reordered. Given when the policy is saved; escalations saved
    /// before ids existed have none and go by their place in the list (`key(at:)`).
    public var id: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case metric, when, minutesBefore = "minutes_before", actions, teamId = "team_id", id
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = try c.decodeIfPresent(SLAMetric.self, forKey: .metric)
        when = try c.decode(When.self, forKey: .when)
        minutesBefore = try c.decodeIfPresent(Int.self, forKey: .minutesBefore)
        actions = try c.decode([Action].self, forKey: .actions)
        teamId = try c.decodeIfPresent(Int64.self, forKey: .teamId)
        id = try c.decodeIfPresent(Int.self, forKey: .id)
    }

    public init(metric: SLAMetric? = nil, when: When, minutesBefore: Int? = nil, actions: [Action], teamId: Int64? = nil, id: Int? = nil) {
        self.metric = metric
        self.when = when
        self.minutesBefore = minutesBefore
        self.actions = actions
        self.teamId = teamId
        self.id = id
    }

    /// What clocks record when this escalation, at `index` in its policy, fires.
    public func key(at index: Int) -> Int { id ?? index }

    /// Whether `other` does the same thing at the same time (ids aside).
    public func sameRule(as other: SLAEscalation) -> Bool {
        var a = self
        var b = other
        a.id = nil
        b.id = nil
        return a == b
    }

    /// Gives each escalation of `escalations` an id: the one of an unchanged escalation of
    /// `previous` (so tickets remember it fired), else a new random one, so an id removed
    /// earlier is not given again (tickets would take the new escalation for the old). Ids
    /// of escalations saved before ids existed are their places (0, 1…): new ones are larger.
    public static func assignIds<G: RandomNumberGenerator>(
        _ escalations: [SLAEscalation], previous: [SLAEscalation], using generator: inout G
    ) -> [SLAEscalation] {
        var unused = Array(previous.enumerated().map { ($1, $1.key(at: $0)) })
        var taken = Set(unused.map(\.1))
        return escalations.map { escalation in
            var e = escalation
            if let i = unused.firstIndex(where: { $0.0.sameRule(as: escalation) }) {
                e.id = unused[i].1
                unused.remove(at: i)
            } else {
                var id: Int
                repeat { id = Int.random(in: 1_000...2_000_000_000, using: &generator) } while taken.contains(id)
                e.id = id
            }
            taken.insert(e.id ?? 0)
            return e
        }
    }
}

/// Response and resolution targets for the tickets its conditions cover. Policies are tried
/// in `position` order; the first that matches a ticket applies.
public struct SLAPolicy: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var position: Int
    public var active: Bool
    /// The business hours the targets count in; nil counts every hour of every day.
    public var calendarId: Int64?
    public var conditions: SLAConditions
    public var targets: SLATargets
    /// Statuses during which the clocks stop (pending, on hold).
    public var pauseOn: [TicketStatus]
    public var escalations: [SLAEscalation]

    /// The most escalations a policy has.
    public static let maxEscalations = 20

    enum CodingKeys: String, CodingKey {
        case id, name, position, active, calendarId = "calendar_id", conditions, targets, pauseOn = "pause_on", escalations
    }

    public init(
        id: Int64, name: String, position: Int = 0, active: Bool = true, calendarId: Int64? = nil, conditions: SLAConditions = SLAConditions(),
        targets: SLATargets, pauseOn: [TicketStatus] = [], escalations: [SLAEscalation] = []
    ) {
        self.id = id
        self.name = name
        self.position = position
        self.active = active
        self.calendarId = calendarId
        self.conditions = conditions
        self.targets = targets
        self.pauseOn = pauseOn
        self.escalations = escalations
    }

    /// The longest target: a year of business minutes.
    public static let maxTargetMinutes = 525_600

    /// Checks what a client can get wrong, naming the field.
    public func validate() throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid(field: "name", "is required") }
        guard trimmed.count <= Limits.name else { throw .invalid(field: "name", "is longer than \(Limits.name) characters") }
        for metric in SLAMetric.allCases {
            guard let minutes = targets[metric] else { continue }
            guard minutes > 0, minutes <= Self.maxTargetMinutes else {
                throw .invalid(field: "targets.\(metric.rawValue)", "must be between 1 and \(Self.maxTargetMinutes) minutes")
            }
        }
        guard SLAMetric.allCases.contains(where: { targets[$0] != nil }) else {
            throw .invalid(field: "targets", "set at least one target")
        }
        for status in pauseOn where status != .pending && status != .onHold {
            throw .invalid(field: "pause_on", "clocks can pause only while pending or on hold, not \(status.rawValue)")
        }
        for (i, conditionList) in [conditions.priorities?.count, conditions.types?.count, conditions.tiers?.count,
                                   conditions.channels?.count, conditions.teamIds?.count].enumerated() where conditionList == 0 {
            let names = ["priority", "type", "tier", "channel", "team"]
            throw .invalid(field: "conditions.\(names[i])", "an empty list matches no ticket; leave it out to match all")
        }
        guard escalations.count <= Self.maxEscalations else {
            throw .invalid(field: "escalations", "a policy has at most \(Self.maxEscalations) escalations")
        }
        for (i, escalation) in escalations.enumerated() {
            let field = "escalations[\(i)]"
            if let metric = escalation.metric, targets[metric] == nil {
                throw .invalid(field: "\(field).metric", "the policy has no \(metric.rawValue) target")
            }
            guard !escalation.actions.isEmpty else { throw .invalid(field: "\(field).actions", "choose at least one action") }
            switch escalation.when {
            case .atRisk:
                guard let before = escalation.minutesBefore, before > 0, before <= Self.maxTargetMinutes else {
                    throw .invalid(field: "\(field).minutes_before", "an at-risk escalation needs minutes before the due time")
                }
            case .breached:
                guard escalation.minutesBefore == nil else {
                    throw .invalid(field: "\(field).minutes_before", "only at-risk escalations take minutes before")
                }
            }
            if escalation.actions.contains(.moveToTeam), escalation.teamId == nil {
                throw .invalid(field: "\(field).team_id", "moving to a team needs the team")
            }
        }
    }
}
