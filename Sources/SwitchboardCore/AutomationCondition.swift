import Foundation

/// One condition of an automation rule: a field, an operator and a value.
public struct AutomationCondition: Sendable, Codable, Equatable {
    /// What a condition can look at.
    public enum Field: String, Codable, Sendable, CaseIterable {
        case status, priority, type, channel, tags, subject
        /// The text of the message that came with the event.
        case message
        case assignee, team, requester, organization
        case requesterEmail = "requester_email"
        case organizationTier = "organization_tier"
        case hoursSinceCreated = "hours_since_created"
        case hoursSinceUpdated = "hours_since_updated"
        case hoursSincePending = "hours_since_pending"
        case hoursSinceSolved = "hours_since_solved"

        public var isTime: Bool { [.hoursSinceCreated, .hoursSinceUpdated, .hoursSincePending, .hoursSinceSolved].contains(self) }

        /// Whether the field is about the requester or organization, looked up apart from the ticket.
        public var needsPeople: Bool { self == .requesterEmail || self == .organizationTier }

        /// The operators that make sense for this field.
        var operators: Set<AutomationCondition.Operator> {
            switch self {
            case .status, .priority, .type, .channel, .assignee, .team, .requester, .organization, .organizationTier:
                [.is, .isNot, .changed, .changedTo, .changedFrom]
            case .tags: [.includes, .excludes]
            case .subject, .message, .requesterEmail: [.contains, .notContains, .is, .isNot]
            case .hoursSinceCreated, .hoursSinceUpdated, .hoursSincePending, .hoursSinceSolved: [.greaterThan, .lessThan]
            }
        }
    }

    public enum Operator: String, Codable, Sendable, CaseIterable {
        case `is`, isNot = "is_not"
        case contains, notContains = "not_contains"
        case includes, excludes
        case greaterThan = "greater_than", lessThan = "less_than"
        /// The field changed in this update (triggers on updates).
        case changed
        case changedTo = "changed_to", changedFrom = "changed_from"
    }

    public var field: Field
    public var op: Operator
    /// A string (status, text, email…), a number (ids, hours), a list of tags, or null ("none").
    public var value: JSONValue?

    enum CodingKeys: String, CodingKey { case field, op = "operator", value }

    public init(_ field: Field, _ op: Operator, _ value: JSONValue? = nil) {
        self.field = field
        self.op = op
        self.value = value
    }

    /// Checks the operator fits the field and the value fits both.
    func validate(field path: String, kind: AutomationRule.Kind) throws(DomainError) {
        guard field.operators.contains(op) else {
            throw .invalid(
                field: "\(path).operator",
                "\(op.rawValue) does not apply to \(field.rawValue); use one of \(field.operators.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        if kind == .timeRule, [.changed, .changedTo, .changedFrom].contains(op) {
            throw .invalid(field: "\(path).operator", "time rules see no changes; use is or is_not")
        }
        if op == .changed { return }
        func enumValue<E: RawRepresentable>(_ type: E.Type) throws(DomainError) where E.RawValue == String {
            guard case .string(let s)? = value, E(rawValue: s) != nil else {
                throw .invalid(field: "\(path).value", "is not a valid \(field.rawValue)")
            }
        }
        switch field {
        case .status: try enumValue(TicketStatus.self)
        case .priority: try enumValue(TicketPriority.self)
        case .type: try enumValue(TicketType.self)
        case .channel: try enumValue(ChannelKind.self)
        case .organizationTier: try enumValue(OrganizationTier.self)
        case .assignee, .team, .requester, .organization:
            switch value {
            case .number(let n)? where n >= 1 && n <= 9_007_199_254_740_991 && n == n.rounded(): break
            case .null?, nil: break  // none
            default: throw .invalid(field: "\(path).value", "must be an id, or null for none")
            }
        case .tags:
            guard case .string(let s)? = value, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(field: "\(path).value", "must be a tag")
            }
        case .subject, .message, .requesterEmail:
            guard case .string(let s)? = value, !s.isEmpty, s.count <= 500 else {
                throw .invalid(field: "\(path).value", "must be text of 1 to 500 characters")
            }
        case .hoursSinceCreated, .hoursSinceUpdated, .hoursSincePending, .hoursSinceSolved:
            guard case .number(let n)? = value, n > 0, n <= 24 * 365 else {
                throw .invalid(field: "\(path).value", "must be a number of hours from 1 to 8760")
            }
        }
    }

    /// Whether the condition holds.
    public func holds(_ f: AutomationFacts) -> Bool {
        let t = f.ticket
        switch field {
        case .tags:
            guard case .string(let tag)? = value else { return false }
            let has = t.tags.contains(tag.lowercased())
            return op == .includes ? has : !has
        case .subject: return text(t.subject)
        case .message: return text(f.message ?? "")
        case .requesterEmail: return text(f.requesterEmail ?? "")
        case .hoursSinceCreated: return hours(since: t.createdAt, f.now)
        case .hoursSinceUpdated: return hours(since: t.updatedAt, f.now)
        case .hoursSincePending: return t.status == .pending && t.pendingSince.map { hours(since: $0, f.now) } ?? false
        case .hoursSinceSolved: return t.solvedAt.map { hours(since: $0, f.now) } ?? false
        default:
            let now = scalar(t, f.organizationTier)
            let was = f.before.map { scalar($0, f.organizationTier) }
            switch op {
            case .is: return now == value ?? .null
            case .isNot: return now != value ?? .null
            case .changed: return was != nil && was != now
            case .changedTo: return was != nil && was != now && now == value ?? .null
            case .changedFrom: return was != nil && was != now && was == value ?? .null
            default: return false
            }
        }
    }

    /// The field's value as JSON, to compare with the condition's value.
    private func scalar(_ t: Ticket, _ tier: OrganizationTier?) -> JSONValue {
        func id(_ v: Int64?) -> JSONValue { v.map { .number(Double($0)) } ?? .null }
        switch field {
        case .status: return .string(t.status.rawValue)
        case .priority: return .string(t.priority.rawValue)
        case .type: return .string(t.type.rawValue)
        case .channel: return .string(t.channel.rawValue)
        case .assignee: return id(t.assigneeId)
        case .team: return id(t.teamId)
        case .requester: return id(t.requesterId)
        case .organization: return id(t.organizationId)
        case .organizationTier: return .string((tier ?? .standard).rawValue)
        default: return .null
        }
    }

    private func text(_ subject: String) -> Bool {
        guard case .string(let needle)? = value else { return false }
        let folded = TextAnalyzer.indexText(subject)
        let wanted = TextAnalyzer.indexText(needle)
        switch op {
        case .contains: return folded.contains(wanted)
        case .notContains: return !folded.contains(wanted)
        case .is: return folded == wanted
        case .isNot: return folded != wanted
        default: return false
        }
    }

    private func hours(since start: Date, _ now: Date) -> Bool {
        guard case .number(let limit)? = value else { return false }
        let elapsed = now.timeIntervalSince(start) / 3600
        return op == .greaterThan ? elapsed >= limit : elapsed < limit
    }
}
