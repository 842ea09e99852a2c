import Foundation
import Testing

@testable import SwitchboardCore

/// Automation conditions, the trigger loop, time-rule checks and placeholders.
@Suite struct AutomationTests {
    static let now = Date(timeIntervalSince1970: 1_795_413_600)

    static func ticket(_ subject: String = "Refund for my order", status: TicketStatus = .open) -> Ticket {
        Ticket(id: 7, number: 1042, subject: subject, status: status, requesterId: 3, createdAt: now.addingTimeInterval(-3 * 3600))
    }

    @Test func conditionsMatchFieldsTextChangesAndTime() {
        var t = Self.ticket()
        t.tags = ["vip"]
        var before = t
        before.priority = .low
        let f = AutomationFacts(ticket: t, before: before, event: .updated, message: "Wo ist meine Rückerstattung?", now: Self.now)
        #expect(AutomationCondition(.subject, .contains, "REFUND").holds(f))
        #expect(AutomationCondition(.message, .contains, "ruckerstattung").holds(f))
        #expect(AutomationCondition(.tags, .includes, "VIP").holds(f))
        #expect(!AutomationCondition(.tags, .excludes, "vip").holds(f))
        #expect(AutomationCondition(.priority, .changedFrom, "low").holds(f))
        #expect(AutomationCondition(.priority, .changedTo, "normal").holds(f))
        #expect(!AutomationCondition(.status, .changed).holds(f))
        #expect(AutomationCondition(.assignee, .is, nil).holds(f))
        #expect(AutomationCondition(.hoursSinceCreated, .greaterThan, 2).holds(f))
        #expect(!AutomationCondition(.hoursSinceCreated, .greaterThan, 4).holds(f))
    }

    @Test func hoursSincePendingCountFromWhenTheTicketWentPendingNotItsLastUpdate() throws {
        // Given a ticket that went pending three days ago and was tagged an hour ago
        var t = Self.ticket()
        try t.setStatus(.pending, now: Self.now.addingTimeInterval(-72 * 3600))
        t.updatedAt = Self.now.addingTimeInterval(-3600)
        let f = AutomationFacts(ticket: t, now: Self.now)
        // Then it has been pending for more than 48 hours
        #expect(t.pendingSince == Self.now.addingTimeInterval(-72 * 3600))
        #expect(AutomationCondition(.hoursSincePending, .greaterThan, 48).holds(f))
        #expect(!AutomationCondition(.hoursSinceUpdated, .greaterThan, 48).holds(f))
        // And once it is open again, it is not pending at all
        try t.setStatus(.open, now: Self.now)
        #expect(t.pendingSince == nil)
        #expect(!AutomationCondition(.hoursSincePending, .greaterThan, 48).holds(AutomationFacts(ticket: t, now: Self.now)))
    }

    @Test func candidatesOfTimeRulesLeaveConditionsOnPeopleOpenAndBoundTheirTimes() {
        let rule = AutomationRule(
            id: 1, name: "VIP waiting", kind: .timeRule,
            all: [AutomationCondition(.organizationTier, .is, "vip"), AutomationCondition(.hoursSinceCreated, .greaterThan, 2),
                  AutomationCondition(.hoursSinceCreated, .greaterThan, 1), AutomationCondition(.hoursSinceUpdated, .lessThan, 10)],
            actions: [AutomationAction(.addTags, "vip_waiting")])
        let f = AutomationFacts(ticket: Self.ticket(), now: Self.now)
        // The tier is not known yet: the rule may match, but does not as it stands
        #expect(rule.mayMatch(f))
        #expect(!rule.matches(f))
        // The tightest "more than" bound per time field; "less than" bounds nothing
        #expect(rule.timeBounds(now: Self.now) == [.hoursSinceCreated: Self.now.addingTimeInterval(-2 * 3600)])
    }

    @Test func triggersFireOnceEachEvenWhenTheyUndoEachOther() {
        // A sets urgent when tagged vip; B tags vip when high… and C lowers urgent to high:
        // each fires at most once, so the loop ends.
        let a = AutomationRule(id: 1, name: "A", kind: .trigger, events: [.created], all: [AutomationCondition(.tags, .includes, "vip")],
                               actions: [AutomationAction(.setPriority, "urgent")])
        let b = AutomationRule(id: 2, name: "B", kind: .trigger, position: 1, events: [.created], all: [AutomationCondition(.subject, .contains, "refund")],
                               actions: [AutomationAction(.addTags, "vip")])
        let c = AutomationRule(id: 3, name: "C", kind: .trigger, position: 2, events: [.created], all: [AutomationCondition(.priority, .is, "urgent")],
                               actions: [AutomationAction(.setPriority, "high")])
        let firings = AutomationEngine.fire([c, b, a], facts: AutomationFacts(ticket: Self.ticket(), event: .created, now: Self.now))
        #expect(firings.map(\.rule.id) == [2, 1, 3])
        #expect(firings.last?.ticket.priority == .high)
        #expect(firings.last?.ticket.tags == ["vip"])
        // Fired earlier in the chain: skipped
        #expect(AutomationEngine.fire([a, b, c], facts: AutomationFacts(ticket: Self.ticket(), event: .created, now: Self.now), skip: [1, 2, 3]).isEmpty)
        // Another event: nothing
        #expect(AutomationEngine.fire([a, b, c], facts: AutomationFacts(ticket: Self.ticket(), event: .replied, now: Self.now)).isEmpty)
    }

    @Test func aTimeRuleMustUndoOneOfItsConditions() throws {
        let close = AutomationRule(
            id: 0, name: "Close solved after 4 days", kind: .timeRule,
            all: [AutomationCondition(.status, .is, "solved"), AutomationCondition(.hoursSinceSolved, .greaterThan, 96)],
            actions: [AutomationAction(.setStatus, "closed")])
        try close.validate()
        let nudge = AutomationRule(
            id: 0, name: "Nudge", kind: .timeRule,
            all: [AutomationCondition(.hoursSincePending, .greaterThan, 48), AutomationCondition(.tags, .excludes, "nudged")],
            actions: [AutomationAction(.addTags, "nudged"), AutomationAction(.emailRequester, subject: "Still there?", body: "Hi {{requester.first_name}}")])
        try nudge.validate()
        let endless = AutomationRule(
            id: 0, name: "Endless", kind: .timeRule, all: [AutomationCondition(.hoursSinceUpdated, .greaterThan, 24)],
            actions: [AutomationAction(.addNote, body: "Still waiting")])
        #expect(throws: DomainError.self) { try endless.validate() }
        do { try endless.validate() } catch { #expect(error.field == "actions") }
    }

    @Test func badRulesAreRefusedNamingTheField() {
        func field(_ rule: AutomationRule) -> String? {
            do { try rule.validate(); return nil } catch { return error.field }
        }
        let note = [AutomationAction(.addNote, body: "x")]
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, actions: note)) == "events")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, events: [.created], all: [AutomationCondition(.tags, .is, "x")], actions: note))
            == "all[0].operator")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, events: [.created], all: [AutomationCondition(.status, .is, "done")], actions: note))
            == "all[0].value")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, events: [.created], actions: [AutomationAction(.addNote, body: "Hi {{customer.name}}")]))
            == "actions[0].body")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, events: [.created], actions: [AutomationAction(.webhook, url: "ftp://x")]))
            == "actions[0].url")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .timeRule, all: [AutomationCondition(.status, .is, "open")], actions: note)) == "all")
        #expect(field(AutomationRule(id: 0, name: "T", kind: .trigger, events: [.updated], actions: [])) == "actions")
    }

    @Test func placeholdersAreFilledAndUnknownOnesRefused() throws {
        let values = Placeholders.Values(
            ticket: Self.ticket(), link: "https://help.example.com/tickets/7", requesterName: "Olena Kovalenko", agentName: "Taras Shevchuk")
        #expect(Placeholders.render("Hi {{requester.first_name}}, #{{ ticket.number }} is with {{agent.name}}: {{ticket.link}}", values)
            == "Hi Olena, #1042 is with Taras Shevchuk: https://help.example.com/tickets/7")
        #expect(throws: DomainError.invalid(field: "body", "ticket.nmuber is not a placeholder")) {
            try Placeholders.validate("#{{ticket.nmuber}}", field: "body")
        }
        #expect(throws: DomainError.invalid(field: "body", "a placeholder is not closed with }}")) {
            try Placeholders.validate("Hi {{requester.name", field: "body")
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}
