import Foundation

/// RFC 3339 times in UTC with milliseconds (`2026-11-23T10:00:00.123Z`), formatted and read
/// without a date formatter: this runs for every time in every response and every event read.
public enum RFC3339 {
    /// The time `text` names: `YYYY-MM-DDTHH:MM:SS`, optional fraction (kept to the millisecond),
    /// then `Z` or an offset `±HH:MM`. Nil for anything else, including impossible dates.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var n: Int64 = 0
            for k in i..<i + width {
                let d = b[k] &- 48
                guard d < 10 else { return nil }
                n = n * 10 + Int64(d)
            }
            i += width
            return n
        }
        func expect(_ chars: UInt8...) -> Bool {
            guard i < b.count, chars.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(45), let m = number(2), expect(45), let d = number(2), expect(84, 116),
            let hh = number(2), expect(58), let mm = number(2), expect(58), let ss = number(2)
        else { return nil }
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y), hh < 24, mm < 60, ss < 60 else { return nil }
        var ms: Int64 = 0
        if expect(46) {
            var digits = 0
            while i < b.count, b[i] &- 48 < 10 {
                if digits < 3 { ms = ms * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { ms *= 10 }
        }
        var offset: Int64 = 0
        if expect(90, 122) {
        } else if i < b.count, b[i] == 43 || b[i] == 45 {
            let sign: Int64 = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2), expect(58), let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = days(y, m, d) * 86_400 + hh * 3600 + mm * 60 + ss - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + ms) / 1000)
    }

    private static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm: days since 1970-01-01.
    private static func days(_ year: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func string(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (daysSinceEpoch, msOfDay) = floorDivide(ms, 86_400_000)
        let (y, m, d) = civil(fromDays: daysSinceEpoch)
        let seconds = msOfDay / 1000
        var out = ""
        out.reserveCapacity(24)
        append(&out, y, 4)
        out.append("-")
        append(&out, m, 2)
        out.append("-")
        append(&out, d, 2)
        out.append("T")
        append(&out, seconds / 3600, 2)
        out.append(":")
        append(&out, seconds / 60 % 60, 2)
        out.append(":")
        append(&out, seconds % 60, 2)
        out.append(".")
        append(&out, msOfDay % 1000, 3)
        out.append("Z")
        return out
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func append(_ out: inout String, _ value: Int64, _ width: Int) {
        let digits = String(value)
        if digits.count < width { out.append(String(repeating: "0", count: width - digits.count)) }
        out.append(digits)
    }
}
