import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct StreamingJSONEncoderTests {
    let created = Date(timeIntervalSince1970: 1_750_000_000.123)

    func foundation(_ dates: StreamingJSONEncoder.DateStyle = .rfc3339) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if dates == .rfc3339 {
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var c = encoder.singleValueContainer()
                try c.encode(RFC3339.string(date))
            }
        }
        return encoder
    }

    func same<T: Encodable>(_ value: T, dates: StreamingJSONEncoder.DateStyle = .rfc3339) throws {
        let ours = try StreamingJSONEncoder(dates: dates).string(value)
        let theirs = String(decoding: try foundation(dates).encode(value), as: UTF8.self)
        #expect(ours == theirs)
    }

    func ticket() -> Ticket {
        let clock = SLAClock(
            metric: .firstResponse, targetMinutes: 120, startedAt: created, pausedSeconds: 90.5, dueAt: created.addingTimeInterval(7200),
            escalated: [0, 2])
        return Ticket(
            id: 42, number: 1042, subject: "Платіж \"не пройшов\" \\ Σφάλμα / tab\there\nline\u{1}", status: .pending, priority: .urgent,
            type: .complaint, channel: .email, requesterId: 7, organizationId: 3, assigneeId: nil, teamId: 9, tags: ["vip", "zwrot"],
            customFields: ["order_number": .text("A-17"), "amount": .number(12.5), "gift": .bool(true)], followerIds: [1, 2],
            version: 3, createdAt: created, updatedAt: created.addingTimeInterval(61), sla: TicketSLA(policyId: 5, clocks: [clock]),
            escalationLevel: 1)
    }

    @Test func ticketIsWrittenExactlyAsJSONEncoderWritesIt() throws {
        try same(ticket())
        try same(ticket(), dates: .referenceSeconds)
    }

    @Test func slaClocksInEveryStageAreWrittenAsJSONEncoderWritesThem() throws {
        let clocks = [
            SLAClock(metric: .firstResponse, targetMinutes: 60, startedAt: created, dueAt: created.addingTimeInterval(3600), fulfilledAt: created.addingTimeInterval(10)),
            SLAClock(
                metric: .nextResponse, targetMinutes: 30, startedAt: created, pausedSeconds: 12.25, pausedAt: created.addingTimeInterval(99.5),
                breachedAt: created.addingTimeInterval(-0.001), escalated: [3, 1000]),
            SLAClock(metric: .resolution, targetMinutes: 1440, startedAt: created.addingTimeInterval(0.123)),
        ]
        for dates in [StreamingJSONEncoder.DateStyle.rfc3339, .referenceSeconds] {
            try same(TicketSLA(policyId: 12, clocks: clocks), dates: dates)
            try same(TicketSLA(policyId: 1, clocks: []), dates: dates)
            try same(clocks, dates: dates)
            try same(["sla": TicketSLA(policyId: 2, clocks: clocks)], dates: dates)
        }
    }

    @Test func writtenTicketReadsBackEqual() throws {
        // Given
        let original = ticket()
        // When
        let bytes = try StreamingJSONEncoder(dates: .referenceSeconds).encode(original)
        let decoded = try JSONDecoder().decode(Ticket.self, from: bytes)
        // Then
        #expect(decoded == original)
    }

    @Test func nestedValuesArraysAndDictionariesMatch() throws {
        let value: JSONValue = .object([
            "zeta": .array([.number(1), .number(-2.25), .number(1e20), .null, .bool(false)]),
            "alpha": .object(["b": .string("ü"), "a": .array([]), "c": .object([:])]),
            "Mixed_Case": .string("\u{7f}\u{2028}"),
        ])
        try same(value)
        try same([3: "three", 10: "ten"])
        try same(["k": [Date?.none, created]])
        try same(Optional<Int>.none)
        try same("top-level \"string\"")
        try same(Int64.min)
        try same(UInt64.max)
    }

    @Test func notANumberIsRefused() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
    }

    @Test func typeThatWritesNothingIsAnEmptyObject() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        try same([Nothing(), Nothing()])
        #expect(try StreamingJSONEncoder().string(Nothing()) == "{}")  // JSONEncoder refuses this one
    }

    @Test func keyedContainerAskedForTwiceIsOneObject() throws {
        struct Twice: Encodable {
            enum K: String, CodingKey { case b, a, c }
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: K.self)
                try first.encode(1, forKey: .b)
                var nested = first.nestedUnkeyedContainer(forKey: .c)
                try nested.encode("x")
                var second = encoder.container(keyedBy: K.self)
                try second.encode(2, forKey: .a)
            }
        }
        try same(Twice())
    }
}
