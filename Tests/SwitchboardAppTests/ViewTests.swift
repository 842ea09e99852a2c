import Foundation
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp

@Suite struct ViewTests {
    @Test func builtInViewsFilterAndCount() async throws {
        try await withHarness { h in
            let team = try await h.send(.POST, "/api/v1/teams", json: ["name": "Support", "member_ids": [.int(h.adminId)]])
            let mine = try await h.ticket("Mine", extra: ["assignee_id": .int(h.adminId)])
            _ = try await h.ticket("Nobody's")
            let teamTicket = try await h.ticket("Team", extra: ["team_id": team["id"]!])
            let pending = try await h.ticket("Waiting")
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(pending["id"]!.int!)", json: ["status": "pending"])
            let solved = try await h.ticket("Done")
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(solved["id"]!.int!)", json: ["status": "solved"])

            func ids(_ view: String) async throws -> Set<Int64> {
                Set(try await h.send(.GET, "/api/v1/tickets?view=\(view)")["items"]?.array?.compactMap { $0["id"]?.int } ?? [])
            }
            #expect(try await ids("my_open") == [mine["id"]!.int!])
            #expect(try await ids("unassigned").count == 3)
            #expect(try await ids("my_teams") == [teamTicket["id"]!.int!])
            #expect(try await ids("all_open").count == 4)
            #expect(try await ids("pending") == [pending["id"]!.int!])
            #expect(try await ids("recently_solved") == [solved["id"]!.int!])
            // The view list carries a count per view
            let views = try await h.send(.GET, "/api/v1/views")
            let counts = Dictionary(uniqueKeysWithValues: (views["items"]?.array ?? []).map { ($0["id"]?.string ?? "", $0["count"]?.int ?? -1) })
            #expect(counts["my_open"] == 1)
            #expect(counts["all_open"] == 4)
            #expect(counts["recently_solved"] == 1)
        }
    }

    @Test func savedViewsFilterSortAndShare() async throws {
        try await withHarness { h in
            _ = try await h.ticket("Refund please", extra: ["tags": ["refund"], "priority": "high"])
            _ = try await h.ticket("Refund urgent", extra: ["tags": ["refund"], "priority": "urgent"])
            _ = try await h.ticket("Other", extra: ["tags": ["other"], "priority": "urgent"])
            let view = try await h.send(
                .POST, "/api/v1/views", json: ["name": "Refunds", "filter": ["tag": ["refund"], "status": ["new", "open"]], "sort": "-priority"])
            #expect(view.status == .created)
            let list = try await h.send(.GET, "/api/v1/tickets?view=\(view["id"]!.string!)&count=true")
            #expect(list["items"]?.array?.map { $0["subject"]?.string ?? "" } == ["Refund urgent", "Refund please"])
            #expect(list["count"]?.int == 2)
            // An agent cannot see a personal view of someone else, nor share one
            let agent = try await h.staff(.agent, email: "agent@example.com")
            #expect(try await h.send(.GET, "/api/v1/tickets?view=\(view["id"]!.string!)", token: agent.token).status == .notFound)
            #expect(try await h.send(.POST, "/api/v1/views", json: ["name": "Team view", "shared": true], token: agent.token).status == .forbidden)
            // Shared views are seen by everyone
            _ = try await h.send(.PATCH, "/api/v1/views/\(view["id"]!.string!)", json: ["shared": true])
            #expect(try await h.send(.GET, "/api/v1/tickets?view=\(view["id"]!.string!)", token: agent.token).status == .ok)
            #expect(try await h.send(.DELETE, "/api/v1/views/\(view["id"]!.string!)").status == .noContent)
        }
    }

    @Test func keysetPaginationWalksEveryTicketOnce() async throws {
        try await withHarness { h in
            for i in 0..<23 { _ = try await h.ticket("Ticket \(i)") }
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try await h.send(.GET, "/api/v1/tickets?limit=5&sort=number" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page["items"]?.array?.compactMap { $0["number"]?.int } ?? []
                cursor = page["next_cursor"]?.string
            } while cursor != nil
            #expect(seen == Array(1...23))
            let wrongSort = try await h.send(.GET, "/api/v1/tickets?limit=5&sort=-updated_at&cursor=\(PageCursor(sortValue: 1, id: 1, sort: "number").token)")
            #expect(wrongSort.status == .unprocessableEntity)
        }
    }

    @Test func textQueryIsCaseAndAccentInsensitiveAcrossScripts() async throws {
        try await withHarness { h in
            let greek = try await h.ticket("Σφάλμα πληρωμής", body: "Η κάρτα απορρίφθηκε")["id"]!.int!
            let polish = try await h.ticket("Problem", body: "PŁATNOŚĆ nie przeszła")["id"]!.int!
            let ukrainian = try await h.ticket("Повернення коштів", body: "Їжак замовив щось")["id"]!.int!
            let russian = try await h.ticket("Ёлка", body: "Счёт не пришёл")["id"]!.int!
            func search(_ q: String) async throws -> Set<Int64> {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                return Set(try await h.send(.GET, "/api/v1/tickets?q=\(encoded)")["items"]?.array?.compactMap { $0["id"]?.int } ?? [])
            }
            for q in ["ΣΦΆΛΜΑ", "σφαλμα", "Σφάλμα", "καρτα"] { #expect(try await search(q) == [greek], "\(q)") }
            for q in ["PŁATNOŚĆ", "płatność", "platnosc", "przeszla"] { #expect(try await search(q) == [polish], "\(q)") }
            for q in ["ПОВЕРНЕННЯ", "їжак", "іжак"] { #expect(try await search(q) == [ukrainian], "\(q)") }
            for q in ["елка", "СЧЕТ", "пришел"] { #expect(try await search(q) == [russian], "\(q)") }
            // Every term must match; the last one also as a prefix
            #expect(try await search("повернення кошт") == [ukrainian])
            #expect(try await search("повернення σφάλμα").isEmpty)
            // New messages become searchable
            _ = try await h.send(.POST, "/api/v1/tickets/\(polish)/messages", json: ["body": "Zwrot środków wysłany"])
            #expect(try await search("srodkow") == [polish])
        }
    }

    @Test func filtersCombine() async throws {
        try await withHarness { h in
            let a = try await h.ticket("A", extra: ["priority": "high", "type": "incident", "channel": "email"])
            _ = try await h.ticket("B", extra: ["priority": "high", "type": "question"])
            let list = try await h.send(.GET, "/api/v1/tickets?priority=high,urgent&type=incident&channel=email")
            #expect(list["items"]?.array?.map { $0["id"]?.int } == [a["id"]?.int])
            let byRequester = try await h.send(.GET, "/api/v1/tickets?requester=\(a["requester_id"]!.int!)")
            #expect(byRequester["items"]?.array?.count == 2)
            let future = try await h.send(.GET, "/api/v1/tickets?created_from=2999-01-01T00:00:00Z")
            #expect(future["items"]?.array?.isEmpty == true)
        }
    }
}

@Suite struct SearchOrderTests {
    @Test func textSearchListsNewestFirstAndPagesThroughEveryMatch() async throws {
        try await withHarness { h in
            // Given seven matching tickets and one that does not match
            var ids: [Int64] = []
            for i in 0..<7 { ids.append(try await h.ticket("Refund \(i)", body: "please refund order \(i)")["id"]!.int!) }
            _ = try await h.ticket("Other", body: "nothing to see", extra: ["status": "open"])
            // When paging through the matches, three at a time
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try await h.send(.GET, "/api/v1/tickets?q=refund&limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page["items"]?.array?.compactMap { $0["id"]?.int } ?? []
                cursor = page["next_cursor"]?.string
            } while cursor != nil
            // Then every match comes once, newest first
            #expect(seen == ids.reversed())
            // Other filters still apply to a text search
            let open = try await h.send(.GET, "/api/v1/tickets?q=refund&status=open")
            #expect(open["items"]?.array?.isEmpty == true)
            let sorted = try await h.send(.GET, "/api/v1/tickets?q=refund&sort=number&limit=2")
            #expect(sorted["items"]?.array?.compactMap { $0["id"]?.int } == Array(ids.prefix(2)))
        }
    }
}

/// The view counts come from a table that triggers keep; it must always agree with the tickets.
@Suite struct TicketCountTests {
    @Test func countsFollowEveryKindOfChange() async throws {
        try await withHarness { h in
            let team = try await h.send(.POST, "/api/v1/teams", json: ["name": "Billing"])["id"]!.int!
            let agent = try await h.staff(.agent, email: "agent@example.com", teamIds: [team])
            var ids: [Int64] = []
            for i in 0..<8 {
                var extra: [String: JSONValue] = [:]
                if i % 2 == 0 { extra["assignee_id"] = .number(Double(agent.id)) }
                if i % 3 == 0 { extra["team_id"] = .number(Double(team)) }
                ids.append(try await h.ticket("Count \(i)", email: "c\(i)@example.com", extra: extra)["id"]!.int!)
            }
            // Created at once, so that one insert holds several tickets of the same count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<12 {
                    group.addTask { _ = try await h.ticket("Together \(i)", email: "t\(i % 3)@example.com") }
                }
                try await group.waitForAll()
            }
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(ids[1])", json: ["status": "pending", "assignee_id": .number(Double(agent.id))])
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(ids[2])", json: ["assignee_id": .null, "team_id": .number(Double(team))])
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(ids[3])", json: ["status": "solved"])
            _ = try await h.send(.POST, "/api/v1/tickets/\(ids[4])/merge", json: ["target_id": .number(Double(ids[5]))])
            let kept = try await h.store.read {
                try await $0.sql.raw("SELECT status, assignee_id, team_id, n FROM ticket_counts WHERE n <> 0 ORDER BY status, assignee_id, team_id").all()
                    .map { "\(try $0.decode(column: "status", as: String.self)) \(try $0.decode(column: "assignee_id", as: Int64.self)) \(try $0.decode(column: "team_id", as: Int64.self)) \(try $0.decode(column: "n", as: Int64.self))" }
            }
            let counted = try await h.store.read {
                try await $0.sql.raw(
                    """
                    SELECT status, COALESCE(assignee_id, 0) AS a, COALESCE(team_id, 0) AS t, COUNT(*) AS n FROM tickets
                    GROUP BY status, COALESCE(assignee_id, 0), COALESCE(team_id, 0) ORDER BY status, a, t
                    """
                ).all().map { "\(try $0.decode(column: "status", as: String.self)) \(try $0.decode(column: "a", as: Int64.self)) \(try $0.decode(column: "t", as: Int64.self)) \(try $0.decode(column: "n", as: Int64.self))" }
            }
            #expect(kept == counted)
            #expect(kept.count >= 4)
            // And the views say the same as listing them
            let views = try await h.send(.GET, "/api/v1/views", token: agent.token)["items"]?.array ?? []
            #expect(views.count == BuiltInView.allCases.count)
            for view in views where view["id"]?.string != "recently_solved" {
                let name = view["id"]!.string!
                let listed = try await h.send(.GET, "/api/v1/tickets?view=\(name)&limit=100", token: agent.token)["items"]?.array?.count
                #expect(view["count"]?.int == listed.map(Int64.init), "\(name)")
            }
        }
    }
}
