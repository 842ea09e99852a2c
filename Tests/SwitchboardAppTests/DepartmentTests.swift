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
