import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// API representations. Field names are snake_case, spelled out so user-defined keys
/// (custom fields, attributes) pass through untouched.
struct TicketDTO: Content {
    var id: Int64
    var number: Int64
    var subject: String
    var status: TicketStatus
    var priority: TicketPriority
    var type: TicketType
    var channel: ChannelKind
    var requesterId: Int64
    var organizationId: Int64?
    var assigneeId: Int64?
    var teamId: Int64?
    var tags: [String]
    var customFields: [String: CustomFieldValue]
    var followerIds: [Int64]
    var version: Int64
    var createdAt: Date
    var updatedAt: Date
    var firstReplyAt: Date?
    var solvedAt: Date?
    var closedAt: Date?
    var pendingSince: Date?
    var reopenCount: Int
    var mergedIntoId: Int64?
    var sla: TicketSLA?
    var escalationLevel: Int

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, priority, type, channel, tags, version, sla
        case escalationLevel = "escalation_level"
        case requesterId = "requester_id", organizationId = "organization_id", assigneeId = "assignee_id", teamId = "team_id"
        case customFields = "custom_fields", followerIds = "follower_ids", createdAt = "created_at", updatedAt = "updated_at"
        case firstReplyAt = "first_reply_at", solvedAt = "solved_at", closedAt = "closed_at", reopenCount = "reopen_count"
        case pendingSince = "pending_since"
        case mergedIntoId = "merged_into_id"
    }

    init(_ t: Ticket) {
        id = t.id
        number = t.number
        subject = t.subject
        status = t.status
        priority = t.priority
        type = t.type
        channel = t.channel
        requesterId = t.requesterId
        organizationId = t.organizationId
        assigneeId = t.assigneeId
        teamId = t.teamId
        tags = t.tags
        customFields = t.customFields
        followerIds = t.followerIds
        version = t.version
        createdAt = t.createdAt
        updatedAt = t.updatedAt
        firstReplyAt = t.firstReplyAt
        solvedAt = t.solvedAt
        closedAt = t.closedAt
        pendingSince = t.pendingSince
        reopenCount = t.reopenCount
        mergedIntoId = t.mergedIntoId
        sla = t.sla
        escalationLevel = t.escalationLevel
    }
}

struct MessageDTO: Content {
    var id: Int64
    var ticketId: Int64
    var authorKind: AuthorKind
    var authorId: Int64?
    var visibility: MessageVisibility
    var channel: ChannelKind
    var body: String
    var externalId: String?
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, visibility, channel, body
        case ticketId = "ticket_id", authorKind = "author_kind", authorId = "author_id", externalId = "external_id"
        case createdAt = "created_at"
    }

    init(_ m: Message) {
        id = m.id
        ticketId = m.ticketId
        authorKind = m.authorKind
        authorId = m.authorId
        visibility = m.visibility
        channel = m.channel
        body = m.body
        externalId = m.externalId
        createdAt = m.createdAt
    }
}

struct UserDTO: Content {
    var id: Int64
    var email: String
    var name: String
    var jobTitle: String?
    var locale: String
    var timeZone: String?
    var role: Role
    var active: Bool
    var teamIds: [Int64]
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email, name, locale, role, active
        case jobTitle = "job_title", timeZone = "time_zone", teamIds = "team_ids", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ u: User) {
        id = u.id
        email = u.email
        name = u.name
        jobTitle = u.jobTitle
        locale = u.locale
        timeZone = u.timeZone
        role = u.role
        active = u.active
        teamIds = u.teamIds
        createdAt = u.createdAt
        updatedAt = u.updatedAt
    }
}

struct TeamDTO: Content {
    var id: Int64
    var name: String
    var description: String?
    var memberIds: [Int64]
    var assignment: AssignmentStrategy
    var reassignWhenOffline: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, description, assignment
        case memberIds = "member_ids", reassignWhenOffline = "reassign_when_offline"
    }

    init(_ t: Team) {
        id = t.id
        name = t.name
        description = t.description
        memberIds = t.memberIds
        assignment = t.assignment
        reassignWhenOffline = t.reassignWhenOffline
    }
}

struct ContactDTO: Content {
    var id: Int64
    var name: String
    var emails: [String]
    var phones: [String]
    var locale: String?
    var organizationId: Int64?
    var attributes: [String: JSONValue]
    var mergedIntoId: Int64?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, emails, phones, locale, attributes
        case organizationId = "organization_id", mergedIntoId = "merged_into_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ c: Contact) {
        id = c.id
        name = c.name
        emails = c.emails
        phones = c.phones
        locale = c.locale
        organizationId = c.organizationId
        attributes = c.attributes
        mergedIntoId = c.mergedIntoId
        createdAt = c.createdAt
        updatedAt = c.updatedAt
    }
}

struct OrganizationDTO: Content {
    var id: Int64
    var name: String
    var domains: [String]
    var tier: OrganizationTier
    var accountOwnerId: Int64?
    var notes: String?
    var attributes: [String: JSONValue]
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, domains, tier, notes, attributes
        case accountOwnerId = "account_owner_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ o: Organization) {
        id = o.id
        name = o.name
        domains = o.domains
        tier = o.tier
        accountOwnerId = o.accountOwnerId
        notes = o.notes
        attributes = o.attributes
        createdAt = o.createdAt
        updatedAt = o.updatedAt
    }
}

struct ViewDTO: Content {
    var id: String
    var name: String
    var builtIn: Bool
    var shared: Bool
    var ownerId: Int64?
    var filter: TicketFilter
    var sort: String
    var count: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, shared, filter, sort, count
        case builtIn = "built_in", ownerId = "owner_id"
    }
}

struct TokenDTO: Content {
    var id: Int64
    var userId: Int64
    var name: String
    var prefix: String
    var createdAt: Date
    var lastUsedAt: Date?
    var revokedAt: Date?
    /// Only in the response that created the token.
    var token: String?

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, token
        case userId = "user_id", createdAt = "created_at", lastUsedAt = "last_used_at", revokedAt = "revoked_at"
    }

    init(_ t: APIToken, secret: String? = nil) {
        id = t.id
        userId = t.userId
        name = t.name
        prefix = t.prefix
        createdAt = t.createdAt
        lastUsedAt = t.lastUsedAt
        revokedAt = t.revokedAt
        token = secret
    }
}

struct AuditEventDTO: Content {
    var sequence: Int64
    var occurredAt: Date
    var actorKind: Actor.Kind
    var actorId: Int64?
    var entity: EntityType
    var entityId: Int64
    var action: String
    var before: JSONValue?
    var after: JSONValue?
    var hash: String

    enum CodingKeys: String, CodingKey {
        case sequence, entity, action, before, after, hash
        case occurredAt = "occurred_at", actorKind = "actor_kind", actorId = "actor_id", entityId = "entity_id"
    }

    init(_ e: AuditEvent) {
        sequence = e.sequence
        occurredAt = e.occurredAt
        actorKind = e.actor.kind
        actorId = e.actor.id
        entity = e.entity
        entityId = e.entityId
        action = e.action
        before = e.before?.value
        after = e.after?.value
        hash = e.hash
    }
}

struct CustomFieldDTO: Content {
    var id: Int64
    var key: String
    var label: String
    var kind: CustomFieldDefinition.Kind
    var options: [String]
    var required: Bool
    var active: Bool

    init(_ d: CustomFieldDefinition) {
        id = d.id
        key = d.key
        label = d.label
        kind = d.kind
        options = d.options
        required = d.required
        active = d.active
    }
}

/// A page of items with the cursor of the next page.
struct Page<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?
    var count: Int?

    enum CodingKeys: String, CodingKey {
        case items, count
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)  // always present, null on the last page
        try c.encodeIfPresent(count, forKey: .count)
    }
}
