import Foundation

/// A rule admins write: a trigger (on ticket created, updated or replied) or a time rule (run by
/// the job runner: hours since created, updated, pending or solved), with all/any conditions and
/// actions.
public struct AutomationRule: Sendable, Codable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case trigger
        case timeRule = "time_rule"
    }

    /// What a trigger listens to.
    public enum Event: String, Codable, Sendable, CaseIterable {
        case created, updated, replied
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    public var active: Bool
    public var position: Int
    /// For triggers: the events it runs on.
    public var events: [Event]
    /// Every one must hold.
    public var all: [AutomationCondition]
    /// At least one must hold (when there are any).
    public var any: [AutomationCondition]
    public var actions: [AutomationAction]

    public init(
        id: Int64, name: String, kind: Kind, active: Bool = true, position: Int = 0, events: [Event] = [], all: [AutomationCondition] = [],
        any: [AutomationCondition] = [], actions: [AutomationAction]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.active = active
        self.position = position
        self.events = events
        self.all = all
        self.any = any
        self.actions = actions
    }

    /// The rule with webhook secrets left out: what the API shows and the audit log keeps.
    public var redacted: AutomationRule {
        var copy = self
        copy.actions = actions.map { var a = $0; a.secret = nil; return a }
        return copy
    }

    /// Keeps the secrets of `previous`'s webhooks that this rule names again without one (a
    /// client never sees a secret, so it cannot send it back).
    public mutating func keepSecrets(of previous: AutomationRule) {
        for i in actions.indices where actions[i].kind == .webhook && actions[i].secret == nil {
            actions[i].secret = previous.actions.first { $0.kind == .webhook && $0.url == actions[i].url }?.secret
        }
    }

    /// Whether the rule's conditions hold for `facts`.
    public func matches(_ facts: AutomationFacts) -> Bool {
        all.allSatisfy { $0.holds(facts) } && (any.isEmpty || any.contains { $0.holds(facts) })
    }

    /// Whether the rule could hold once the requester and organization are known: conditions
    /// on them count as met. Time rules pick candidates with it before looking people up.
    public func mayMatch(_ facts: AutomationFacts) -> Bool {
        func maybe(_ c: AutomationCondition) -> Bool { c.field.needsPeople || c.holds(facts) }
        return all.allSatisfy(maybe) && (any.isEmpty || any.contains(where: maybe))
    }

    /// Whether any condition looks at the requester or organization.
    public var needsPeople: Bool { (all + any).contains { $0.field.needsPeople } }

    /// For each time field the rule needs "more than N hours since", the latest that time may
    /// be for the rule to match at `now` (the tightest "all" condition): a store then reads only
    /// the tickets within every bound.
    public func timeBounds(now: Date) -> [AutomationCondition.Field: Date] {
        var bounds: [AutomationCondition.Field: Date] = [:]
        for condition in all where condition.field.isTime && condition.op == .greaterThan {
            guard case .number(let hours)? = condition.value else { continue }
            let latest = now.addingTimeInterval(-hours * 3600)
            bounds[condition.field] = min(bounds[condition.field] ?? latest, latest)
        }
        return bounds
    }

    /// Checks the rule, naming the field: known fields, operators that fit them, values of the
    /// right kind, placeholders that exist, and time rules that cannot run again and again.
    public func validate() throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid(field: "name", "is required") }
        guard trimmed.count <= Limits.name else { throw .invalid(field: "name", "is longer than \(Limits.name) characters") }
        guard !actions.isEmpty else { throw .invalid(field: "actions", "choose at least one action") }
        switch kind {
        case .trigger:
            guard !events.isEmpty else { throw .invalid(field: "events", "choose when the trigger runs: created, updated or replied") }
        case .timeRule:
            guard events.isEmpty else { throw .invalid(field: "events", "time rules run on the clock, not on events") }
            guard (all + any).contains(where: { $0.field.isTime }) else {
                throw .invalid(field: "all", "a time rule needs a condition on hours since created, updated, pending or solved")
            }
        }
        for (list, conditions) in [("all", all), ("any", any)] {
            for (i, condition) in conditions.enumerated() { try condition.validate(field: "\(list)[\(i)]", kind: kind) }
        }
        for (i, action) in actions.enumerated() { try action.validate(field: "actions[\(i)]") }
        if kind == .timeRule, !nullifies() {
            throw .invalid(
                field: "actions", "this rule would run again on every round: an action must undo one of its conditions (for example set the status it checks, or add a tag it requires to be absent)")
        }
    }

    /// The first of `others` with which this trigger would fire back and forth for ever: each
    /// one's changes make the other's conditions hold, and they set a field to different values,
    /// so every firing is an update that fires the other (Ping adds "pong" on "ping", Pong adds
    /// "ping" on "pong" and each removes what the other looks for). The runner stops any chain
    /// after a few rounds; such a pair is refused when saved. Longer rings are left to the runner.
    public func firesBackAndForth(with others: [AutomationRule]) -> AutomationRule? {
        guard active, kind == .trigger, events.contains(.updated) else { return nil }
        return others.first { other in
            other.active && other.kind == .trigger && other.events.contains(.updated) && other.id != id && setsUp(other) && other.setsUp(self)
                && actions.contains { mine in other.actions.contains(where: mine.conflicts) }
        }
    }

    /// Whether this rule's actions make one of `other`'s conditions hold, none of its "all"
    /// conditions fail, and those of them `other`'s own actions undo hold again (else `other`
    /// fires once and no more).
    func setsUp(_ other: AutomationRule) -> Bool {
        let conditions = other.all + other.any
        return actions.contains { action in conditions.contains(where: action.establishes) }
            && !actions.contains { action in other.all.contains(where: action.undoes) }
            && other.all.allSatisfy { condition in
                !other.actions.contains { $0.undoes(condition) } || actions.contains { $0.establishes(condition) }
            }
    }

    /// Whether some action makes some "all" condition false afterwards, so a time rule fires
    /// once per ticket (the Zendesk rule for automations).
    func nullifies() -> Bool {
        for condition in all {
            for action in actions where action.undoes(condition) { return true }
        }
        return false
    }
}

/// What conditions look at: the ticket now, as it was before the change, and the event.
public struct AutomationFacts: Sendable {
    public var ticket: Ticket
    public var before: Ticket?
    public var event: AutomationRule.Event?
    /// The text of the message that came with the event (replies), lower-cased for matching.
    public var message: String?
    public var requesterEmail: String?
    public var organizationTier: OrganizationTier?
    public var now: Date

    public init(
        ticket: Ticket, before: Ticket? = nil, event: AutomationRule.Event? = nil, message: String? = nil, requesterEmail: String? = nil,
        organizationTier: OrganizationTier? = nil, now: Date
    ) {
        self.ticket = ticket
        self.before = before
        self.event = event
        self.message = message
        self.requesterEmail = requesterEmail
        self.organizationTier = organizationTier
        self.now = now
    }
}
