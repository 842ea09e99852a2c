import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Request bodies. Unknown enum values and wrong types become 422 problems naming the field.
struct CreateTicketRequest: Content {
    struct Requester: Codable {
        var email: String
        var name: String?
    }
    var subject: String
    var requester: Requester
    var body: String
    var priority: TicketPriority?
    var type: TicketType?
    var status: TicketStatus?
    var channel: ChannelKind?
    var tags: [String]?
    var customFields: [String: CustomFieldValue]?
    var assigneeId: Int64?
    var teamId: Int64?

    enum CodingKeys: String, CodingKey {
        case subject, requester, body, priority, type, status, channel, tags
        case customFields = "custom_fields", assigneeId = "assignee_id", teamId = "team_id"
    }
}

/// A partial ticket update. For `assignee_id` and `team_id`, `null` clears and absence keeps.
struct UpdateTicketRequest: Content {
    var version: Int64?
    var subject: String?
    var status: TicketStatus?
    var priority: TicketPriority?
    var type: TicketType?
    var assigneeId: Int64??
    var teamId: Int64??
    var requesterId: Int64?
    var tags: [String]?
    var addTags: [String]?
    var removeTags: [String]?
    var customFields: [String: CustomFieldValue]?

    enum CodingKeys: String, CodingKey {
        case version, subject, status, priority, type, tags
        case assigneeId = "assignee_id", teamId = "team_id", requesterId = "requester_id", addTags = "add_tags"
        case removeTags = "remove_tags", customFields = "custom_fields"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int64.self, forKey: .version)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        status = try c.decodeIfPresent(TicketStatus.self, forKey: .status)
        priority = try c.decodeIfPresent(TicketPriority.self, forKey: .priority)
        type = try c.decodeIfPresent(TicketType.self, forKey: .type)
        if c.contains(.assigneeId) { assigneeId = .some(try c.decodeIfPresent(Int64.self, forKey: .assigneeId)) }
        if c.contains(.teamId) { teamId = .some(try c.decodeIfPresent(Int64.self, forKey: .teamId)) }
        requesterId = try c.decodeIfPresent(Int64.self, forKey: .requesterId)
        tags = try c.decodeIfPresent([String].self, forKey: .tags)
        addTags = try c.decodeIfPresent([String].self, forKey: .addTags)
        removeTags = try c.decodeIfPresent([String].self, forKey: .removeTags)
        customFields = try c.decodeIfPresent([String: CustomFieldValue].self, forKey: .customFields)
    }

    var changes: TicketChanges {
        TicketChanges(
            subject: subject, status: status, priority: priority, type: type, assigneeId: assigneeId, teamId: teamId,
            requesterId: requesterId, tags: tags, addTags: addTags, removeTags: removeTags, customFields: customFields)
    }
}

struct AddMessageRequest: Content {
    /// Who wrote it: the signed-in staff member (default) or the ticket's requester (for integrations).
    enum Author: String, Codable {
        case me, requester
    }
    var body: String
    var visibility: MessageVisibility?
    var channel: ChannelKind?
    var author: Author?
    var externalId: String?

    enum CodingKeys: String, CodingKey {
        case body, visibility, channel, author
        case externalId = "external_id"
    }
}

struct LinkRequest: Content {
    var otherId: Int64
    var kind: TicketLinkKind

    enum CodingKeys: String, CodingKey {
        case kind
        case otherId = "other_id"
    }
}

struct MergeTicketRequest: Content {
    var targetId: Int64
    enum CodingKeys: String, CodingKey { case targetId = "target_id" }
}

struct SplitTicketRequest: Content {
    var messageId: Int64
    var subject: String?
    enum CodingKeys: String, CodingKey {
        case subject
        case messageId = "message_id"
    }
}

struct UserRequest: Content {
    var email: String?
    var name: String?
    var jobTitle: String?
    var locale: String?
    var timeZone: String?
    var role: Role?
    var password: String?
    var teamIds: [Int64]?
    var active: Bool?
    /// On create: mail the new member a link to choose their password.
    var sendInvite: Bool?

    enum CodingKeys: String, CodingKey {
        case email, name, locale, role, password, active
        case jobTitle = "job_title", timeZone = "time_zone", teamIds = "team_ids", sendInvite = "send_invite"
    }
}

struct TeamRequest: Content {
    var name: String?
    var description: String?
    var memberIds: [Int64]?
    var assignment: AssignmentStrategy?
    var reassignWhenOffline: Bool?
    enum CodingKeys: String, CodingKey {
        case name, description, assignment
        case memberIds = "member_ids", reassignWhenOffline = "reassign_when_offline"
    }
}

struct ContactRequest: Content {
    var name: String?
    var emails: [String]?
    var phones: [String]?
    var locale: String?
    var organizationId: Int64?
    var attributes: [String: JSONValue]?
    enum CodingKeys: String, CodingKey {
        case name, emails, phones, locale, attributes
        case organizationId = "organization_id"
    }
}

struct MergeContactRequest: Content {
    var sourceId: Int64
    enum CodingKeys: String, CodingKey { case sourceId = "source_id" }
}

struct OrganizationRequest: Content {
    var name: String?
    var domains: [String]?
    var tier: OrganizationTier?
    var accountOwnerId: Int64?
    var notes: String?
    var attributes: [String: JSONValue]?
    enum CodingKeys: String, CodingKey {
        case name, domains, tier, notes, attributes
        case accountOwnerId = "account_owner_id"
    }
}

struct ViewRequest: Content {
    var name: String?
    var shared: Bool?
    var filter: TicketFilter?
    var sort: String?
}

struct TokenRequest: Content {
    var name: String?
}

struct SignInRequest: Content {
    var email: String
    var password: String
}

struct CustomFieldRequest: Content {
    var key: String
    var label: String
    var kind: CustomFieldDefinition.Kind
    var options: [String]?
    var required: Bool?
}
