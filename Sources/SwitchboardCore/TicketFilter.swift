import Foundation

/// A filter over tickets: what a view saves and what the ticket list accepts.
///
/// Every list is "any of"; separate fields are combined with "and".
public struct TicketFilter: Sendable, Codable, Equatable {
    /// Whom an assignee condition names.
    public enum AssigneeRef: Sendable, Codable, Equatable, Hashable {
        case me
        case none
        case user(Int64)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let id = try? c.decode(Int64.self) { self = .user(id); return }
            let s = try c.decode(String.self)
            switch s {
            case "me": self = .me
            case "none": self = .none
            default:
                guard let id = Int64(s) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a user id, \"me\" or \"none\"")
                }
                self = .user(id)
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .me: try c.encode("me")
            case .none: try c.encode("none")
            case .user(let id): try c.encode(id)
            }
        }
    }

    public var statuses: [TicketStatus]?
    public var priorities: [TicketPriority]?
    public var types: [TicketType]?
    public var tags: [String]?
    public var assignees: [AssigneeRef]?
    /// Team ids; `myTeams` adds the teams of the person asking.
    public var teamIds: [Int64]?
    public var myTeams: Bool?
    public var requesterIds: [Int64]?
    public var organizationIds: [Int64]?
    public var channels: [ChannelKind]?
    public var createdFrom: Date?
    public var createdTo: Date?
    public var updatedFrom: Date?
    public var updatedTo: Date?
    /// Full-text query over subjects and message bodies.
    public var query: String?
    /// The earliest due time of a running SLA clock, from (inclusive) and to (exclusive).
    public var slaDueFrom: Date?
    public var slaDueTo: Date?

    enum CodingKeys: String, CodingKey {
        case statuses = "status", priorities = "priority", types = "type", tags = "tag", assignees = "assignee"
        case teamIds = "team", myTeams = "my_teams", requesterIds = "requester", organizationIds = "organization"
        case channels = "channel", createdFrom = "created_from", createdTo = "created_to"
        case updatedFrom = "updated_from", updatedTo = "updated_to", query = "q"
        case slaDueFrom = "sla_due_from", slaDueTo = "sla_due_to"
    }

    public init(
        statuses: [TicketStatus]? = nil, priorities: [TicketPriority]? = nil, types: [TicketType]? = nil,
        tags: [String]? = nil, assignees: [AssigneeRef]? = nil, teamIds: [Int64]? = nil, myTeams: Bool? = nil,
        requesterIds: [Int64]? = nil, organizationIds: [Int64]? = nil, channels: [ChannelKind]? = nil,
        createdFrom: Date? = nil, createdTo: Date? = nil, updatedFrom: Date? = nil, updatedTo: Date? = nil,
        query: String? = nil, slaDueFrom: Date? = nil, slaDueTo: Date? = nil
    ) {
        self.statuses = statuses
        self.priorities = priorities
        self.types = types
        self.tags = tags
        self.assignees = assignees
        self.teamIds = teamIds
        self.myTeams = myTeams
        self.requesterIds = requesterIds
        self.organizationIds = organizationIds
        self.channels = channels
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.updatedFrom = updatedFrom
        self.updatedTo = updatedTo
        self.query = query
        self.slaDueFrom = slaDueFrom
        self.slaDueTo = slaDueTo
    }

    /// Both filters at once (fields set in `other` override this one's).
    public func merged(with other: TicketFilter) -> TicketFilter {
        var f = self
        f.statuses = other.statuses ?? statuses
        f.priorities = other.priorities ?? priorities
        f.types = other.types ?? types
        f.tags = other.tags ?? tags
        f.assignees = other.assignees ?? assignees
        f.teamIds = other.teamIds ?? teamIds
        f.myTeams = other.myTeams ?? myTeams
        f.requesterIds = other.requesterIds ?? requesterIds
        f.organizationIds = other.organizationIds ?? organizationIds
        f.channels = other.channels ?? channels
        f.createdFrom = other.createdFrom ?? createdFrom
        f.createdTo = other.createdTo ?? createdTo
        f.updatedFrom = other.updatedFrom ?? updatedFrom
        f.updatedTo = other.updatedTo ?? updatedTo
        f.query = other.query ?? query
        f.slaDueFrom = other.slaDueFrom ?? slaDueFrom
        f.slaDueTo = other.slaDueTo ?? slaDueTo
        return f
    }
}

/// The order of a ticket list.
public struct TicketSort: Sendable, Codable, Equatable {
    public enum Field: String, Codable, Sendable, CaseIterable {
        case updatedAt = "updated_at", createdAt = "created_at", priority, number
        /// Creation order by id; text searches list newest first this way unless told otherwise.
        case id
        /// The next SLA due time; tickets without a running clock come last.
        case slaDueAt = "sla_due_at"
    }
    public var field: Field
    public var descending: Bool

    public init(field: Field = .updatedAt, descending: Bool = true) {
        self.field = field
        self.descending = descending
    }

    /// Parses `updated_at`, `-updated_at` (descending), `priority`, …
    public init(parsing raw: String) throws(DomainError) {
        let desc = raw.hasPrefix("-")
        guard let f = Field(rawValue: desc ? String(raw.dropFirst()) : raw) else {
            throw .invalid(field: "sort", "must be one of \(Field.allCases.map(\.rawValue).joined(separator: ", ")), optionally prefixed by -")
        }
        self.init(field: f, descending: desc)
    }

    public var description: String { (descending ? "-" : "") + field.rawValue }
}

/// Where the next page starts: the sort value and id of the last row seen.
public struct PageCursor: Sendable, Codable, Equatable {
    public var sortValue: Int64
    public var id: Int64
    public var sort: String

    public init(sortValue: Int64, id: Int64, sort: String) {
        self.sortValue = sortValue
        self.id = id
        self.sort = sort
    }

    /// An opaque token for clients.
    public var token: String {
        Data("\(sort)|\(sortValue)|\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public init(token: String) throws(DomainError) {
        var b64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard token.count <= 200, let data = Data(base64Encoded: b64) else { throw .invalid(field: "cursor", "is not a valid cursor") }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|")
        guard parts.count == 3, let value = Int64(parts[1]), let id = Int64(parts[2]) else {
            throw .invalid(field: "cursor", "is not a valid cursor")
        }
        self.init(sortValue: value, id: id, sort: String(parts[0]))
    }
}

/// The views every workspace has.
public enum BuiltInView: String, Sendable, CaseIterable, Codable {
    case myOpen = "my_open"
    case unassigned
    case myTeams = "my_teams"
    case allOpen = "all_open"
    case pending
    case recentlySolved = "recently_solved"
    /// Unsolved tickets whose next SLA target falls due within the hour.
    case slaBreachingSoon = "sla_breaching_soon"
    /// Unsolved tickets with a running SLA target already past due.
    case slaBreached = "sla_breached"

    public var title: String {
        switch self {
        case .myOpen: "My open tickets"
        case .unassigned: "Unassigned"
        case .myTeams: "My teams' tickets"
        case .allOpen: "All open"
        case .pending: "Pending"
        case .recentlySolved: "Recently solved"
        case .slaBreachingSoon: "Breaching within 1 h"
        case .slaBreached: "SLA breached"
        }
    }

    /// How the view lists its tickets: SLA views soonest due first.
    public var sort: TicketSort {
        switch self {
        case .slaBreachingSoon, .slaBreached: TicketSort(field: .slaDueAt, descending: false)
        default: TicketSort()
        }
    }

    /// "Open" means unsolved: new, open, pending or on hold.
    public func filter(now: Date) -> TicketFilter {
        let unsolved: [TicketStatus] = [.new, .open, .pending, .onHold]
        switch self {
        case .myOpen: return TicketFilter(statuses: unsolved, assignees: [.me])
        case .unassigned: return TicketFilter(statuses: unsolved, assignees: [.none])
        case .myTeams: return TicketFilter(statuses: unsolved, myTeams: true)
        case .allOpen: return TicketFilter(statuses: unsolved)
        case .pending: return TicketFilter(statuses: [.pending])
        case .recentlySolved:
            return TicketFilter(statuses: [.solved, .closed], updatedFrom: now.addingTimeInterval(-7 * 86_400))
        case .slaBreachingSoon:
            return TicketFilter(statuses: unsolved, slaDueFrom: now, slaDueTo: now.addingTimeInterval(3600))
        case .slaBreached:
            return TicketFilter(statuses: unsolved, slaDueTo: now)
        }
    }
}
