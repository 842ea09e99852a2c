import Foundation

/// Why a change was made by automations: the triggers that already fired in this chain of
/// changes and how deep the chain is. A trigger fires at most once per chain, and a chain
/// stops after `maxDepth` rounds: no rule can re-fire itself endlessly.
public struct AutomationCause: Sendable, Codable, Equatable {
    public var fired: [Int64]
    public var depth: Int

    public static let maxDepth = 5

    public init(fired: [Int64], depth: Int) {
        self.fired = fired
        self.depth = depth
    }
}

/// One rule that fired, with the ticket as its actions left it.
public struct AutomationFiring: Sendable, Equatable {
    public var rule: AutomationRule
    public var ticket: Ticket

    public init(rule: AutomationRule, ticket: Ticket) {
        self.rule = rule
        self.ticket = ticket
    }
}

/// Runs triggers over one event. Pure.
public enum AutomationEngine {
    /// The triggers that fire for `facts`, in order, each at most once: after one fires (and
    /// its actions change the ticket), the rest are looked at again with the changed ticket,
    /// until none more fires. Triggers in `skip` (fired earlier in the chain) are left out.
    public static func fire(_ triggers: [AutomationRule], facts: AutomationFacts, skip: Set<Int64> = []) -> [AutomationFiring] {
        guard let event = facts.event else { return [] }
        let candidates = triggers.filter { $0.active && $0.kind == .trigger && $0.events.contains(event) && !skip.contains($0.id) }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        var fired = Set<Int64>()
        var firings: [AutomationFiring] = []
        var current = facts
        var again = true
        while again {
            again = false
            for rule in candidates where !fired.contains(rule.id) && rule.matches(current) {
                fired.insert(rule.id)
                for action in rule.actions { action.apply(to: &current.ticket, now: facts.now) }
                firings.append(AutomationFiring(rule: rule, ticket: current.ticket))
                again = true
            }
        }
        return firings
    }
}
