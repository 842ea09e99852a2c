import Foundation
import SwitchboardCore
import Testing

/// Renaming and merging tags across every ticket that has them.
@Suite struct TagTests {
    @Test func renamingOntoAnExistingTagMergesThemEverywhereClosedTicketsIncluded() async throws {
        try await withHarness { h in
            // Given three tickets: one with both tags, one closed with the old tag, one untouched
            let both = try await h.ticket("Both", extra: ["tags": ["refund", "billing"]])
            let closed = try await h.ticket("Closed", extra: ["tags": ["Refund"], "status": "closed"])
            let other = try await h.ticket("Other", extra: ["tags": ["shipping"]])
            let auditBefore = try await h.count("audit_events")

            // When an admin renames "refund" onto the existing "billing"
            let renamed = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "REFUND", "to": "Billing"])

            // Then both tickets carry "billing" once, got a new version and an audit event each
            #expect(renamed.status == .ok, "\(renamed.json)")
            #expect(renamed.json == ["name": "billing", "tickets": 2])
            let a = try await h.send(.GET, "/api/v1/tickets/\(both["id"]!.int!)")
            #expect(a["tags"] == ["billing"])
            #expect(a["version"]!.int! == both["version"]!.int! + 1)
            #expect(a["updated_at"] == both["updated_at"])
            let c = try await h.send(.GET, "/api/v1/tickets/\(closed["id"]!.int!)")
            #expect(c["tags"] == ["billing"])
            #expect(c["status"] == "closed")
            #expect(try await h.count("audit_events") == auditBefore + 2)
            let untouched = try await h.send(.GET, "/api/v1/tickets/\(other["id"]!.int!)")
            #expect(untouched["version"] == other["version"])
            let tags = try await h.send(.GET, "/api/v1/tags")
            #expect(tags["items"] == [["name": "billing", "count": 2], ["name": "shipping", "count": 1]])
            let found = try await h.send(.GET, "/api/v1/tickets?tag=refund")
            #expect(found["items"] == [])
        }
    }

    @Test func badRenamesAreRefusedAndChangeNothing() async throws {
        try await withHarness { h in
            _ = try await h.ticket("Tagged", extra: ["tags": ["refund"]])
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let before = try await h.snapshot()
            let same = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "refund", "to": " Refund "])
            #expect(same.status == .unprocessableEntity)
            #expect(same["field"] == "to")
            let bad = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "refund", "to": "a,b"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad["field"] == "to")
            let unknown = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "never", "to": "b"])
            #expect(unknown.status == .notFound)
            #expect(unknown["field"] == "from")
            let missing = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "refund"])
            #expect(missing.status == .unprocessableEntity)
            let forbidden = try await h.send(.POST, "/api/v1/tags/rename", json: ["from": "refund", "to": "b"], token: agent.token)
            #expect(forbidden.status == .forbidden)
            #expect(try await h.snapshot() == before)
        }
    }
}

/// Each user may pick the time zone their pages show times in.
@Suite struct TimeZoneTests {
    @Test func validatedTimeZoneKnowsIANANamesAndRefusesOthers() throws {
        #expect(try validatedTimeZone("Europe/Kyiv") == "Europe/Kyiv")
        #expect(try validatedTimeZone(" America/New_York ") == "America/New_York")
        #expect(try validatedTimeZone("UTC") == "UTC")
        #expect(try validatedTimeZone("") == nil)
        #expect(throws: DomainError.invalid(field: "time_zone", "is not a time zone like Europe/Kyiv")) { try validatedTimeZone("Mars/Olympus") }
        #expect(throws: DomainError.self) { try validatedTimeZone("../../etc/passwd") }
    }

    @Test func aChosenTimeZoneIsStoredAndCleared() async throws {
        try await withHarness { h in
            let set = try await h.send(.PATCH, "/api/v1/users/\(h.adminId)", json: ["time_zone": "Asia/Tokyo"])
            #expect(set["time_zone"] == "Asia/Tokyo")
            let bad = try await h.send(.PATCH, "/api/v1/users/\(h.adminId)", json: ["time_zone": "Tokyo"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad["field"] == "time_zone")
            #expect(try await h.send(.GET, "/api/v1/users/\(h.adminId)")["time_zone"] == "Asia/Tokyo")
            let cleared = try await h.send(.PATCH, "/api/v1/users/\(h.adminId)", json: ["time_zone": ""])
            #expect(cleared["time_zone"] == nil)
        }
    }
}

/// Admins turn ticket types off and on; a type turned off is refused for new values only.
@Suite struct TicketTypeTests {
    @Test func aTypeTurnedOffIsRefusedForNewTicketsAndChangesButKeptWhereItIs() async throws {
        try await withHarness { h in
            // Given a complaint ticket, and complaints turned off
            let complaint = try await h.ticket("Rude courier", extra: ["type": "complaint"])
            let off = try await h.send(.PATCH, "/api/v1/ticket-types/complaint", json: ["active": false])
            #expect(off.json == ["type": "complaint", "active": false])
            #expect(try await h.send(.GET, "/api/v1/ticket-types")["items"]?.array?.contains(["type": "complaint", "active": false]) == true)

            // Then new complaints and changes to complaint are refused
            let before = try await h.snapshot()
            let created = try await h.send(
                .POST, "/api/v1/tickets", json: ["subject": "x", "body": "y", "requester": ["email": "a@example.com"], "type": "complaint"])
            #expect(created.status == .unprocessableEntity)
            #expect(created["field"] == "type")
            let other = try await h.snapshot()
            #expect(other == before)
            let question = try await h.ticket("A question")
            let changed = try await h.send(.PATCH, "/api/v1/tickets/\(question["id"]!.int!)", json: ["type": "complaint"])
            #expect(changed.status == .unprocessableEntity)

            // But the existing complaint keeps its type and can still be worked
            let worked = try await h.send(.PATCH, "/api/v1/tickets/\(complaint["id"]!.int!)", json: ["priority": "high"])
            #expect(worked.status == .ok)
            #expect(worked["type"] == "complaint")

            // And turning it on again allows it again; every change is audited
            #expect(try await h.send(.PATCH, "/api/v1/ticket-types/complaint", json: ["active": true])["active"] == true)
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(question["id"]!.int!)", json: ["type": "complaint"]).status == .ok)
            let audit = try await h.send(.GET, "/api/v1/audit?entity=workspace&action=updated")
            #expect(audit["items"]?.array?.count == 2)
        }
    }

    @Test func theDefaultTypeStaysOnAndOnlyAdminsChangeTypes() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let question = try await h.send(.PATCH, "/api/v1/ticket-types/question", json: ["active": false])
            #expect(question.status == .unprocessableEntity)
            #expect(question["field"] == "active")
            #expect(try await h.send(.PATCH, "/api/v1/ticket-types/rumour", json: ["active": false]).status == .notFound)
            #expect(try await h.send(.PATCH, "/api/v1/ticket-types/task", json: ["active": false], token: agent.token).status == .forbidden)
            #expect(try await h.send(.GET, "/api/v1/ticket-types", token: agent.token).status == .ok)
        }
    }
}
