import Foundation
import SwitchboardCore
import SwitchboardStore
import Testing
import Vapor

@testable import SwitchboardApp

/// Routing through the API and the job runner on the real database: strategies, availability,
/// capacity, skills, going offline, and bad input.
@Suite(.serialized) struct RoutingTests {
    static func team(_ h: Harness, _ name: String, members: [Int64], assignment: String, reassign: Bool = false) async throws -> Int64 {
        let reply = try await h.send(
            .POST, "/api/v1/teams",
            json: ["name": .string(name), "member_ids": .array(members.map { .number(Double($0)) }), "assignment": .string(assignment),
                   "reassign_when_offline": .bool(reassign)])
        #expect(reply.status == .created, "\(reply.json)")
        return try #require(reply["id"]?.int)
    }

    static func online(_ h: Harness, _ agent: (id: Int64, token: String), capacity: Int? = nil) async throws {
        var body: [String: JSONValue] = ["availability": "online"]
        if let capacity { body["capacity"] = .number(Double(capacity)) }
        let reply = try await h.send(.PUT, "/api/v1/users/\(agent.id)/availability", json: .object(body), token: capacity == nil ? agent.token : nil)
        #expect(reply.status == .ok, "\(reply.json)")
    }

    static func assignees(_ h: Harness, _ ids: [Int64]) async throws -> [Int64?] {
        var out: [Int64?] = []
        for id in ids { out.append(try await h.send(.GET, "/api/v1/tickets/\(id)")["assignee_id"]?.int) }
        return out
    }

    @Test func roundRobinHandsTicketsToOnlineAgentsInTurn() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let b = try await h.staff(.agent, email: "b@example.com")
            let c = try await h.staff(.agent, email: "c@example.com")
            let team = try await Self.team(h, "Support", members: [a.id, b.id, c.id], assignment: "round_robin")
            try await Self.online(h, a)
            try await Self.online(h, b)  // c stays offline
            var ids: [Int64] = []
            for i in 0..<4 { ids.append(try #require(try await h.ticket("Q\(i)", extra: ["team_id": .number(Double(team))])["id"]?.int)) }
            try await JobRunner.runOnce(h.app)
            #expect(try await Self.assignees(h, ids) == [a.id, b.id, a.id, b.id])
            // Assigned by the system, recorded and visible in the history
            let history = try await h.send(.GET, "/api/v1/tickets/\(ids[0])/history")
            #expect(history["items"]?.array?.contains { $0["actor_kind"]?.string == "system" && $0["action"]?.string == "updated" } == true)
        }
    }

    @Test func leastOpenRespectsCapacityAndTicketsWaitWhenEveryoneIsFull() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let b = try await h.staff(.agent, email: "b@example.com")
            let team = try await Self.team(h, "Billing", members: [a.id, b.id], assignment: "least_open")
            try await Self.online(h, a, capacity: 1)
            try await Self.online(h, b, capacity: 2)
            var ids: [Int64] = []
            for i in 0..<4 { ids.append(try #require(try await h.ticket("B\(i)", extra: ["team_id": .number(Double(team))])["id"]?.int)) }
            try await JobRunner.runOnce(h.app)
            let first = try await Self.assignees(h, ids)
            #expect(first.compactMap { $0 }.count == 3)
            #expect(first.filter { $0 == a.id }.count == 1)
            #expect(first.filter { $0 == b.id }.count == 2)
            #expect(first[3] == nil)  // waits
            // b solves one: the waiting ticket goes to b
            let solved = try #require(zip(ids, first).first { $0.1 == b.id }?.0)
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(solved)", json: ["status": "solved"]).status == .ok)
            try await JobRunner.runOnce(h.app)
            #expect(try await Self.assignees(h, [ids[3]]) == [b.id])
        }
    }

    @Test func skillsRouteAPolishTicketToTheAgentWhoSpeaksIt() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let b = try await h.staff(.agent, email: "b@example.com")
            let polish = try await h.send(.POST, "/api/v1/skills", json: ["name": "Polish", "rules": [["kind": "language", "value": "pl"]], "min_level": 3])
            #expect(polish.status == .created, "\(polish.json)")
            let skill = try #require(polish["id"]?.int)
            let set = try await h.send(.PUT, "/api/v1/users/\(b.id)/skills", json: ["skills": [["skill_id": .number(Double(skill)), "level": 4]]])
            #expect(set.status == .ok, "\(set.json)")
            let team = try await Self.team(h, "Europe", members: [a.id, b.id], assignment: "skills")
            try await Self.online(h, a)
            try await Self.online(h, b)
            let contact = try await h.send(.POST, "/api/v1/contacts", json: ["name": "Zofia", "emails": ["zofia@example.pl"], "locale": "pl"])
            #expect(contact.status == .created, "\(contact.json)")
            let polishTicket = try #require(try await h.ticket("Zwrot", email: "zofia@example.pl", extra: ["team_id": .number(Double(team))])["id"]?.int)
            let english = try #require(try await h.ticket("Refund", email: "sam@example.com", extra: ["team_id": .number(Double(team))])["id"]?.int)
            try await JobRunner.runOnce(h.app)
            #expect(try await Self.assignees(h, [polishTicket, english]) == [b.id, a.id])
        }
    }

    @Test func goingOfflineHandsOpenTicketsBackWhenTheTeamAsks() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let b = try await h.staff(.agent, email: "b@example.com")
            let team = try await Self.team(h, "Nights", members: [a.id, b.id], assignment: "round_robin", reassign: true)
            try await Self.online(h, a)
            let id = try #require(try await h.ticket("Help", extra: ["team_id": .number(Double(team))])["id"]?.int)
            try await JobRunner.runOnce(h.app)
            #expect(try await Self.assignees(h, [id]) == [a.id])
            try await Self.online(h, b)
            let off = try await h.send(.PUT, "/api/v1/users/\(a.id)/availability", json: ["availability": "offline"], token: a.token)
            #expect(off.status == .ok, "\(off.json)")
            #expect(off["availability"]?.string == "offline")
            try await JobRunner.runOnce(h.app)
            #expect(try await Self.assignees(h, [id]) == [b.id])
        }
    }

    @Test func badRoutingInputIsRefusedNamingTheField() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let before = try await h.snapshot()
            let strategy = try await h.send(.POST, "/api/v1/teams", json: ["name": "X", "assignment": "lottery"])
            #expect(strategy.status == .unprocessableEntity)
            #expect(strategy["field"]?.string == "assignment")
            let availability = try await h.send(.PUT, "/api/v1/users/\(a.id)/availability", json: ["availability": "asleep"], token: a.token)
            #expect(availability["field"]?.string == "availability")
            let capacity = try await h.send(.PUT, "/api/v1/users/\(a.id)/availability", json: ["availability": "online", "capacity": -1])
            #expect(capacity["field"]?.string == "capacity")
            let own = try await h.send(.PUT, "/api/v1/users/\(a.id)/availability", json: ["availability": "online", "capacity": 5], token: a.token)
            #expect(own.status == .forbidden)
            let skill = try await h.send(.POST, "/api/v1/skills", json: ["name": "S", "rules": [["kind": "type", "value": "rumour"]]])
            #expect(skill["field"]?.string == "rules[0].value")
            let level = try await h.send(.PUT, "/api/v1/users/\(a.id)/skills", json: ["skills": [["skill_id": 999, "level": 3]]])
            #expect(level["field"]?.string == "skills")
            #expect(try await h.snapshot() == before)
        }
    }
}
