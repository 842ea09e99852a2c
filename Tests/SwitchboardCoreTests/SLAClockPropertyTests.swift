import Foundation
import Testing

@testable import SwitchboardCore

/// SLA due times with pauses, against a reference that walks minute by minute.
@Suite struct SLAClockPropertyTests {
    typealias Random = BusinessCalendarTests.Random

    /// The reference: from the start, count the minutes that are open and not paused until the
    /// target is used up; the due time is the end of that last minute.
    static func referenceDue(_ calendar: BusinessCalendar, start: Date, target: Int, pauses: [Range<Date>]) -> Date {
        var t = start
        var count = 0
        while true {
            if calendar.isOpen(at: t), !pauses.contains(where: { $0.contains(t) }) {
                count += 1
                if count == target { return t.addingTimeInterval(60) }
            }
            t = t.addingTimeInterval(60)
        }
    }

    @Test(arguments: 0..<4)
    func dueTimesWithPausesMatchTheReferenceAcrossClockChanges(_ which: Int) throws {
        var r = Random(state: UInt64(which) * 104_729 + 17)
        let (zone, around) = BusinessCalendarTests.transitions[which]
        for _ in 0..<40 {
            let calendar = try BusinessCalendar(timeZone: zone, week: BusinessCalendarTests.randomWeek(&r))
            let policy = SLAPolicy(id: 1, name: "P", calendarId: 1, targets: SLATargets(resolution: r.int(1...1500)), pauseOn: [.pending])
            let engine = SLAEngine(policies: [policy], calendars: [1: calendar])
            let start = around.addingTimeInterval(Double(r.int(-2 * 1440...1440)) * 60)
            var ticket = Ticket(id: 1, number: 1, subject: "S", status: .open, requesterId: 1, createdAt: start)
            engine.update(&ticket, before: nil, activity: .opened(byStaff: false), tier: nil, now: start)
            // Pause and resume a few times, minute-aligned, each stretch up to a day and a half
            var cursor = start
            var pauses: [Range<Date>] = []
            for _ in 0..<r.int(0...3) {
                let from = cursor.addingTimeInterval(Double(r.int(1...600)) * 60)
                let to = from.addingTimeInterval(Double(r.int(1...2160)) * 60)
                var before = ticket
                ticket.status = .pending
                engine.update(&ticket, before: before, activity: nil, tier: nil, now: from)
                before = ticket
                ticket.status = .open
                engine.update(&ticket, before: before, activity: nil, tier: nil, now: to)
                pauses.append(from..<to)
                cursor = to
            }
            let clock = try #require(ticket.sla?.clock(.resolution))
            let expected = Self.referenceDue(calendar, start: start, target: clock.targetMinutes, pauses: pauses)
            #expect(clock.dueAt == expected, "\(zone) \(calendar.week) start \(start) pauses \(pauses)")
            // A breach is kept where it happened, even when later pauses move the due time on
            if let breached = clock.breachedAt { #expect(breached <= expected) }
        }
    }
}
