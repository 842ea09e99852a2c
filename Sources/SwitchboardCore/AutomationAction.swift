import Foundation

/// One thing an automation rule does to a ticket.
public struct AutomationAction: Sendable, Codable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case setStatus = "set_status", setPriority = "set_priority", setType = "set_type"
        /// `value`: a user id, or null to unassign.
        case assign
        /// `value`: a team id, or null for none.
        case setTeam = "set_team"
        case addTags = "add_tags", removeTags = "remove_tags"
        /// An internal note with `body` (placeholders filled in).
        case addNote = "add_note"
        /// Mail with `subject` and `body` (placeholders filled in).
        case emailRequester = "email_requester", emailAssignee = "email_assignee", emailTeam = "email_team"
        /// POST the event as JSON to `url`, signed with HMAC-SHA256 when `secret` is set.
        case webhook
    }

    public var kind: Kind
    public var value: JSONValue?
    public var subject: String?
    public var body: String?
    public var url: String?
    public var secret: String?

    public init(_ kind: Kind, _ value: JSONValue? = nil, subject: String? = nil, body: String? = nil, url: String? = nil, secret: String? = nil) {
        self.kind = kind
        self.value = value
        self.subject = subject
        self.body = body
        self.url = url
        self.secret = secret
    }

    /// The tags of `add_tags` / `remove_tags` (a string or a list of strings).
    public var tags: [String] {
        switch value {
        case .string(let s)?: s.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        case .array(let a)?: a.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: []
        }
    }

    func validate(field: String) throws(DomainError) {
        func enumValue<E: RawRepresentable>(_ type: E.Type, _ name: String) throws(DomainError) where E.RawValue == String {
            guard case .string(let s)? = value, E(rawValue: s) != nil else { throw .invalid(field: "\(field).value", "is not a valid \(name)") }
        }
        switch kind {
        case .setStatus:
            try enumValue(TicketStatus.self, "status")
            if case .string("new")? = value { throw .invalid(field: "\(field).value", "a ticket cannot move back to new") }
        case .setPriority: try enumValue(TicketPriority.self, "priority")
        case .setType: try enumValue(TicketType.self, "type")
        case .assign, .setTeam:
            switch value {
            case .number(let n)? where n >= 1 && n <= 9_007_199_254_740_991 && n == n.rounded(): break
            case .null?, nil: break
            default: throw .invalid(field: "\(field).value", "must be an id, or null for none")
            }
        case .addTags, .removeTags:
            guard !tags.isEmpty else { throw .invalid(field: "\(field).value", "name at least one tag") }
            _ = try Tags.normalize(tags, field: "\(field).value")
        case .addNote:
            guard let body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid(field: "\(field).body", "is required") }
            guard body.count <= Limits.body else { throw .invalid(field: "\(field).body", "is too long") }
            try Placeholders.validate(body, field: "\(field).body")
        case .emailRequester, .emailAssignee, .emailTeam:
            guard let subject, !subject.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid(field: "\(field).subject", "is required") }
            guard let body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalid(field: "\(field).body", "is required") }
            guard subject.count <= Limits.subject else { throw .invalid(field: "\(field).subject", "is too long") }
            guard body.count <= Limits.body else { throw .invalid(field: "\(field).body", "is too long") }
            try Placeholders.validate(subject, field: "\(field).subject")
            try Placeholders.validate(body, field: "\(field).body")
        case .webhook:
            guard let url, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil,
                url.count <= 2000
            else { throw .invalid(field: "\(field).url", "must be an http or https URL") }
            if let secret, secret.count > 200 { throw .invalid(field: "\(field).secret", "is too long") }
        }
    }

    /// Applies a field-changing action to `ticket` (the others do nothing here); returns
    /// whether the ticket changed.
    @discardableResult
    public func apply(to ticket: inout Ticket, now: Date) -> Bool {
        let before = ticket
        func id() -> Int64? { if case .number(let n)? = value { Int64(exactly: n) } else { nil } }
        switch kind {
        case .setStatus:
            if case .string(let s)? = value, let status = TicketStatus(rawValue: s) { try? ticket.setStatus(status, now: now) }
        case .setPriority:
            if case .string(let s)? = value, let p = TicketPriority(rawValue: s) { ticket.priority = p }
        case .setType:
            if case .string(let s)? = value, let t = TicketType(rawValue: s) { ticket.type = t }
        case .assign: ticket.assigneeId = id()
        case .setTeam: ticket.teamId = id()
        case .addTags: ticket.tags = (try? Tags.normalize(ticket.tags + tags)) ?? ticket.tags
        case .removeTags:
            let gone = Set((try? Tags.normalize(tags)) ?? [])
            ticket.tags.removeAll { gone.contains($0) }
        case .addNote, .emailRequester, .emailAssignee, .emailTeam, .webhook:
            break
        }
        return ticket != before
    }

    /// Whether doing this makes `condition` false: what keeps a time rule from running again.
    func undoes(_ condition: AutomationCondition) -> Bool {
        switch (kind, condition.field, condition.op) {
        case (.setStatus, .status, .is), (.setPriority, .priority, .is), (.setType, .type, .is):
            return value != condition.value
        case (.setStatus, .status, .isNot), (.setPriority, .priority, .isNot), (.setType, .type, .isNot):
            return value == condition.value
        case (.assign, .assignee, .is), (.setTeam, .team, .is):
            return (value ?? .null) != (condition.value ?? .null)
        case (.assign, .assignee, .isNot), (.setTeam, .team, .isNot):
            return (value ?? .null) == (condition.value ?? .null)
        case (.addTags, .tags, .excludes):
            guard case .string(let tag)? = condition.value else { return false }
            return tags.map { $0.lowercased() }.contains(tag.lowercased())
        case (.removeTags, .tags, .includes):
            guard case .string(let tag)? = condition.value else { return false }
            return tags.map { $0.lowercased() }.contains(tag.lowercased())
        case (.setStatus, .hoursSincePending, _), (.setStatus, .hoursSinceSolved, _):
            // Leaving pending (or solved: closing) ends the wait the condition counts.
            if case .string(let s)? = value { return condition.field == .hoursSincePending ? s != "pending" : s == "closed" }
            return false
        default:
            return false
        }
    }

    /// Whether doing this makes `condition` hold, whatever the ticket was (on the update it
    /// makes, for the "changed" operators).
    func establishes(_ condition: AutomationCondition) -> Bool {
        let same = (value ?? .null) == (condition.value ?? .null)
        switch (kind, condition.field, condition.op) {
        case (.setStatus, .status, .is), (.setPriority, .priority, .is), (.setType, .type, .is),
            (.assign, .assignee, .is), (.setTeam, .team, .is),
            (.setStatus, .status, .changedTo), (.setPriority, .priority, .changedTo), (.setType, .type, .changedTo),
            (.assign, .assignee, .changedTo), (.setTeam, .team, .changedTo):
            return same
        case (.setStatus, .status, .isNot), (.setPriority, .priority, .isNot), (.setType, .type, .isNot),
            (.assign, .assignee, .isNot), (.setTeam, .team, .isNot):
            return !same
        case (.setStatus, .status, .changed), (.setPriority, .priority, .changed), (.setType, .type, .changed),
            (.assign, .assignee, .changed), (.setTeam, .team, .changed):
            return true
        case (.addTags, .tags, .includes), (.removeTags, .tags, .excludes):
            guard case .string(let tag)? = condition.value else { return false }
            return tags.map { $0.lowercased() }.contains(tag.lowercased())
        default:
            return false
        }
    }

    /// Whether this and `other` set one field to different values: each undoes the other.
    func conflicts(with other: AutomationAction) -> Bool {
        switch (kind, other.kind) {
        case (.setStatus, .setStatus), (.setPriority, .setPriority), (.setType, .setType), (.assign, .assign), (.setTeam, .setTeam):
            return (value ?? .null) != (other.value ?? .null)
        case (.addTags, .removeTags), (.removeTags, .addTags):
            return !Set(tags.map { $0.lowercased() }).isDisjoint(with: other.tags.map { $0.lowercased() })
        default:
            return false
        }
    }
}
