import Foundation
import SwitchboardCore
import SwitchboardStore
import Testing
import Vapor

@testable import SwitchboardApp

/// Macros: personal, team and shared; replies in the customer's language with placeholders;
/// field changes; usage counted; bad input refused.
@Suite(.serialized) struct MacroTests {
    @Test func applyingAMacroSetsFieldsAndGivesTheReplyInTheCustomersLanguage() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "taras@example.com")
            let created = try await h.send(.POST, "/api/v1/macros", json: [
                "name": "Refund sent", "scope": "shared",
                "replies": [
                    "en": "Hi {{requester.first_name}}, your refund for #{{ticket.number}} is on its way. {{agent.name}}",
                    "uk": "Вітаю, {{requester.first_name}}! Кошти за #{{ticket.number}} вже повернено. {{agent.name}}",
                ],
                "actions": [["kind": "set_status", "value": "pending"], ["kind": "add_tags", "value": ["refund"]]],
            ])
            #expect(created.status == .created, "\(created.json)")
            let macro = try #require(created["id"]?.int)
            let contact = try await h.send(.POST, "/api/v1/contacts", json: ["name": "Olena Kovalenko", "emails": ["olena@example.ua"], "locale": "uk"])
            #expect(contact.status == .created)
            let ticket = try await h.ticket("Повернення коштів", email: "olena@example.ua")
            let id = try #require(ticket["id"]?.int)
            let applied = try await h.send(.POST, "/api/v1/tickets/\(id)/macros/\(macro)", json: [:], token: agent.token)
            #expect(applied.status == .ok, "\(applied.json)")
            let number = try #require(ticket["number"]?.int)
            #expect(applied["reply"]?.string == "Вітаю, Olena! Кошти за #\(number) вже повернено. taras@example.com")
            #expect(applied["ticket"]?["status"]?.string == "pending")
            #expect(applied["ticket"]?["tags"] == ["refund"])
            let list = try await h.send(.GET, "/api/v1/macros", token: agent.token)
            #expect(list["items"]?.array?.first?["usage_count"]?.int == 1)
        }
    }

    @Test func personalMacrosStayPersonalAndSharedOnesNeedTheRight() async throws {
        try await withHarness { h in
            let a = try await h.staff(.agent, email: "a@example.com")
            let b = try await h.staff(.agent, email: "b@example.com")
            let mine = try await h.send(.POST, "/api/v1/macros", json: ["name": "My thanks", "replies": ["en": "Thanks!"]], token: a.token)
            #expect(mine.status == .created, "\(mine.json)")
            #expect(try await h.send(.GET, "/api/v1/macros", token: b.token)["items"] == [])
            let id = try #require(mine["id"]?.int)
            #expect(try await h.send(.DELETE, "/api/v1/macros/\(id)", token: b.token).status == .notFound)
            let shared = try await h.send(.POST, "/api/v1/macros", json: ["name": "Ours", "scope": "shared", "replies": ["en": "Hi"]], token: a.token)
            #expect(shared.status == .forbidden)
            let ticket = try #require(try await h.ticket()["id"]?.int)
            #expect(try await h.send(.POST, "/api/v1/tickets/\(ticket)/macros/\(id)", json: [:], token: b.token).status == .notFound)
        }
    }

    /// A team macro is for the team's members: they see and apply it, others do not.
    @Test func teamMacrosAreForTheTeamsMembers() async throws {
        try await withHarness { h in
            let member = try await h.staff(.agent, email: "member@example.com")
            let outsider = try await h.staff(.agent, email: "outsider@example.com")
            let team = try #require(
                try await h.send(.POST, "/api/v1/teams", json: ["name": "Billing", "member_ids": [.int(member.id)]])["id"]?.int)
            let macro = try await h.send(
                .POST, "/api/v1/macros", json: ["name": "Invoice resent", "scope": "team", "team_id": .int(team), "replies": ["en": "Resent."]])
            #expect(macro.status == .created, "\(macro.json)")
            let id = try #require(macro["id"]?.int)
            #expect(try await h.send(.GET, "/api/v1/macros", token: member.token)["items"]?.array?.map { $0["id"]?.int } == [id])
            #expect(try await h.send(.GET, "/api/v1/macros", token: outsider.token)["items"] == [])
            let ticket = try #require(try await h.ticket()["id"]?.int)
            #expect(try await h.send(.POST, "/api/v1/tickets/\(ticket)/macros/\(id)", json: [:], token: outsider.token).status == .notFound)
            let applied = try await h.send(.POST, "/api/v1/tickets/\(ticket)/macros/\(id)", json: [:], token: member.token)
            #expect(applied.status == .ok, "\(applied.json)")
        }
    }

    @Test func badMacrosAreRefusedNamingTheField() async throws {
        try await withHarness { h in
            let before = try await h.snapshot()
            let cases: [(JSONValue, String)] = [
                (["name": "X", "replies": ["en": "Hi {{customer.name}}"]], "replies.en"),
                (["name": "X", "replies": ["english": "Hi"]], "replies"),
                (["name": "X"], "replies"),
                (["name": "X", "actions": [["kind": "webhook", "url": "https://example.com"]]], "actions[0].kind"),
                (["name": "X", "scope": "team", "replies": ["en": "Hi"]], "team_id"),
                (["name": "X", "scope": "galaxy", "replies": ["en": "Hi"]], "scope"),
            ]
            for (body, field) in cases {
                let reply = try await h.send(.POST, "/api/v1/macros", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body)")
                #expect(reply["field"]?.string == field, "\(reply.json)")
            }
            #expect(try await h.snapshot() == before)
            #expect(try await h.count("macros") == 0)
        }
    }
}
