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

/// The SLA events' payloads written field by field are the texts the generic encoder writes.
@Suite struct SLAPayloadTextTests {
    @Test func handWrittenPayloadsMatchTheEncoder() throws {
        let created = Date(timeIntervalSince1970: 1_750_000_000.123)
        for (assignee, followers, subject) in [(Int64?.none, [Int64](), "Plain"), (7, [1, 22], "Платіж \"не\" \\ Σφάλμα\ttab\u{1}")] {
            let ticket = Ticket(
                id: 42, number: 1042, subject: subject, status: .open, priority: .urgent, type: .complaint, channel: .email, requesterId: 7,
                organizationId: 3, assigneeId: assignee, teamId: assignee == nil ? nil : 9, tags: ["vip"], customFields: [:], followerIds: followers,
                version: 3, createdAt: created, updatedAt: created, sla: nil, escalationLevel: 1)
            var moved = ticket
            moved.escalationLevel = 2
            moved.priority = .high
            let ref = TicketRef(ticket)
            #expect(ref.json == JSONText(ref))
            let record = EscalationRecord(metric: .firstResponse, when: .breached, actions: [.nextTier, .notifySupervisor], level: 2, note: nil)
            #expect(record.json == JSONText(record))
            let byAgent = EscalationRecord(metric: nil, when: nil, actions: [.nextTier], level: 1, note: "Refund \"over\" my limit\n")
            #expect(byAgent.json == JSONText(byAgent))
            #expect(
                EscalationPayload.json(ticket: TicketRef(moved).json, before: ref.json, escalation: JSONText(record))
                    == JSONText(EscalationPayload(ticket: TicketRef(moved), before: ref, escalation: record)))
            #expect(
                BreachPayload.json(ticket: ref.json, metric: .resolution, dueAt: created)
                    == JSONText(BreachPayload(ticket: ref, metric: .resolution, dueAt: created)))
        }
    }
}
