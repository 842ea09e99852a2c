import Foundation

/// A partial update of a ticket's fields; `nil` leaves a field alone. For the optional
/// references, `.some(nil)` clears them.
public struct TicketChanges: Sendable, Equatable {
    public var subject: String?
    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var type: TicketType?
    public var assigneeId: Int64??
    public var teamId: Int64??
    public var requesterId: Int64?
    /// Replaces all tags.
    public var tags: [String]?
    public var addTags: [String]?
    public var removeTags: [String]?
    /// Merged into the existing values; `.null` removes one.
    public var customFields: [String: CustomFieldValue]?

    public init(
        subject: String? = nil, status: TicketStatus? = nil, priority: TicketPriority? = nil, type: TicketType? = nil,
        assigneeId: Int64?? = nil, teamId: Int64?? = nil, requesterId: Int64? = nil, tags: [String]? = nil,
        addTags: [String]? = nil, removeTags: [String]? = nil, customFields: [String: CustomFieldValue]? = nil
    ) {
        self.subject = subject
        self.status = status
        self.priority = priority
        self.type = type
        self.assigneeId = assigneeId
        self.teamId = teamId
        self.requesterId = requesterId
        self.tags = tags
        self.addTags = addTags
        self.removeTags = removeTags
        self.customFields = customFields
    }

    /// The changes that turn `current` into `target` in the fields automations and macros set
    /// (status, priority, type, assignee, team, tags).
    public init(from current: Ticket, to target: Ticket) {
        self.init()
        if target.status != current.status { status = target.status }
        if target.priority != current.priority { priority = target.priority }
        if target.type != current.type { type = target.type }
        if target.assigneeId != current.assigneeId { assigneeId = .some(target.assigneeId) }
        if target.teamId != current.teamId { teamId = .some(target.teamId) }
        if target.tags != current.tags { tags = target.tags }
    }

    /// Applies the changes to `ticket`: checks the status transition and keeps the report
    /// timestamps. Custom field values must already be validated. Returns whether anything changed.
    @discardableResult
    public func apply(to target: inout Ticket, now: Date) throws(DomainError) -> Bool {
        // Work on a copy so that a refused change leaves the caller's ticket untouched.
        let before = target
        var ticket = target
        if ticket.status == .closed {
            throw .invalidTransition(field: "status", "a closed ticket is final and cannot be changed")
        }
        if let subject {
            ticket.subject = try validatedText(subject, field: "subject", max: Limits.subject) ?? ticket.subject
        }
        if let priority { ticket.priority = priority }
        if let type { ticket.type = type }
        if let assigneeId { ticket.assigneeId = assigneeId }
        if let teamId { ticket.teamId = teamId }
        if let requesterId { ticket.requesterId = requesterId }
        if let tags { ticket.tags = try Tags.normalize(tags) }
        if let addTags {
            ticket.tags = try Tags.normalize(ticket.tags + Tags.normalize(addTags, field: "add_tags"))
        }
        if let removeTags {
            let remove = Set(try Tags.normalize(removeTags, field: "remove_tags"))
            ticket.tags.removeAll { remove.contains($0) }
        }
        if let customFields {
            for (key, value) in customFields {
                if value == .null { ticket.customFields[key] = nil } else { ticket.customFields[key] = value }
            }
        }
        if let status {
            if status == .new && ticket.status != .new {
                throw .invalidTransition(field: "status", "a ticket cannot move back to new")
            }
            try ticket.setStatus(status, now: now)
        }
        // An assigned ticket is being worked on: it is no longer new.
        if ticket.status == .new, ticket.assigneeId != nil, status == nil { ticket.status = .open }
        guard ticket != before else { return false }
        ticket.version += 1
        ticket.updatedAt = now
        target = ticket
        return true
    }
}
