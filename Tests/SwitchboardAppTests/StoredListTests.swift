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

/// The SLA events' states and payloads written field by field are the texts the generic encoder writes.
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
            // A round's one event: a missed target with the escalations that ran with it, each
            // with who had the ticket at that step
            let missed = SLAClock(metric: .resolution, targetMinutes: 60, startedAt: created, dueAt: created, breachedAt: created)
            let told = EscalationStep(previousAssigneeId: assignee, assigneeId: assignee, teamId: 9)
            let handedOn = EscalationStep(previousAssigneeId: assignee, assigneeId: nil, teamId: nil)
            let both = try #require(
                SLAJudgement.event(moved, before: ticket, missed: [missed], escalations: [(record, told), (byAgent, handedOn)], now: created))
            #expect(both.type == .ticketSLABreached)
            #expect(both.after == JSONText(SLAEventState(breached: [.resolution], escalations: [record, byAgent])))
            #expect(
                both.payload
                    == JSONText(
                        SLAEventPayload(
                            before: ref, breached: [.init(dueAt: created, metric: .resolution)], escalations: [.init(record, told), .init(byAgent, handedOn)],
                            ticket: TicketRef(moved))))
            let breach = try #require(SLAJudgement.event(ticket, before: ticket, missed: [missed], escalations: [], now: created))
            #expect(breach.type == .ticketSLABreached)
            #expect(breach.after == JSONText(SLAEventState(breached: [.resolution], escalations: nil)))
            #expect(
                breach.payload
                    == JSONText(SLAEventPayload(before: nil, breached: [.init(dueAt: created, metric: .resolution)], escalations: nil, ticket: ref)))
            let escalation = try #require(SLAJudgement.event(moved, before: ticket, missed: [], escalations: [(byAgent, handedOn)], now: created))
            #expect(escalation.type == .ticketEscalated)
            #expect(escalation.after == JSONText(SLAEventState(breached: nil, escalations: [byAgent])))
            #expect(
                escalation.payload == JSONText(SLAEventPayload(before: ref, breached: nil, escalations: [.init(byAgent, handedOn)], ticket: TicketRef(moved))))
            #expect(SLAJudgement.event(ticket, before: ticket, missed: [], escalations: [], now: created) == nil)
        }
    }
}
