import Foundation
import Testing

@testable import SwitchboardCore

/// Business-hours arithmetic against a minute-by-minute reference, across DST changes and holidays.
@Suite struct BusinessCalendarTests {
    /// A small deterministic random source (SplitMix64), so failures repeat.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    static func randomWeek(_ r: inout Random) -> [[BusinessCalendar.Interval]] {
        (0..<7).map { _ -> [BusinessCalendar.Interval] in
            switch r.int(0...5) {
            case 0: return []
            case 1: return [.init(start: 0, end: 1440)]
            default:
                var intervals: [BusinessCalendar.Interval] = []
                var cursor = r.int(0...40) * 15
                for _ in 0..<r.int(1...3) {
                    let length = r.int(1...24) * 15
                    guard cursor + length <= 1440 else { break }
                    intervals.append(.init(start: cursor, end: cursor + length))
                    cursor += length + r.int(1...16) * 15
                }
                return intervals.isEmpty ? [.init(start: 540, end: 1080)] : intervals
            }
        }
    }

    /// The reference: walk minute by minute, asking only whether each minute is open.
    static func bruteAdd(_ calendar: BusinessCalendar, _ start: Date, _ minutes: Int) -> Date {
        var t = start
        var count = 0
        while true {
            if calendar.isOpen(at: t) {
                count += 1
                if count == minutes { return t.addingTimeInterval(60) }
            }
            t = t.addingTimeInterval(60)
        }
    }

    static func bruteCount(_ calendar: BusinessCalendar, _ start: Date, _ end: Date) -> Int {
        var t = start
        var count = 0
        while t < end {
            if calendar.isOpen(at: t) { count += 1 }
            t = t.addingTimeInterval(60)
        }
        return count
    }

    /// Instants just around the DST changes of 2026 in Kyiv and New York.
    static let transitions: [(String, Date)] = [
        ("Europe/Kyiv", Date(timeIntervalSince1970: 1_774_746_000)),  // 2026-03-29 01:00 UTC
        ("Europe/Kyiv", Date(timeIntervalSince1970: 1_792_890_000)),  // 2026-10-25 01:00 UTC
        ("America/New_York", Date(timeIntervalSince1970: 1_772_953_200)),  // 2026-03-08 07:00 UTC
        ("America/New_York", Date(timeIntervalSince1970: 1_793_512_800)),  // 2026-11-01 06:00 UTC
    ]

    @Test(arguments: 0..<4)
    func dueTimesMatchTheMinuteByMinuteReference(_ which: Int) throws {
        var r = Random(state: UInt64(which) * 7919 + 1)
        let (zone, around) = Self.transitions[which]
        for _ in 0..<60 {
            let day = { (offset: Int) -> String in
                let f = DateFormatter()
                f.timeZone = TimeZone(identifier: zone)
                f.dateFormat = "yyyy-MM-dd"
                return f.string(from: around.addingTimeInterval(Double(offset) * 86_400))
            }
            let holidays = Set((0..<r.int(0...2)).map { _ in day(r.int(-3...3)) })
            let calendar = try BusinessCalendar(timeZone: zone, week: Self.randomWeek(&r), holidays: holidays)
            let start = around.addingTimeInterval(Double(r.int(-3 * 1440...3 * 1440)) * 60)
            let minutes = r.int(1...2500)
            let fast = try #require(calendar.adding(businessMinutes: minutes, to: start))
            #expect(fast == Self.bruteAdd(calendar, start, minutes), "\(zone) \(calendar.week) holidays \(holidays) start \(start) +\(minutes)")
            let end = start.addingTimeInterval(Double(r.int(0...5 * 1440)) * 60)
            #expect(calendar.businessMinutes(from: start, to: end) == Self.bruteCount(calendar, start, end))
        }
    }

    @Test func aWeekdayCalendarSkipsNightsWeekendsAndHolidays() throws {
        let nineToSix = [BusinessCalendar.Interval(start: 540, end: 1080)]
        let calendar = try BusinessCalendar(
            timeZone: "Europe/Kyiv", week: Array(repeating: nineToSix, count: 5) + [[], []], holidays: ["2026-11-24"])
        let friday5pm = Date(timeIntervalSince1970: 1_795_791_600)  // Fri 2026-11-27 17:00 Kyiv (15:00 UTC)
        // One hour left on Friday, then Monday 09:00 + 1 h
        #expect(calendar.adding(businessMinutes: 120, to: friday5pm) == Date(timeIntervalSince1970: 1_796_025_600))  // Mon 11-30 10:00 Kyiv
        let monday8am = Date(timeIntervalSince1970: 1_795_413_600)  // Mon 2026-11-23 08:00 Kyiv
        // Tuesday is a holiday: 9 h on Monday and 9 h on Wednesday, up to Thursday 08:00
        #expect(calendar.businessMinutes(from: monday8am, to: monday8am.addingTimeInterval(3 * 86_400)) == 9 * 60 + 9 * 60)
    }

    @Test func badCalendarsAreRefusedNamingTheProblem() {
        let day = [BusinessCalendar.Interval(start: 540, end: 1080)]
        #expect(throws: DomainError.invalid(field: "week[0]", "intervals overlap")) {
            try BusinessCalendar(timeZone: "UTC", week: [[.init(start: 540, end: 720), .init(start: 700, end: 800)]] + Array(repeating: day, count: 6))
        }
        #expect(throws: DomainError.invalid(field: "week", "has no business hours at all")) {
            try BusinessCalendar(timeZone: "UTC", week: Array(repeating: [], count: 7))
        }
        #expect(throws: DomainError.self) { try BusinessCalendar(timeZone: "Mars/Olympus", week: Array(repeating: day, count: 7)) }
        #expect(throws: DomainError.self) { try BusinessCalendar(timeZone: "UTC", week: Array(repeating: day, count: 6)) }
        #expect(throws: DomainError.self) { try BusinessCalendar(timeZone: "UTC", week: [[.init(start: 600, end: 500)]] + Array(repeating: day, count: 6)) }
        #expect(throws: DomainError.self) { try BusinessCalendar(timeZone: "UTC", week: Array(repeating: day, count: 7), holidays: ["2026-02-30"]) }
    }
}
