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
