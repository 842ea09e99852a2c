import Foundation

/// One customer request, whatever the channel.
public struct Ticket: Sendable, Codable, Equatable {
    public var id: Int64
    public var number: Int64
    public var subject: String
    public var status: TicketStatus
    public var priority: TicketPriority
    public var type: TicketType
    public var channel: ChannelKind
    public var requesterId: Int64
    public var organizationId: Int64?
    public var assigneeId: Int64?
    public var teamId: Int64?
    public var tags: [String]
    public var customFields: [String: CustomFieldValue]
    public var followerIds: [Int64]
    /// Bumped on every change; a stale update is refused (optimistic concurrency).
    public var version: Int64
    public var createdAt: Date
    public var updatedAt: Date
    public var firstReplyAt: Date?
    public var solvedAt: Date?
    public var closedAt: Date?
    /// When the ticket went pending, while it is.
    public var pendingSince: Date?
    public var reopenCount: Int
    public var mergedIntoId: Int64?
    /// The SLA policy's clocks, when a policy covers the ticket.
    public var sla: TicketSLA?
    /// The support tier working the ticket: 0 agents, 1 senior agents, 2 support engineers.
    public var escalationLevel: Int

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, priority, type, channel, requesterId = "requester_id", organizationId = "organization_id", assigneeId = "assignee_id", teamId = "team_id", tags, customFields = "custom_fields", followerIds = "follower_ids", version, createdAt = "created_at", updatedAt = "updated_at", firstReplyAt = "first_reply_at", solvedAt = "solved_at", closedAt = "closed_at", pendingSince = "pending_since", reopenCount = "reopen_count", mergedIntoId = "merged_into_id", sla, escalationLevel = "escalation_level"
    }

    public init(
        id: Int64, number: Int64, subject: String, status: TicketStatus = .new, priority: TicketPriority = .normal,
        type: TicketType = .question, channel: ChannelKind = .api, requesterId: Int64, organizationId: Int64? = nil,
        assigneeId: Int64? = nil, teamId: Int64? = nil, tags: [String] = [], customFields: [String: CustomFieldValue] = [:],
        followerIds: [Int64] = [], version: Int64 = 1, createdAt: Date, updatedAt: Date? = nil, firstReplyAt: Date? = nil,
        solvedAt: Date? = nil, closedAt: Date? = nil, pendingSince: Date? = nil, reopenCount: Int = 0, mergedIntoId: Int64? = nil, sla: TicketSLA? = nil,
        escalationLevel: Int = 0
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.status = status
        self.priority = priority
        self.type = type
        self.channel = channel
        self.requesterId = requesterId
        self.organizationId = organizationId
        self.assigneeId = assigneeId
        self.teamId = teamId
        self.tags = tags
        self.customFields = customFields
        self.followerIds = followerIds
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.firstReplyAt = firstReplyAt
        self.solvedAt = solvedAt
        self.pendingSince = pendingSince
        self.closedAt = closedAt
        self.reopenCount = reopenCount
        self.mergedIntoId = mergedIntoId
        self.sla = sla
        self.escalationLevel = escalationLevel
    }

    /// Reads a ticket; fields added later (SLA, escalation level) may be missing from older events.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        number = try c.decode(Int64.self, forKey: .number)
        subject = try c.decode(String.self, forKey: .subject)
        status = try c.decode(TicketStatus.self, forKey: .status)
        priority = try c.decode(TicketPriority.self, forKey: .priority)
        type = try c.decode(TicketType.self, forKey: .type)
        channel = try c.decode(ChannelKind.self, forKey: .channel)
        requesterId = try c.decode(Int64.self, forKey: .requesterId)
        organizationId = try c.decodeIfPresent(Int64.self, forKey: .organizationId)
        assigneeId = try c.decodeIfPresent(Int64.self, forKey: .assigneeId)
        teamId = try c.decodeIfPresent(Int64.self, forKey: .teamId)
        tags = try c.decode([String].self, forKey: .tags)
        customFields = try c.decode([String: CustomFieldValue].self, forKey: .customFields)
        followerIds = try c.decode([Int64].self, forKey: .followerIds)
        version = try c.decode(Int64.self, forKey: .version)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        firstReplyAt = try c.decodeIfPresent(Date.self, forKey: .firstReplyAt)
        solvedAt = try c.decodeIfPresent(Date.self, forKey: .solvedAt)
        pendingSince = try c.decodeIfPresent(Date.self, forKey: .pendingSince)
        closedAt = try c.decodeIfPresent(Date.self, forKey: .closedAt)
        reopenCount = try c.decode(Int.self, forKey: .reopenCount)
        mergedIntoId = try c.decodeIfPresent(Int64.self, forKey: .mergedIntoId)
        sla = try c.decodeIfPresent(TicketSLA.self, forKey: .sla)
        escalationLevel = try c.decodeIfPresent(Int.self, forKey: .escalationLevel) ?? 0
    }

    /// Moves the ticket to `target`, keeping the timestamps reports need.
    public mutating func setStatus(_ target: TicketStatus, now: Date) throws(DomainError) {
        let next = try status.transition(to: target)
        guard next != status else { return }
        if status == .solved && next != .closed { reopenCount += 1; solvedAt = nil }
        if next == .solved { solvedAt = now }
        pendingSince = next == .pending ? now : nil
        if next == .closed {
            closedAt = now
            if solvedAt == nil { solvedAt = now }
        }
        status = next
    }
}

/// Tag rules: lower-case, no spaces, at most 64 characters, at most 50 per ticket.
public enum Tags {
    public static func normalize(_ raw: [String], field: String = "tags") throws(DomainError) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for tag in raw {
            let t = normalized(tag)
            guard !t.isEmpty else { throw .invalid(field: field, "a tag cannot be empty") }
            guard t.count <= 64 else { throw .invalid(field: field, "a tag is longer than 64 characters") }
            guard !t.contains(where: { $0 == "," || $0.isNewline }) else {
                throw .invalid(field: field, "a tag cannot contain commas or line breaks")
            }
            if seen.insert(t).inserted { out.append(t) }
        }
        guard out.count <= 50 else { throw .invalid(field: field, "at most 50 tags") }
        return out
    }

    /// `tag` as tags are kept: trimmed, lower case, spaces as underscores. One already so
    /// (printable ASCII without capitals or spaces, as nearly all are) is returned as it is:
    /// Foundation's string work on every tag of every updated ticket was a fifteenth of the
    /// writer's time.
    static func normalized(_ tag: String) -> String {
        if tag.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) { return tag }
        return tag.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
    }
}

/// Who wrote a message or made a change.
public enum AuthorKind: String, Codable, Sendable {
    case staff, contact, system
}

/// Whether a message is visible to the customer.
public enum MessageVisibility: String, Codable, Sendable {
    case `public`
    case `internal`
}

/// One entry of a ticket's timeline.
public struct Message: Sendable, Codable, Equatable {
    public var id: Int64
    public var ticketId: Int64
    public var authorKind: AuthorKind
    public var authorId: Int64?
    public var visibility: MessageVisibility
    public var channel: ChannelKind
    public var body: String
    /// The channel's own id (Message-ID, chat id, call id).
    public var externalId: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, ticketId = "ticket_id", authorKind = "author_kind", authorId = "author_id", visibility, channel, body, externalId = "external_id", createdAt = "created_at"
    }

    public init(
        id: Int64, ticketId: Int64, authorKind: AuthorKind, authorId: Int64?, visibility: MessageVisibility,
        channel: ChannelKind, body: String, externalId: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.ticketId = ticketId
        self.authorKind = authorKind
        self.authorId = authorId
        self.visibility = visibility
        self.channel = channel
        self.body = body
        self.externalId = externalId
        self.createdAt = createdAt
    }
}

/// How two tickets relate.
public enum TicketLinkKind: String, Codable, Sendable, CaseIterable {
    case related
    /// `ticket` is the parent of `other`.
    case parent
    case child
    /// Set by merge: `ticket` was merged into `other`.
    case mergedInto = "merged_into"
    /// Set by merge: `other` was merged into `ticket`.
    case mergedFrom = "merged_from"
    /// Set by split: `ticket` was split out of `other`.
    case splitFrom = "split_from"
    /// Set by split: `other` was split out of `ticket`.
    case splitInto = "split_into"
    /// `ticket` is a follow-up opened after `other` was closed.
    case followUpOf = "follow_up_of"
    /// `other` is a follow-up of `ticket`.
    case followedUpBy = "followed_up_by"

    /// The kind seen from the other ticket.
    public var inverse: TicketLinkKind {
        switch self {
        case .related: .related
        case .parent: .child
        case .child: .parent
        case .mergedInto: .mergedFrom
        case .mergedFrom: .mergedInto
        case .splitFrom: .splitInto
        case .splitInto: .splitFrom
        case .followUpOf: .followedUpBy
        case .followedUpBy: .followUpOf
        }
    }
}

/// Limits on free text, in characters.
public enum Limits {
    public static let subject = 250
    public static let body = 65_536
    public static let name = 200
    public static let jobTitle = 120
    public static let teamName = 100
    public static let viewName = 120
    public static let requestBodyBytes = 1_048_576
}
