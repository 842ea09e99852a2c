import Foundation

/// A staff member.
public struct User: Sendable, Codable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    /// Free text: what the team calls the person ("Support Hero").
    public var jobTitle: String?
    public var locale: String
    /// An IANA time zone ("Europe/Kyiv") for times on pages; nil: the browser's own.
    public var timeZone: String?
    public var role: Role
    public var active: Bool
    public var teamIds: [Int64]
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email, name, jobTitle = "job_title", locale, timeZone = "time_zone", role, active, teamIds = "team_ids"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(
        id: Int64, email: String, name: String, jobTitle: String?, locale: String, timeZone: String? = nil, role: Role, active: Bool,
        teamIds: [Int64], createdAt: Date, updatedAt: Date
    ) {
        self.timeZone = timeZone
        self.id = id
        self.email = email
        self.name = name
        self.jobTitle = jobTitle
        self.locale = locale
        self.role = role
        self.active = active
        self.teamIds = teamIds
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A group of staff: Support, Billing, Technical, Sales …
public struct Team: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var description: String?
    public var memberIds: [Int64]
    /// How the team's unassigned tickets find an agent.
    public var assignment: AssignmentStrategy
    /// Whether an agent going offline gives their open tickets of this team back to routing.
    public var reassignWhenOffline: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, description, memberIds = "member_ids", assignment, reassignWhenOffline = "reassign_when_offline"
    }

    public init(
        id: Int64, name: String, description: String?, memberIds: [Int64], assignment: AssignmentStrategy = .manual,
        reassignWhenOffline: Bool = false
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.memberIds = memberIds
        self.assignment = assignment
        self.reassignWhenOffline = reassignWhenOffline
    }
}

/// Account tier of an organization.
public enum OrganizationTier: String, Codable, Sendable, CaseIterable {
    case standard
    case vip
    case keyAccount = "key_account"
}

/// A customer company.
public struct Organization: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var domains: [String]
    public var tier: OrganizationTier
    public var accountOwnerId: Int64?
    public var notes: String?
    public var attributes: [String: JSONValue]
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, domains, tier, accountOwnerId = "account_owner_id", notes, attributes, createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(
        id: Int64, name: String, domains: [String], tier: OrganizationTier, accountOwnerId: Int64?, notes: String?,
        attributes: [String: JSONValue], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.domains = domains
        self.tier = tier
        self.accountOwnerId = accountOwnerId
        self.notes = notes
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A customer: one person with any number of emails and phones.
public struct Contact: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var emails: [String]
    public var phones: [String]
    public var locale: String?
    public var organizationId: Int64?
    public var attributes: [String: JSONValue]
    /// Set when this contact was merged into another; the record is kept as a pointer.
    public var mergedIntoId: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, emails, phones, locale, organizationId = "organization_id", attributes, mergedIntoId = "merged_into_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(
        id: Int64, name: String, emails: [String], phones: [String], locale: String?, organizationId: Int64?,
        attributes: [String: JSONValue], mergedIntoId: Int64?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.emails = emails
        self.phones = phones
        self.locale = locale
        self.organizationId = organizationId
        self.attributes = attributes
        self.mergedIntoId = mergedIntoId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A saved filter over tickets, personal or shared with everyone.
public struct SavedView: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var ownerId: Int64
    public var shared: Bool
    public var filter: TicketFilter
    public var sort: TicketSort

    enum CodingKeys: String, CodingKey {
        case id, name, ownerId = "owner_id", shared, filter, sort
    }

    public init(id: Int64, name: String, ownerId: Int64, shared: Bool, filter: TicketFilter, sort: TicketSort) {
        self.id = id
        self.name = name
        self.ownerId = ownerId
        self.shared = shared
        self.filter = filter
        self.sort = sort
    }
}

/// An API token's public face (the secret is shown once, at creation).
public struct APIToken: Sendable, Codable, Equatable {
    public var id: Int64
    public var userId: Int64
    public var name: String
    /// The first characters of the token, to tell tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, userId = "user_id", name, prefix, createdAt = "created_at", lastUsedAt = "last_used_at", revokedAt = "revoked_at"
    }

    public init(id: Int64, userId: Int64, name: String, prefix: String, createdAt: Date, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.userId = userId
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
