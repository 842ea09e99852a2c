import Foundation
import SwitchboardCore
import SwitchboardStore
import Testing
import Vapor

@testable import SwitchboardApp

/// Transfers to another department and colleagues invited into the internal conversation.
@Suite(.serialized) struct DepartmentTests {
    @Test func aTransferMovesTheTicketUnassignedWithTheNote() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let sales = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Sales"])["id"]?.int)
            let id = try #require(try await h.ticket("Bulk licence quote", extra: ["assignee_id": .number(Double(agent.id))])["id"]?.int)
            let moved = try await h.send(.POST, "/api/v1/tickets/\(id)/transfer", json: ["team_id": .number(Double(sales)), "note": "Wants 200 seats"], token: agent.token)
            #expect(moved.status == .ok, "\(moved.json)")
            #expect(moved["team_id"]?.int == sales)
            #expect(moved["assignee_id"] == nil)
            let messages = try await h.send(.GET, "/api/v1/tickets/\(id)/messages")
            #expect(messages["items"]?.array?.last?["body"]?.string == "Wants 200 seats")
            #expect(messages["items"]?.array?.last?["visibility"]?.string == "internal")
            let again = try await h.send(.POST, "/api/v1/tickets/\(id)/transfer", json: ["team_id": .number(Double(sales)), "note": "again"])
            #expect(again["field"]?.string == "team_id")
            let empty = try await h.send(.POST, "/api/v1/tickets/\(id)/transfer", json: ["team_id": 999, "note": "x"])
            #expect(empty["field"]?.string == "team_id")
            let noNote = try await h.send(.POST, "/api/v1/tickets/\(id)/transfer", json: ["team_id": .number(Double(sales)), "note": ""])
            #expect(noNote.status == .unprocessableEntity)
        }
    }

    @Test func invitedColleaguesFollowAndAreAddressedInANote() async throws {
        try await withHarness { h in
            let engineer = try await h.staff(.seniorAgent, email: "ivan@example.com")
            let id = try #require(try await h.ticket("API returns 500")["id"]?.int)
            let invited = try await h.send(.POST, "/api/v1/tickets/\(id)/collaborators", json: ["user_ids": [.number(Double(engineer.id))], "note": "Can you look at the logs?"])
            #expect(invited.status == .ok, "\(invited.json)")
            #expect(invited["follower_ids"]?.array?.compactMap(\.int).contains(engineer.id) == true)
            let messages = try await h.send(.GET, "/api/v1/tickets/\(id)/messages")
            #expect(messages["items"]?.array?.last?["body"]?.string == "@ivan Can you look at the logs?")
            let nobody = try await h.send(.POST, "/api/v1/tickets/\(id)/collaborators", json: ["user_ids": [], "note": "x"])
            #expect(nobody["field"]?.string == "user_ids")
        }
    }
}

/// Side conversations: colleagues asked beside the ticket, apart from the customer's timeline.
@Suite(.serialized) struct SideConversationTests {
    @Test func aSideConversationKeepsItsOwnThreadAndTellsItsMembers() async throws {
        try await withHarness { h in
            // Given a ticket of the support team and a colleague of another team, billing
            let billingTeam = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Billing"])["id"]?.int)
            let supportTeam = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Support"])["id"]?.int)
            let billing = try await h.staff(.agent, email: "marta@example.com", teamIds: [billingTeam])
            let id = try #require(try await h.ticket("Refund for order 17", extra: ["team_id": .int(supportTeam)])["id"]?.int)
            let timeline = try await h.send(.GET, "/api/v1/tickets/\(id)/messages")["items"]?.array?.count
            let jobs = try await h.count("jobs")
            // When the agent asks billing and billing answers
            let started = try await h.send(.POST, "/api/v1/tickets/\(id)/side-conversations", json: [
                "subject": "Refund above 500 EUR?", "member_ids": [.number(Double(billing.id))], "body": "May we refund 900 EUR?",
            ])
            #expect(started.status == .created, "\(started.json)")
            let sideId = try #require(started["id"]?.int)
            try await JobRunner.runOnce(h.app)
            let answered = try await h.send(.POST, "/api/v1/side-conversations/\(sideId)/messages", json: ["body": "Yes, approved."], token: billing.token)
            #expect(answered.status == .created, "\(answered.json)")
            // Then the thread holds both messages, the ticket's timeline none of them
            #expect(answered["messages"]?.array?.compactMap { $0["body"]?.string } == ["May we refund 900 EUR?", "Yes, approved."])
            #expect(try await h.send(.GET, "/api/v1/tickets/\(id)/messages")["items"]?.array?.count == timeline)
            // And billing was told (a notification job), and the ticket's history shows it
            #expect(try await h.count("jobs") > jobs)
            let history = try await h.send(.GET, "/api/v1/audit?entity=ticket&entity_id=\(id)&limit=100")
            let actions = history["items"]?.array?.compactMap { $0["action"]?.string } ?? []
            #expect(actions.contains("side_conversation_started") && actions.contains("side_conversation_replied"))
            // And once closed, nobody writes until it is opened again
            #expect(try await h.send(.PATCH, "/api/v1/side-conversations/\(sideId)", json: ["status": "closed"])["status"]?.string == "closed")
            let refused = try await h.send(.POST, "/api/v1/side-conversations/\(sideId)/messages", json: ["body": "One more thing"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await h.send(.PATCH, "/api/v1/side-conversations/\(sideId)", json: ["status": "open"])["status"]?.string == "open")
            #expect(try await h.send(.POST, "/api/v1/side-conversations/\(sideId)/messages", json: ["body": "One more thing"]).status == .created)
        }
    }

    @Test func badSideConversationsAreRefusedNamingTheFieldAndChangeNothing() async throws {
        try await withHarness { h in
            let id = try #require(try await h.ticket("Printer on fire")["id"]?.int)
            let agent = try await h.staff(.agent, email: "olena@example.com")
            let before = try await h.snapshot()
            let nobody = try await h.send(.POST, "/api/v1/tickets/\(id)/side-conversations", json: ["subject": "Hm", "member_ids": [], "body": "x"])
            #expect(nobody["field"]?.string == "member_ids")
            let ghost = try await h.send(.POST, "/api/v1/tickets/\(id)/side-conversations", json: ["subject": "Hm", "member_ids": [9999], "body": "x"])
            #expect(ghost["field"]?.string == "member_ids")
            let noSubject = try await h.send(.POST, "/api/v1/tickets/\(id)/side-conversations", json: [
                "subject": "  ", "member_ids": [.number(Double(agent.id))], "body": "x",
            ])
            #expect(noSubject["field"]?.string == "subject")
            let wrongType = try await h.send(.POST, "/api/v1/tickets/\(id)/side-conversations", json: ["subject": "Hm", "member_ids": "all", "body": "x"])
            #expect(wrongType.status == .unprocessableEntity || wrongType.status == .badRequest)
            #expect(try await h.send(.GET, "/api/v1/tickets/999999/side-conversations").status == .notFound)
            #expect(try await h.send(.POST, "/api/v1/side-conversations/999999/messages", json: ["body": "x"]).status == .notFound)
            #expect(try await h.send(.PATCH, "/api/v1/side-conversations/1", json: ["status": "archived"]).status != .ok)
            #expect(try await h.snapshot() == before)
            #expect(try await h.count("side_conversations") == 0)
            #expect(try await h.count("side_conversation_messages") == 0)
        }
    }
}
