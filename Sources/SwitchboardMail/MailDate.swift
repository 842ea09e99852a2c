import Foundation

/// RFC 5322 dates (`Thu, 2 Aug 2018 16:58:28 +0200 (CEST)`), read leniently: the weekday and
/// seconds are optional, two-digit years and the old zone names (GMT, EST, …) are understood.
public enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "met": 60, "mest": 120, "eet": 120, "eest": 180, "bst": 60,
    ]

    public static func parse(_ raw: String) -> Date? {
        let (text, _) = Mailbox.withoutComments(raw)
        var tokens = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        if let first = tokens.first, first.count >= 3, first.allSatisfy(\.isLetter), !months.contains(String(first.prefix(3))) {
            tokens.removeFirst()  // the weekday
        }
        guard tokens.count >= 4 else { return nil }
        // Day and month in either order ("2 Aug" or "Aug 2").
        var day: Int?, month: Int?
        for t in tokens.prefix(2) {
            if let d = Int(t) { day = d } else if let m = months.firstIndex(of: String(t.prefix(3))) { month = m + 1 }
        }
        guard let day, let month, var year = Int(tokens[2]) else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let clock = tokens[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, let hour = clock[0], let minute = clock[1] else { return nil }
        let second = clock.count > 2 ? clock[2] ?? 0 : 0
        var offsetMinutes = 0
        if tokens.count > 4 {
            let zone = tokens[4]
            if let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()), zone.count == 5 {
                offsetMinutes = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
            } else if let known = zones[zone] {
                offsetMinutes = known
            }
        }
        var parts = DateComponents()
        parts.year = year
        parts.month = month
        parts.day = day
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        parts.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return calendar.date(from: parts)
    }
}
