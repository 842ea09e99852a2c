import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct AuditChainTests {
    /// A deterministic stand-in for SHA-256 (Core has none): 64-bit FNV-1a as hex. Any function
    /// that changes when the input changes is enough to test the chain logic.
    static func fnv(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    let start = Date(timeIntervalSince1970: 1_750_000_000)

    /// A valid chain of `count` events, sequences 1…count, each hashed with `fnv`.
    func chain(_ count: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        var previous = AuditEvent.genesisHash
        for i in 1...count {
            var event = AuditEvent(
                sequence: Int64(i), occurredAt: start.addingTimeInterval(Double(i) * 60), actor: .user(3),
                entity: .ticket, entityId: 100 + Int64(i), action: "updated",
                before: JSONText(JSONValue.object(["status": .string("open")])), after: JSONText(JSONValue.object(["status": .string("pending")])),
                previousHash: previous, hash: "")
            event.hash = Self.fnv(event.hashInput)
            previous = event.hash
            events.append(event)
        }
        return events
    }

    /// The hashed bytes are every field but the hash, joined by U+001F, nil as empty: stored
    /// chains depend on it byte for byte.
    @Test func theHashInputIsTheFieldsJoinedByTheUnitSeparator() {
        let event = AuditEvent(
            sequence: 42, occurredAt: Date(timeIntervalSince1970: 1_750_000_000.123), actor: .system, entity: .ticket, entityId: 7, action: "escalated",
            before: nil, after: JSONText(stored: "{\"note\":\"Σφάλμα płatność — ok\"}"), previousHash: String(repeating: "ab", count: 32), hash: "")
        let expected = [
            String(repeating: "ab", count: 32), "42", "1750000000123", "system", "", "ticket", "7", "escalated", "",
            "{\"note\":\"Σφάλμα płatność — ok\"}",
        ].joined(separator: "\u{1F}")
        #expect(event.hashInput == Data(expected.utf8))
    }

    func verify(_ events: [AuditEvent], startingAfter previous: (sequence: Int64, hash: String)? = nil)
        -> AuditChain.Finding
    {
        AuditChain.verify(events, startingAfter: previous, hash: Self.fnv)
    }

    // MARK: - Verification

    @Test func intactChainReportsItsLength() {
        // Given
        let events = chain(5)
        // When
        let finding = verify(events)
        // Then
        #expect(finding == .intact(count: 5))
        #expect(events[0].previousHash == AuditEvent.genesisHash)
    }

    @Test func emptyChainIsIntact() {
        // Given / When / Then
        #expect(verify([]) == .intact(count: 0))
    }

    @Test func alteredContentIsDetectedAtThatEvent() {
        // Given
        var events = chain(4)
        // When: someone rewrites what event 2 recorded, keeping its stored hash
        events[1].after = JSONText(JSONValue.object(["status": .string("solved")]))
        // Then
        #expect(verify(events) == .altered(sequence: 2))
    }

    @Test func alteredActorIsDetected() {
        // Given
        var events = chain(3)
        // When
        events[2].actor = .system
        // Then
        #expect(verify(events) == .altered(sequence: 3))
    }

    @Test func replacedStoredHashIsDetected() {
        // Given
        var events = chain(3)
        // When
        events[1].hash = String(repeating: "f", count: 16)
        // Then
        #expect(verify(events) == .altered(sequence: 2))
    }

    @Test func removedMiddleEventIsMissing() {
        // Given
        var events = chain(4)
        // When
        events.remove(at: 1)
        // Then
        #expect(verify(events) == .missing(after: 1, next: 3))
    }

    @Test func removedFirstEventIsMissing() {
        // Given
        var events = chain(3)
        // When
        events.removeFirst()
        // Then
        #expect(verify(events) == .missing(after: 0, next: 2))
    }

    @Test func wrongPreviousHashBreaksTheChain() {
        // Given
        var events = chain(4)
        // When: event 3 is re-hashed consistently, but points at a predecessor that is not event 2
        events[2].previousHash = String(repeating: "a", count: 16)
        events[2].hash = Self.fnv(events[2].hashInput)
        // Then
        #expect(verify(events) == .broken(sequence: 3))
    }

    @Test func renumberingAfterARemovalStillBreaksTheChain() {
        // Given
        var events = chain(3)
        // When: event 2 is dropped and event 3 renumbered and re-hashed to close the gap
        events.remove(at: 1)
        events[1].sequence = 2
        events[1].hash = Self.fnv(events[1].hashInput)
        // Then
        #expect(verify(events) == .broken(sequence: 2))
    }

    @Test func verificationContinuesFromACheckpoint() {
        // Given
        let events = chain(4)
        let checkpoint = (sequence: events[1].sequence, hash: events[1].hash)
        // When
        let finding = verify(Array(events[2...]), startingAfter: checkpoint)
        let wrongCheckpoint = verify(Array(events[2...]), startingAfter: (sequence: 2, hash: "bad"))
        let gap = verify(Array(events[3...]), startingAfter: checkpoint)
        // Then
        #expect(finding == .intact(count: 2))
        #expect(wrongCheckpoint == .broken(sequence: 3))
        #expect(gap == .missing(after: 2, next: 4))
    }

    // MARK: - Hash input

    @Test func hashInputLeavesOutTheHashItself() {
        // Given
        var event = chain(1)[0]
        let input = event.hashInput
        // When
        event.hash = "something else"
        // Then
        #expect(event.hashInput == input)
    }

    @Test func hashInputCoversEveryOtherField() {
        // Given
        let base = chain(1)[0]
        let edits: [(String, (inout AuditEvent) -> Void)] = [
            ("sequence", { $0.sequence = 2 }),
            ("occurredAt", { $0.occurredAt = $0.occurredAt.addingTimeInterval(1) }),
            ("actor.kind", { $0.actor = .contact(3) }),
            ("actor.id", { $0.actor = .user(4) }),
            ("entity", { $0.entity = .contact }),
            ("entityId", { $0.entityId += 1 }),
            ("action", { $0.action = "deleted" }),
            ("before", { $0.before = nil }),
            ("after", { $0.after = JSONText(JSONValue.object(["status": .string("solved")])) }),
            ("previousHash", { $0.previousHash = "x" }),
        ]
        // When / Then
        for (name, edit) in edits {
            var changed = base
            edit(&changed)
            #expect(changed.hashInput != base.hashInput, "changing \(name) must change the hash input")
        }
    }

    @Test func hashInputUsesWholeMilliseconds() {
        // Given: two times that differ by less than half a millisecond
        var a = chain(1)[0]
        var b = a
        a.occurredAt = Date(timeIntervalSince1970: 1_750_000_000.123)
        b.occurredAt = Date(timeIntervalSince1970: 1_750_000_000.1231)
        // When / Then: a database that keeps milliseconds yields the same hash
        #expect(a.hashInput == b.hashInput)
    }

    @Test func domainEventTypesNameTheirEntityAndAction() {
        // Given / When / Then
        #expect(DomainEventType.ticketCreated.entity == .ticket)
        #expect(DomainEventType.ticketCreated.action == "created")
        #expect(DomainEventType.customFieldUpdated.entity == .customField)
        #expect(DomainEventType.tokenRevoked.entity == .apiToken)
        #expect(DomainEventType.tokenRevoked.action == "revoked")
        for type in DomainEventType.allCases {
            #expect(EntityType(rawValue: String(type.rawValue.split(separator: ".")[0])) == type.entity, "\(type)")
            #expect(type.action == String(type.rawValue.split(separator: ".").last!), "\(type)")
        }
    }
}

@Suite struct JSONValueTests {
    @Test func canonicalStringSortsKeysWithoutWhitespace() {
        // Given
        let value = JSONValue.object([
            "zeta": .array([.number(1), .bool(true), .null]), "alpha": .string("a/b"),
            "mid": .object(["b": .number(2.5), "a": .string("ü")]),
        ])
        // When
        let text = value.canonicalString
        // Then
        #expect(text == #"{"alpha":"a/b","mid":{"a":"ü","b":2.5},"zeta":[1,true,null]}"#)
    }

    @Test func wholeNumbersEncodeWithoutFraction() {
        // Given / When / Then
        #expect(JSONValue.number(42).canonicalString == "42")
        #expect(JSONValue.number(-7).canonicalString == "-7")
        #expect(JSONValue.number(0.5).canonicalString == "0.5")
    }

    @Test func numbersAreNotMistakenForBooleans() throws {
        // Given
        let json = #"[true, false, 1, 0, 1.5, "x", null, {"k": [2]}]"#
        // When
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        // Then
        #expect(
            value
                == .array([
                    .bool(true), .bool(false), .number(1), .number(0), .number(1.5), .string("x"), .null,
                    .object(["k": .array([.number(2)])]),
                ]))
    }

    @Test func encodableValuesConvertThroughJSON() {
        // Given / When
        let value = JSONValue.from(Actor.user(5))
        // Then
        #expect(value == .object(["kind": .string("user"), "id": .number(5)]))
        #expect(value["kind"] == .string("user"))
        #expect(JSONValue.string("x")["kind"] == nil)
    }

    @Test func optionalHelpersMapNilToNull() {
        // Given / When / Then
        #expect(JSONValue.int(nil) == .null)
        #expect(JSONValue.int(3) == .number(3))
        #expect(JSONValue.str(nil) == .null)
        #expect(JSONValue.str("a") == .string("a"))
    }
}
