import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct RFC3339Tests {
    @Test func matchesFoundationsFormatterAcrossTheCalendar() {
        // Given Foundation's formatter as the reference
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var seconds: TimeInterval = -2_208_988_800  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            // When / Then
            let date = Date(timeIntervalSince1970: seconds)
            #expect(RFC3339.string(date) == reference.string(from: date), "\(seconds)")
            seconds += 86_400 * 37 + 3_723.456
        }
    }

    @Test func keepsMillisecondsAndLeapDays() {
        #expect(RFC3339.string(Date(timeIntervalSince1970: 1_709_164_800.123)) == "2024-02-29T00:00:00.123Z")
        #expect(RFC3339.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.string(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }
}

@Suite struct RFC3339ParsingTests {
    @Test func readsWhatFoundationsFormatterReadsAcrossTheCalendar() {
        // Given Foundation's formatters (with and without a fraction) as the reference
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        var seconds: TimeInterval = -2_208_988_800
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: seconds)
            for text in [withFraction.string(from: date), plain.string(from: date)] {
                // When / Then
                let expected = withFraction.date(from: text) ?? plain.date(from: text)
                #expect(RFC3339.date(from: text) == expected, "\(text)")
            }
            seconds += 86_400 * 37 + 3_723.456
        }
    }

    @Test func readsOffsetsFractionsAndLowercase() {
        let noon = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23T12:00:00Z
        #expect(RFC3339.date(from: "2026-11-23T12:00:00Z") == noon)
        #expect(RFC3339.date(from: "2026-11-23t12:00:00z") == noon)
        #expect(RFC3339.date(from: "2026-11-23T14:00:00+02:00") == noon)
        #expect(RFC3339.date(from: "2026-11-23T07:30:00-04:30") == noon)
        #expect(RFC3339.date(from: "2026-11-23T12:00:00.5Z") == noon.addingTimeInterval(0.5))
        #expect(RFC3339.date(from: "2026-11-23T12:00:00.123456Z") == Date(timeIntervalSince1970: 1_795_435_200.123))
        #expect(RFC3339.date(from: "2024-02-29T00:00:00.000Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(RFC3339.date(from: RFC3339.string(Date(timeIntervalSince1970: -0.001))) == Date(timeIntervalSince1970: -0.001))
    }

    @Test func refusesWhatIsNotATime() {
        for text in [
            "", "2026-11-23", "2026-11-23T12:00:00", "2026-11-23 12:00:00Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T12:60:00Z", "2026-11-23T12:00:60Z", "2026-11-23T12:00:00.Z",
            "2026-11-23T12:00:00+0200", "2026-11-23T12:00:00Zjunk", "9am", "２026-11-23T12:00:00Z", "2026-11-23T12:00:00+25:00",
        ] {
            #expect(RFC3339.date(from: text) == nil, "\(text)")
        }
    }
}
