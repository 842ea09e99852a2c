import Foundation

/// Business hours: a time zone, opening intervals per weekday and holidays. SLA clocks run on
/// it: due times are this many business minutes after a start, and elapsed business time is
/// counted between two instants. Local time decides what is open, so a day with a DST change
/// has its hours moved with the clocks, and a repeated hour counts twice when it is open.
public struct BusinessCalendar: Sendable, Equatable {
    /// Open from `start` to `end` (minutes after local midnight, end excluded; 1440 is midnight).
    public struct Interval: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        enum CodingKeys: String, CodingKey { case start, end }

        /// Reads `{"start": "09:00", "end": "17:30"}` (`24:00` is the end of the day).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            start = try Self.minutes(c, .start)
            end = try Self.minutes(c, .end)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(Self.clock(start), forKey: .start)
            try c.encode(Self.clock(end), forKey: .end)
        }

        /// `540` as `09:00`.
        public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

        /// `09:00` as `540`; nil unless it is a time of day from `00:00` to `24:00`.
        public static func minutes(_ text: String) -> Int? {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
            else { return nil }
            return h * 60 + m
        }

        private static func minutes(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
            let text = try c.decode(String.self, forKey: key)
            guard let minutes = minutes(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a time like 09:00")
            }
            return minutes
        }
    }

    public let timeZone: String
    /// Seven days, Monday first.
    public let week: [[Interval]]
    /// Local dates (`2026-12-25`) when it is closed all day.
    public let holidays: Set<String>

    private var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    /// Checks the calendar: a known time zone, seven days, intervals within a day that do not
    /// overlap, some opening hours at all, and holidays as real dates.
    public init(timeZone: String, week: [[Interval]], holidays: Set<String> = []) throws(DomainError) {
        guard TimeZone(identifier: timeZone) != nil else { throw .invalid(field: "time_zone", "is not a time zone like Europe/Kyiv") }
        guard week.count == 7 else { throw .invalid(field: "week", "must have seven days, Monday first") }
        for (d, day) in week.enumerated() {
            let sorted = day.sorted { $0.start < $1.start }
            for (i, interval) in sorted.enumerated() {
                guard interval.start >= 0, interval.end <= 1440, interval.start < interval.end else {
                    throw .invalid(field: "week[\(d)]", "an interval must start before it ends, within the day")
                }
                if i > 0, interval.start < sorted[i - 1].end { throw .invalid(field: "week[\(d)]", "intervals overlap") }
            }
        }
        guard week.contains(where: { !$0.isEmpty }) else { throw .invalid(field: "week", "has no business hours at all") }
        for holiday in holidays where Self.dateFormatter.date(from: holiday) == nil {
            throw .invalid(field: "holidays", "\(holiday) is not a date like 2026-12-25")
        }
        self.timeZone = timeZone
        self.week = week.map { $0.sorted { $0.start < $1.start } }
        self.holidays = holidays
    }

    private static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        return f
    }()

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        return c
    }

    /// Whether the business is open during the minute that starts at `date`.
    public func isOpen(at date: Date) -> Bool {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        guard let weekday = c.weekday, let hour = c.hour, let minute = c.minute else { return false }
        if holidays.contains(String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)) { return false }
        let minuteOfDay = hour * 60 + minute
        return week[(weekday + 5) % 7].contains { $0.start <= minuteOfDay && minuteOfDay < $0.end }
    }

    /// The open stretches of the local day that starts at `dayStart`, as absolute times in order.
    /// A day is cut where the clocks change; within each piece local time runs evenly.
    func openRanges(dayStart: Date) -> [Range<Date>] {
        let cal = calendar
        guard let dayEnd = cal.date(byAdding: .day, value: 1, to: dayStart) else { return [] }
        let c = cal.dateComponents([.year, .month, .day, .weekday], from: dayStart)
        if holidays.contains(String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)) { return [] }
        let intervals = week[((c.weekday ?? 2) + 5) % 7]
        guard !intervals.isEmpty else { return [] }
        var pieces: [Range<Date>] = []
        var pieceStart = dayStart
        while pieceStart < dayEnd {
            let change = zone.nextDaylightSavingTimeTransition(after: pieceStart).flatMap { $0 < dayEnd ? $0 : nil }
            let pieceEnd = change ?? dayEnd
            pieces.append(pieceStart..<pieceEnd)
            pieceStart = pieceEnd
        }
        var ranges: [Range<Date>] = []
        for piece in pieces {
            // Local minute of day at the piece's start; it grows one per minute within the piece.
            let local = cal.dateComponents([.hour, .minute, .second], from: piece.lowerBound)
            let localStart = Double((local.hour ?? 0) * 60 + (local.minute ?? 0)) + Double(local.second ?? 0) / 60
            for interval in intervals {
                let from = piece.lowerBound.addingTimeInterval((Double(interval.start) - localStart) * 60)
                let to = piece.lowerBound.addingTimeInterval((Double(interval.end) - localStart) * 60)
                let lower = max(from, piece.lowerBound)
                let upper = min(to, piece.upperBound)
                if lower < upper { ranges.append(lower..<upper) }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The instant `minutes` business minutes after `start`; nil when the calendar is closed for
    /// the next ten years (every day a holiday).
    public func adding(businessMinutes minutes: Int, to start: Date) -> Date? {
        adding(businessSeconds: Double(max(0, minutes)) * 60, to: start)
    }

    /// Business minutes between two instants (zero when `end` is not after `start`).
    public func businessMinutes(from start: Date, to end: Date) -> Int {
        Int(businessSeconds(from: start, to: end) / 60)
    }

    /// Open all day every day in UTC: the calendar of a policy without business hours.
    public static let alwaysOpen: BusinessCalendar = {
        // Seven full days and a real zone cannot fail validation.
        try! BusinessCalendar(timeZone: "UTC", week: Array(repeating: [Interval(start: 0, end: 1440)], count: 7))
    }()

    /// Whether every minute is open, so business time is plain time.
    private var isAlwaysOpen: Bool {
        holidays.isEmpty && week.allSatisfy { $0 == [Interval(start: 0, end: 1440)] }
    }

    /// The instant `seconds` business seconds after `start`; nil when the calendar is closed for
    /// the next ten years (every day a holiday).
    public func adding(businessSeconds seconds: Double, to start: Date) -> Date? {
        var remaining = max(0, seconds)
        if remaining == 0 { return start }
        if isAlwaysOpen { return start.addingTimeInterval(remaining) }
        var day = calendar.startOfDay(for: start)
        for _ in 0..<(366 * 10) {
            for range in openRanges(dayStart: day) where range.upperBound > start {
                let from = max(range.lowerBound, start)
                let available = range.upperBound.timeIntervalSince(from)
                if available >= remaining { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = next
        }
        return nil
    }

    /// Business seconds between two instants (zero when `end` is not after `start`).
    public func businessSeconds(from start: Date, to end: Date) -> Double {
        guard end > start else { return 0 }
        if isAlwaysOpen { return end.timeIntervalSince(start) }
        var total: TimeInterval = 0
        var day = calendar.startOfDay(for: start)
        while day < end {
            for range in openRanges(dayStart: day) {
                let lower = max(range.lowerBound, start)
                let upper = min(range.upperBound, end)
                if lower < upper { total += upper.timeIntervalSince(lower) }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return total
    }
}

/// A named business-hours calendar as admins keep it.
public struct BusinessHours: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var calendar: BusinessCalendar

    enum CodingKeys: String, CodingKey { case id, name, timeZone = "time_zone", week, holidays }

    public init(id: Int64, name: String, calendar: BusinessCalendar) {
        self.id = id
        self.name = name
        self.calendar = calendar
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        calendar = try BusinessCalendar(
            timeZone: try c.decode(String.self, forKey: .timeZone), week: try c.decode([[BusinessCalendar.Interval]].self, forKey: .week),
            holidays: Set(try c.decode([String].self, forKey: .holidays)))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(calendar.timeZone, forKey: .timeZone)
        try c.encode(calendar.week, forKey: .week)
        try c.encode(calendar.holidays.sorted(), forKey: .holidays)
    }
}
