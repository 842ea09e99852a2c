import Foundation
import Testing

@testable import SwitchboardCore

/// SLA clocks as tickets move: policy choice, first and next response, pauses, solving,
/// reopening, breaches and escalations.
@Suite struct SLAEngineTests {
    static let monday = Date(timeIntervalSince1970: 1_783_321_200)  // 2026-07-06 07:00 UTC, a Monday: 10:00 in Kyiv

    static func kyivWeekdays() throws -> BusinessCalendar {
        let day = [BusinessCalendar.Interval(start: 9 * 60, end: 18 * 60)]
        return try BusinessCalendar(timeZone: "Europe/Kyiv", week: [day, day, day, day, day, [], []])
    }

    static let urgent = SLAPolicy(
        id: 1, name: "Urgent", position: 0, calendarId: 7, conditions: SLAConditions(priorities: [.urgent]),
        targets: SLATargets(firstResponse: 60, nextResponse: 120, resolution: 480), pauseOn: [.pending, .onHold],
        escalations: [
            SLAEscalation(metric: .firstResponse, when: .atRisk, minutesBefore: 15, actions: [.notifyAssignee]),
            SLAEscalation(when: .breached, actions: [.nextTier]),
        ])
    static let vip = SLAPolicy(
        id: 2, name: "VIP", position: 1, conditions: SLAConditions(tiers: [.vip, .keyAccount]), targets: SLATargets(firstResponse: 30))
    static let standard = SLAPolicy(id: 3, name: "Standard", position: 2, calendarId: 7, targets: SLATargets(firstResponse: 480, resolution: 2400))

    static func engine() throws -> SLAEngine {
        SLAEngine(policies: [standard, vip, urgent], calendars: [7: try kyivWeekdays()])
    }

    static func ticket(priority: TicketPriority = .normal, at: Date = monday) -> Ticket {
        Ticket(id: 1, number: 1, subject: "Printer on fire", priority: priority, requesterId: 1, createdAt: at)
    }

    static func minutes(_ m: Double) -> TimeInterval { m * 60 }

    @Test func theFirstMatchingPolicyInOrderApplies() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: .vip, now: Self.monday)
        #expect(t.sla?.policyId == 1)
        var v = Self.ticket()
        engine.update(&v, before: nil, activity: .opened(byStaff: false), tier: .vip, now: Self.monday)
        #expect(v.sla?.policyId == 2)
        var s = Self.ticket()
        engine.update(&s, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        #expect(s.sla?.policyId == 3)
        #expect(s.sla?.clocks.map(\.metric) == [.firstResponse, .resolution])
    }

    @Test func dueTimesCountBusinessHoursOnly() throws {
        // Given a standard ticket opened Monday 10:00 Kyiv (8 business hours first response)
        let engine = try Self.engine()
        var t = Self.ticket()
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        // Then it is due at closing time, 18:00 Kyiv; resolution (40 h) on Friday 14:00 Kyiv
        #expect(t.sla?.clock(.firstResponse)?.dueAt == Self.monday.addingTimeInterval(8 * 3600))
        #expect(t.sla?.clock(.resolution)?.dueAt == Self.monday.addingTimeInterval(4 * 86_400 + 4 * 3600))
        #expect(t.sla?.dueAt == Self.monday.addingTimeInterval(8 * 3600))
    }

    @Test func aStaffReplyMeetsFirstResponseAndTheNextCustomerMessageStartsNextResponse() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        var before = t
        t.firstReplyAt = Self.monday.addingTimeInterval(Self.minutes(20))
        engine.update(&t, before: before, activity: .staffReplied, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(20)))
        #expect(t.sla?.clock(.firstResponse)?.stage == .fulfilled)
        #expect(t.sla?.clock(.firstResponse)?.breachedAt == nil)
        #expect(t.sla?.clock(.nextResponse) == nil)
        before = t
        let asked = Self.monday.addingTimeInterval(Self.minutes(30))
        engine.update(&t, before: before, activity: .customerWrote, tier: nil, now: asked)
        #expect(t.sla?.clock(.nextResponse)?.dueAt == asked.addingTimeInterval(Self.minutes(120)))
        // A second customer message does not restart the waiting clock
        before = t
        engine.update(&t, before: before, activity: .customerWrote, tier: nil, now: asked.addingTimeInterval(Self.minutes(10)))
        #expect(t.sla?.clock(.nextResponse)?.startedAt == asked)
    }

    @Test func aLateReplyIsRecordedAsABreachAtTheDueTime() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        let before = t
        engine.update(&t, before: before, activity: .staffReplied, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(90)))
        let clock = try #require(t.sla?.clock(.firstResponse))
        #expect(clock.stage == .fulfilled)
        #expect(clock.breachedAt == Self.monday.addingTimeInterval(Self.minutes(60)))
    }

    @Test func pendingPausesTheClocksAndResumingMovesTheDueTime() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        let due = try #require(t.sla?.clock(.resolution)?.dueAt)
        var before = t
        t.status = .pending
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(10)))
        #expect(t.sla?.clocks.allSatisfy { $0.stage == .paused } == true)
        #expect(t.sla?.dueAt == nil)
        before = t
        t.status = .open
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(70)))
        // Due at 18:00 Kyiv before; an hour paused moves it past closing, to 10:00 next morning
        #expect(due == Self.monday.addingTimeInterval(8 * 3600))
        #expect(t.sla?.clock(.resolution)?.dueAt == Self.monday.addingTimeInterval(24 * 3600))
        #expect(t.sla?.clock(.resolution)?.pausedSeconds == 3600)
    }

    @Test func aPauseOverTheNightCountsOnlyItsBusinessTime() throws {
        // Paused Monday 17:00 Kyiv, resumed Tuesday 10:00: two business hours stood still
        let engine = try Self.engine()
        var t = Self.ticket()
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        let standardWithPause = SLAEngine(
            policies: [{ var p = Self.standard; p.pauseOn = [.pending]; return p }()], calendars: engine.calendars)
        var before = t
        t.status = .pending
        standardWithPause.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(7 * 60)))
        before = t
        t.status = .open
        standardWithPause.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(24 * 60)))
        let paused = try #require(t.sla?.clock(.firstResponse)?.pausedSeconds)
        #expect(paused == 7200, "\(paused - 7200)")
    }

    @Test func solvingFulfilsEveryClockAndReopeningResumesResolution() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        let due = try #require(t.sla?.clock(.resolution)?.dueAt)
        var before = t
        try t.setStatus(.solved, now: Self.monday.addingTimeInterval(Self.minutes(30)))
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(30)))
        #expect(t.sla?.clocks.allSatisfy { $0.stage == .fulfilled } == true)
        #expect(engine.nextCheck(t) == nil)
        before = t
        try t.setStatus(.open, now: Self.monday.addingTimeInterval(Self.minutes(90)))
        engine.update(&t, before: before, activity: .customerWrote, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(90)))
        #expect(t.sla?.clock(.resolution)?.stage == .active)
        // An hour solved does not count: 18:00 Kyiv becomes 10:00 the next morning
        #expect(due == Self.monday.addingTimeInterval(8 * 3600))
        #expect(t.sla?.clock(.resolution)?.dueAt == Self.monday.addingTimeInterval(24 * 3600))
        #expect(t.sla?.clock(.nextResponse)?.stage == .active)
        #expect(t.sla?.clock(.firstResponse)?.stage == .fulfilled)
    }

    @Test func raisingThePriorityMovesTheTicketToTheStricterPolicyKeepingItsStart() throws {
        let engine = try Self.engine()
        var t = Self.ticket()
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        let before = t
        t.priority = .urgent
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(10)))
        #expect(t.sla?.policyId == 1)
        #expect(t.sla?.clock(.firstResponse)?.startedAt == Self.monday)
        #expect(t.sla?.clock(.firstResponse)?.dueAt == Self.monday.addingTimeInterval(Self.minutes(60)))
    }

    @Test func aTicketNoPolicyCoversHasNoClocks() throws {
        let engine = SLAEngine(policies: [Self.urgent], calendars: [7: try Self.kyivWeekdays()])
        var t = Self.ticket()
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        #expect(t.sla == nil)
        #expect(engine.nextCheck(t) == nil)
    }

    @Test func staffOpenedTicketsWaitForNoFirstReply() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: true), tier: nil, now: Self.monday)
        #expect(t.sla?.clock(.firstResponse) == nil)
        let before = t
        engine.update(&t, before: before, activity: .customerWrote, tier: nil, now: Self.monday.addingTimeInterval(60))
        #expect(t.sla?.clock(.nextResponse)?.stage == .active)
    }

    @Test func escalationsKeepTheirIdsWhileUnchangedSoRemovingOneFiresNoOtherAgain() {
        // Given a policy saved before ids existed: its escalations go by their places
        let atRisk = SLAEscalation(when: .atRisk, minutesBefore: 15, actions: [.notifyAssignee])
        let breached = SLAEscalation(when: .breached, actions: [.notifySupervisor])
        let legacy = [atRisk, breached]
        #expect(legacy.enumerated().map { $1.key(at: $0) } == [0, 1])
        // When the first is removed and another added
        var random = SystemRandomNumberGenerator()
        let raise = SLAEscalation(when: .breached, actions: [.raisePriority])
        let saved = SLAEscalation.assignIds([breached, raise], previous: legacy, using: &random)
        // Then the unchanged one keeps its key, and the new one takes a key nobody had
        #expect(saved[0].id == 1)
        #expect((saved[1].id ?? 0) >= 1_000)
        // And saving again changes nothing
        #expect(SLAEscalation.assignIds([breached, raise], previous: saved, using: &random) == saved)
        // And a clock that had the removed one (key 0) and the kept one (key 1) waits only for the new one
        let policy = SLAPolicy(id: 1, name: "P", targets: SLATargets(firstResponse: 60), escalations: saved)
        let engine = SLAEngine(policies: [policy], calendars: [:])
        var t = Self.ticket()
        t.sla = TicketSLA(policyId: 1, clocks: [
            SLAClock(metric: .firstResponse, targetMinutes: 60, startedAt: Self.monday, dueAt: Self.monday.addingTimeInterval(3600), escalated: [0, 1]),
        ])
        #expect(engine.dueEscalations(t, now: Self.monday.addingTimeInterval(7200)).map(\.key) == [saved[1].id])
    }

    @Test func escalationsFallDueBeforeAndAtTheDueTimeOncePerClock() throws {
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        #expect(engine.nextCheck(t) == Self.monday.addingTimeInterval(Self.minutes(45)))
        #expect(engine.dueEscalations(t, now: Self.monday.addingTimeInterval(Self.minutes(44))).isEmpty)
        let atRisk = engine.dueEscalations(t, now: Self.monday.addingTimeInterval(Self.minutes(45)))
        #expect(atRisk.map(\.key) == [0])
        SLAEngine.markEscalated(&t, metric: .firstResponse, key: 0)
        #expect(engine.nextCheck(t) == Self.monday.addingTimeInterval(Self.minutes(60)))
        let late = Self.monday.addingTimeInterval(Self.minutes(61))
        #expect(engine.dueEscalations(t, now: late).map(\.metric) == [.firstResponse])
        #expect(engine.markBreaches(&t, now: late))
        #expect(t.sla?.clock(.firstResponse)?.breachedAt == Self.monday.addingTimeInterval(Self.minutes(60)))
        #expect(!engine.markBreaches(&t, now: late))
        SLAEngine.markEscalated(&t, metric: .firstResponse, key: 1)
        #expect(engine.dueEscalations(t, now: late).isEmpty)
        // The resolution clock's breach escalation is still ahead
        #expect(engine.nextCheck(t) == t.sla?.clock(.resolution)?.dueAt)
    }

    @Test func badPoliciesAreRefusedNamingTheField() {
        func refusal(_ p: SLAPolicy) -> String? {
            do { try p.validate(); return nil } catch { return error.field }
        }
        #expect(refusal(SLAPolicy(id: 0, name: " ", targets: SLATargets(resolution: 60))) == "name")
        #expect(refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets())) == "targets")
        #expect(refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets(firstResponse: 0))) == "targets.first_response")
        #expect(refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets(resolution: 60), pauseOn: [.solved])) == "pause_on")
        #expect(refusal(SLAPolicy(id: 0, name: "A", conditions: SLAConditions(priorities: []), targets: SLATargets(resolution: 60)))
            == "conditions.priority")
        #expect(
            refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets(resolution: 60), escalations: [SLAEscalation(metric: .firstResponse, when: .breached, actions: [.raisePriority])]))
                == "escalations[0].metric")
        #expect(
            refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets(resolution: 60), escalations: [SLAEscalation(when: .atRisk, actions: [.raisePriority])]))
                == "escalations[0].minutes_before")
        #expect(
            refusal(SLAPolicy(id: 0, name: "A", targets: SLATargets(resolution: 60), escalations: [SLAEscalation(when: .breached, actions: [.moveToTeam])]))
                == "escalations[0].team_id")
    }
}

extension SLAEngineTests {
    @Test func reopeningAfterPendingAndSolvedCountsTheStoppedTimeOnce() throws {
        // Pending at +10 min, solved at +40 min, reopened at +70 min: stopped for 60 min in all
        let engine = try Self.engine()
        var t = Self.ticket(priority: .urgent)
        engine.update(&t, before: nil, activity: .opened(byStaff: false), tier: nil, now: Self.monday)
        var before = t
        t.status = .pending
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(10)))
        before = t
        try t.setStatus(.solved, now: Self.monday.addingTimeInterval(Self.minutes(40)))
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(40)))
        before = t
        try t.setStatus(.open, now: Self.monday.addingTimeInterval(Self.minutes(70)))
        engine.update(&t, before: before, activity: nil, tier: nil, now: Self.monday.addingTimeInterval(Self.minutes(70)))
        #expect(t.sla?.clock(.resolution)?.pausedSeconds == 3600)
        #expect(t.sla?.clock(.resolution)?.stage == .active)
    }
}
