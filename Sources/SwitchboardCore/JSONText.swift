import Foundation

/// A value encoded once as canonical JSON text: keys sorted, times as RFC 3339 with
/// milliseconds. What audit events and outbox events store, and what the audit chain hashes.
public struct JSONText: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// Encodes `value`; a value that cannot be encoded becomes `null`.
    public init<T: Encodable>(_ value: T) {
        text = (try? Self.encoder.string(value)) ?? "null"
    }

    private static let encoder = StreamingJSONEncoder(dates: .rfc3339)

    /// Wraps text read back from storage.
    public init(stored text: String) { self.text = text }

    /// The text as a JSON value (for responses); `null` if it is not JSON.
    public var value: JSONValue { (try? JSONParser.parse(text)) ?? .null }

    public var description: String { text }
}

/// RFC 3339 times in UTC with milliseconds (`2026-11-23T10:00:00.123Z`), formatted without
/// a date formatter: this runs for every time in every response.
public enum RFC3339 {
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
