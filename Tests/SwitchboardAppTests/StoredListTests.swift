import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardStore

/// Tags and follower ids read back from their columns without a JSON decoder.
@Suite struct StoredListTests {
    @Test func listsReadBackAsTheEncoderWroteThem() throws {
        let samples: [[String]] = [[], ["vip"], ["zwrot", "płatność", "σφάλμα", "a,b"], ["\u{301}accent", "quote\"d", "back\\slash"]]
        for tags in samples {
            #expect(try decodeStringList(encodeJSON(tags)) == tags)
        }
        for ids: [Int64] in [[], [7], [1, 22, 9_007_199_254_740_993, -4]] {
            #expect(try decodeIdList(encodeJSON(ids)) == ids)
        }
    }

    @Test func otherSpellingsFallBackToTheDecoder() throws {
        #expect(try decodeIdList("[ 1, 2 ]") == [1, 2])
        #expect(try decodeStringList("[ \"a\" , \"b\" ]") == ["a", "b"])
        #expect(throws: (any Error).self) { try decodeIdList("[1,x]") }
        #expect(throws: (any Error).self) { try decodeStringList("[\"open") }
    }
}

/// SLA clocks read back from their column with JSONParser.
@Suite struct StoredSLATests {
    @Test func clocksReadBackExactly() throws {
        let start = Date(timeIntervalSinceReferenceDate: 817_000_123.456_789)
        let sla = TicketSLA(policyId: 12, clocks: [
            SLAClock(metric: .firstResponse, targetMinutes: 120, startedAt: start, dueAt: start.addingTimeInterval(7200.001), escalated: [0, 3]),
            SLAClock(
                metric: .resolution, targetMinutes: 1440, startedAt: start, pausedSeconds: 1234.5678, pausedAt: start.addingTimeInterval(99.9),
                dueAt: start.addingTimeInterval(86_400), fulfilledAt: start.addingTimeInterval(1e5), breachedAt: start.addingTimeInterval(86_400)),
        ])
        #expect(try decodeTicketSLA(encodeJSON(sla)) == sla)
        #expect(throws: (any Error).self) { try decodeTicketSLA("{\"policy_id\":1}") }
    }
}
