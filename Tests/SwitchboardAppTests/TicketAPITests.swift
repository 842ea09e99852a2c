import Foundation
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp
@testable import SwitchboardStore

@Suite struct TicketAPITests {
    @Test func createTicketReturnsNumberAndStatus() async throws {
        try await withHarness { h in
            // When
            let t = try await h.ticket("Printer on fire", extra: ["priority": "high", "type": "incident", "tags": .array(["Hardware", "hardware"])])
            // Then
            #expect(t["id"]?.int != nil)
            #expect(t["number"]?.int == 1)
            #expect(t["status"]?.string == "new")
            #expect(t["priority"]?.string == "high")
            #expect(t["tags"] == .array(["hardware"]))
            let second = try await h.ticket("Another")
            #expect(second["number"]?.int == 2)
            let messages = try await h.send(.GET, "/api/v1/tickets/\(t["id"]!.int!)/messages")
            #expect(messages["items"]?.array?.count == 1)
            #expect(messages["items"]?.array?.first?["author_kind"]?.string == "contact")
        }
    }

    @Test func anUpdateWritesOnlyTheColumnsItChanges() async throws {
        try await withHarness { h in
            // Given: a ticket whose reopen count was set behind the store's back (no version bump)
            let id = try #require(try await h.ticket("Printer on fire")["id"]?.int)
            try await h.store.write { try await $0.sql.raw("UPDATE tickets SET reopen_count = 7 WHERE id = \(bind: Int64(id))").run() }
            // When: its priority changes
            let updated = try await h.store.write {
                try await $0.updateTicket(id: Int64(id), TicketChanges(priority: .urgent), expectedVersion: nil, actor: .system)
            }
            // Then: the priority and version are stored, and the column the update left alone kept its value
            let stored = try #require(try await h.store.read { try await $0.ticket(id: Int64(id)) })
            #expect(stored.priority == .urgent)
            #expect(stored.version == updated.version)
            #expect(stored.reopenCount == 7)
            #expect(WriteContext.same(Int64(3), Int64(3)) && !WriteContext.same(Int64(3), Int64(4)))
            #expect(WriteContext.same(Int64?.none, Int64?.none) && !WriteContext.same(Int64?.none, Int64(1)) && !WriteContext.same(Int64(1), Int64?.none))
            #expect(WriteContext.same("a", "a") && !WriteContext.same("a", "b") && !WriteContext.same(String?.none, "a"))
        }
    }

    @Test func anUpdatesPayloadBuiltFromItsTicketsTextsIsItsEncoding() {
        // Given: a ticket before and after a change, with and without an automation cause
        let before = Ticket(
            id: 4, number: 1004, subject: "Refund \"now\"", status: .open, requesterId: 7, organizationId: 2, tags: ["vip", "оплата"],
            customFields: ["order": .text("A-1")], createdAt: Date(timeIntervalSince1970: 1_750_000_000))
        var after = before
        after.priority = .urgent
        after.version += 1
        for cause in [nil, AutomationCause(fired: [3, 9], depth: 2)] {
            // When
            let built = TicketUpdatePayload.text(ticket: JSONText(after), before: JSONText(before), cause: cause)
            // Then: the same text the payload's own encoding gives
            #expect(built == JSONText(TicketUpdatePayload(ticket: after, before: before, cause: cause)))
        }
    }

    @Test func requesterEmailIsNormalizedAndReused() async throws {
        try await withHarness { h in
            let a = try await h.ticket(email: "Anna@Example.COM")
            let b = try await h.ticket(email: " anna@example.com ")
            #expect(a["requester_id"] == b["requester_id"])
            let contact = try await h.send(.GET, "/api/v1/contacts/\(a["requester_id"]!.int!)")
            #expect(contact["emails"] == .array(["anna@example.com"]))
        }
    }

    @Test func staleVersionGets409WithCurrentStateAndChangesNothing() async throws {
        try await withHarness { h in
            let t = try await h.ticket()
            let id = t["id"]!.int!
            let first = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["version": 1, "priority": "urgent"])
            #expect(first.status == .ok)
            #expect(first["version"]?.int == 2)
            // When another agent still holds version 1
            let stale = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["version": 1, "priority": "low"])
            // Then
            #expect(stale.status == .conflict)
            #expect(stale.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(stale["field"]?.string == "version")
            #expect(stale["current"]?["priority"]?.string == "urgent")
            let now = try await h.send(.GET, "/api/v1/tickets/\(id)")
            #expect(now["priority"]?.string == "urgent")
            // If-Match works the same way
            let viaHeader = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["priority": "low"], headers: [("If-Match", "\"1\"")])
            #expect(viaHeader.status == .conflict)
        }
    }

    @Test func statusTransitionsAreEnforcedAndClosedIsFinal() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "solved"])["solved_at"] != nil)
            let closed = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "closed"])
            #expect(closed["status"]?.string == "closed")
            let reopen = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "open"])
            #expect(reopen.status == .unprocessableEntity)
            #expect(reopen["field"]?.string == "status")
            let back = try await h.send(.PATCH, "/api/v1/tickets/\(try await h.ticket()["id"]!.int!)", json: ["status": "open"])
            #expect(back.status == .ok)
            let toNew = try await h.send(.PATCH, "/api/v1/tickets/\(back["id"]!.int!)", json: ["status": "new"])
            #expect(toNew.status == .unprocessableEntity)
        }
    }

    @Test func customerReplyReopensSolvedTicketAndCountsIt() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            let reply = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "We are on it"])
            #expect(reply.status == .created)
            let afterReply = try await h.send(.GET, "/api/v1/tickets/\(id)")
            #expect(afterReply["status"]?.string == "open")
            #expect(afterReply["first_reply_at"] != nil)
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "solved"])
            // When the customer writes back
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Still broken", "author": "requester"])
            // Then
            let reopened = try await h.send(.GET, "/api/v1/tickets/\(id)")
            #expect(reopened["status"]?.string == "open")
            #expect(reopened["reopen_count"]?.int == 1)
        }
    }

    @Test func replyToClosedTicketOpensLinkedFollowUp() async throws {
        try await withHarness { h in
            let id = try await h.ticket("Old issue")["id"]!.int!
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "closed"])
            let reply = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "It is back", "author": "requester"])
            #expect(reply.status == .created)
            let newId = reply["ticket_id"]!.int!
            #expect(newId != id)
            let links = try await h.send(.GET, "/api/v1/tickets/\(newId)/links")
            #expect(links["items"]?.array?.contains { $0["kind"]?.string == "follow_up_of" && $0["other_id"]?.int == id } == true)
            let staffOnClosed = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "note"])
            #expect(staffOnClosed.status == .unprocessableEntity)
        }
    }

    @Test func internalNotesAreKeptApartFromReplies() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            let note = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Customer is VIP", "visibility": "internal"])
            #expect(note["visibility"]?.string == "internal")
            let t = try await h.send(.GET, "/api/v1/tickets/\(id)")
            #expect(t["first_reply_at"] == nil)
            #expect(t["status"]?.string == "new")
        }
    }

    @Test func mergeMovesTimelineAndClosesSourceWithPointer() async throws {
        try await withHarness { h in
            let source = try await h.ticket("Duplicate", body: "first copy", extra: ["tags": .array(["a"])])["id"]!.int!
            let target = try await h.ticket("Original", body: "the original", extra: ["tags": .array(["b"])])["id"]!.int!
            let merged = try await h.send(.POST, "/api/v1/tickets/\(source)/merge", json: ["target_id": .int(target)])
            #expect(merged.status == .ok)
            #expect(merged["tags"] == .array(["b", "a"]))
            let targetLinks = try await h.send(.GET, "/api/v1/tickets/\(target)/links")
            #expect(targetLinks["items"]?.array?.first?["kind"]?.string == "merged_from")
            let src = try await h.send(.GET, "/api/v1/tickets/\(source)")
            #expect(src["status"]?.string == "closed")
            #expect(src["merged_into_id"]?.int == target)
            let timeline = try await h.send(.GET, "/api/v1/tickets/\(target)/messages")
            #expect(timeline["items"]?.array?.map { $0["body"]?.string ?? "" }.contains("first copy") == true)
            // The moved text is searchable on the target
            let found = try await h.send(.GET, "/api/v1/tickets?q=copy")
            #expect(found["items"]?.array?.map { $0["id"]?.int } == [target])
        }
    }

    @Test func splitMovesOneMessageIntoLinkedTicket() async throws {
        try await withHarness { h in
            let id = try await h.ticket("Two problems", body: "printer")["id"]!.int!
            let second = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "also the scanner", "author": "requester"])
            let split = try await h.send(.POST, "/api/v1/tickets/\(id)/split", json: ["message_id": second["id"]!, "subject": "Scanner"])
            #expect(split.status == .created)
            let newId = split["id"]!.int!
            #expect(try await h.send(.GET, "/api/v1/tickets/\(newId)/messages")["items"]?.array?.count == 1)
            #expect(try await h.send(.GET, "/api/v1/tickets/\(id)/messages")["items"]?.array?.count == 1)
            let links = try await h.send(.GET, "/api/v1/tickets/\(id)/links")
            #expect(links["items"]?.array?.first?["other_id"]?.int == newId)
            #expect(links["items"]?.array?.first?["kind"]?.string == "split_into")
        }
    }

    @Test func linksAndFollowers() async throws {
        try await withHarness { h in
            let a = try await h.ticket("Parent")["id"]!.int!
            let b = try await h.ticket("Child")["id"]!.int!
            #expect(try await h.send(.POST, "/api/v1/tickets/\(a)/links", json: ["other_id": .int(b), "kind": "parent"]).status == .created)
            let childLinks = try await h.send(.GET, "/api/v1/tickets/\(b)/links")
            #expect(childLinks["items"]?.array?.first?["kind"]?.string == "child")
            #expect(try await h.send(.DELETE, "/api/v1/tickets/\(a)/links/parent/\(b)").status == .noContent)
            #expect(try await h.send(.GET, "/api/v1/tickets/\(b)/links")["items"]?.array?.isEmpty == true)
            let followed = try await h.send(.PUT, "/api/v1/tickets/\(a)/followers/\(h.adminId)")
            #expect(followed["follower_ids"] == .array([.int(h.adminId)]))
            let unfollowed = try await h.send(.DELETE, "/api/v1/tickets/\(a)/followers/\(h.adminId)")
            #expect(unfollowed["follower_ids"] == .array([]))
        }
    }

    @Test func idempotencyKeyCreatesOnce() async throws {
        try await withHarness { h in
            let body: JSONValue = ["subject": "Once", "body": "only once", "requester": ["email": "x@example.com"]]
            let first = try await h.send(.POST, "/api/v1/tickets", json: body, headers: [("Idempotency-Key", "abc-123")])
            let again = try await h.send(.POST, "/api/v1/tickets", json: body, headers: [("Idempotency-Key", "abc-123")])
            #expect(first.status == .created)
            #expect(again.status == .created)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(first["id"] == again["id"])
            #expect(try await h.count("tickets") == 1)
            // The key with another request is a mistake, not a retry
            let other: JSONValue = ["subject": "Twice?", "body": "another", "requester": ["email": "x@example.com"]]
            let reused = try await h.send(.POST, "/api/v1/tickets", json: other, headers: [("Idempotency-Key", "abc-123")])
            #expect(reused.status == .unprocessableEntity)
            #expect(reused["field"]?.string == "Idempotency-Key")
            #expect(try await h.count("tickets") == 1)
        }
    }

    /// A split or a link sent again with its key is answered again, not done twice.
    @Test func splitsAndLinksHonourTheIdempotencyKey() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            let other = try await h.ticket("Other", email: "bob@example.com")["id"]!.int!
            let message = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "A second problem"])["id"]!.int!
            let split: JSONValue = ["message_id": .int(message)]
            let first = try await h.send(.POST, "/api/v1/tickets/\(id)/split", json: split, headers: [("Idempotency-Key", "split-1")])
            let again = try await h.send(.POST, "/api/v1/tickets/\(id)/split", json: split, headers: [("Idempotency-Key", "split-1")])
            #expect(first.status == .created, "\(first.json)")
            #expect(again.status == .created, "\(again.json)")
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(first["id"] == again["id"])
            #expect(try await h.count("tickets") == 3)

            let link: JSONValue = ["other_id": .int(other), "kind": "related"]
            for _ in 0..<2 {
                let reply = try await h.send(.POST, "/api/v1/tickets/\(id)/links", json: link, headers: [("Idempotency-Key", "link-1")])
                #expect(reply.status == .created, "\(reply.json)")
            }
            let linked = try await h.send(.GET, "/api/v1/audit?entity=ticket&entity_id=\(id)&action=linked&limit=10")["items"]?.array ?? []
            #expect(linked.count == 1)
        }
    }

    @Test func ticketHistoryComesFromAuditLog() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["priority": "high"])
            let history = try await h.send(.GET, "/api/v1/tickets/\(id)/history")
            let actions = history["items"]?.array?.map { $0["action"]?.string ?? "" }
            #expect(actions == ["created", "updated"])
            #expect(history["items"]?.array?.last?["before"]?["priority"]?.string == "normal")
            #expect(history["items"]?.array?.last?["after"]?["priority"]?.string == "high")
        }
    }

    /// The history holds the replies and notes (and the status moves they made) and, on the
    /// ticket another was merged into, the merge.
    @Test func ticketHistoryHoldsMessagesAndMerges() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            let other = try await h.ticket("Also on fire", email: "bob@example.com")["id"]!.int!
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "We are on it"])
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Check the fuse", "visibility": "internal"])
            #expect(try await h.send(.POST, "/api/v1/tickets/\(other)/merge", json: ["target_id": .int(id)]).status == .ok)
            let items = try await h.send(.GET, "/api/v1/tickets/\(id)/history")["items"]?.array ?? []
            #expect(items.map { $0["action"]?.string ?? "" } == ["created", "added", "added", "merged"])
            #expect(items.map { $0["entity"]?.string ?? "" } == ["ticket", "message", "message", "ticket"])
            #expect(items[1]["before"]?["status"]?.string == "new")
            #expect(items[1]["after"]?["body"]?.string == "We are on it")
            #expect(items[2]["before"] == nil || items[2]["before"] == .null)
            #expect(items[3]["after"]?["version"] != items[3]["before"]?["version"])
            let source = try await h.send(.GET, "/api/v1/tickets/\(other)/history")["items"]?.array ?? []
            #expect(source.map { $0["action"]?.string ?? "" }.suffix(1) == ["merged"])
            #expect(source.last?["after"]?["merged_into_id"]?.int == id)

            // The page words the merge from each side
            let events = try await h.store.read { try await $0.history(ticketId: id) }
            #expect(events.map(TicketPageModel.historyAction) == ["created", "added", "added", "merged_in"])
            let sourceEvents = try await h.store.read { try await $0.history(ticketId: other) }
            #expect(sourceEvents.map(TicketPageModel.historyAction).last == "merged")
        }
    }
}

extension JSONValue {
    static func int(_ v: Int64) -> JSONValue { .number(Double(v)) }
}
