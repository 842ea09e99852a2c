import Foundation
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp

/// Every class of bad input gets a clear 4xx problem naming the field, and changes nothing.
@Suite struct BadInputTests {
    /// Sends `request`, expects `status` with a problem body naming `field`, and no row changed.
    func expectRefused(
        _ h: Harness, _ status: HTTPResponseStatus, field: String?, _ request: () async throws -> Reply,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await h.snapshot()
        let reply = try await request()
        #expect(reply.status == status, "\(reply.json)", sourceLocation: sourceLocation)
        #expect(reply.headers.contentType?.description.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
        #expect(reply["status"]?.int == Int64(status.code), sourceLocation: sourceLocation)
        #expect(reply["detail"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
        if let field { #expect(reply["field"]?.string == field, "\(reply.json)", sourceLocation: sourceLocation) }
        #expect(try await h.snapshot() == before, "a refused request changed data", sourceLocation: sourceLocation)
    }

    @Test func malformedJSON() async throws {
        try await withHarness { h in
            try await expectRefused(h, .unprocessableEntity, field: nil) {
                try await h.send(.POST, "/api/v1/tickets", raw: "{\"subject\": \"x\", ")
            }
            try await expectRefused(h, .unprocessableEntity, field: nil) { try await h.send(.POST, "/api/v1/contacts", raw: "[1,2") }
        }
    }

    @Test func wrongTypes() async throws {
        try await withHarness { h in
            try await expectRefused(h, .unprocessableEntity, field: "subject") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": 5, "body": "b", "requester": ["email": "a@example.com"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "requester.email") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": true]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "tags[1]") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "tags": ["ok", 3]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "requester") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b"])
            }
        }
    }

    @Test func unknownEnumValues() async throws {
        try await withHarness { h in
            try await expectRefused(h, .unprocessableEntity, field: "priority") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "priority": "asap"])
            }
            let id = try await h.ticket()["id"]!.int!
            try await expectRefused(h, .unprocessableEntity, field: "status") {
                try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "done"])
            }
            try await expectRefused(h, .unprocessableEntity, field: "role") {
                try await h.send(.POST, "/api/v1/users", json: ["email": "x@example.com", "name": "X", "role": "overlord"])
            }
            try await expectRefused(h, .unprocessableEntity, field: "status") { try await h.send(.GET, "/api/v1/tickets?status=done") }
            try await expectRefused(h, .unprocessableEntity, field: "view") { try await h.send(.GET, "/api/v1/tickets?view=nope") }
            try await expectRefused(h, .unprocessableEntity, field: "sort") { try await h.send(.GET, "/api/v1/tickets?sort=color") }
        }
    }

    @Test func overLongStrings() async throws {
        try await withHarness { h in
            let long = String(repeating: "x", count: 251)
            try await expectRefused(h, .unprocessableEntity, field: "subject") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": .string(long), "body": "b", "requester": ["email": "a@example.com"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "name") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": .string(String(repeating: "n", count: 201)), "emails": ["n@example.com"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "tags") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "tags": [.string(String(repeating: "t", count: 65))]])
            }
        }
    }

    @Test func invalidEmailsAndPhones() async throws {
        try await withHarness { h in
            try await expectRefused(h, .unprocessableEntity, field: "requester.email") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "not-an-email"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "emails[1]") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": "N", "emails": ["ok@example.com", "bad@@example"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "phones[0]") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": "N", "phones": ["044 123 45 67"]])
            }
        }
    }

    @Test func unknownIds() async throws {
        try await withHarness { h in
            try await expectRefused(h, .notFound, field: nil) { try await h.send(.GET, "/api/v1/tickets/999") }
            try await expectRefused(h, .notFound, field: nil) { try await h.send(.GET, "/api/v1/tickets/abc") }
            try await expectRefused(h, .notFound, field: nil) { try await h.send(.PATCH, "/api/v1/tickets/999", json: ["priority": "low"]) }
            let id = try await h.ticket()["id"]!.int!
            try await expectRefused(h, .unprocessableEntity, field: "assignee_id") {
                try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["assignee_id": 4242])
            }
            try await expectRefused(h, .notFound, field: "target_id") {
                try await h.send(.POST, "/api/v1/tickets/\(id)/merge", json: ["target_id": 4242])
            }
            try await expectRefused(h, .unprocessableEntity, field: "organization_id") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": "N", "organization_id": 77])
            }
        }
    }

    @Test func actionsTheRoleMayNotTake() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let qa = try await h.staff(.qaAnalyst, email: "qa@example.com")
            try await expectRefused(h, .forbidden, field: nil) {
                try await h.send(.POST, "/api/v1/users", json: ["email": "x@example.com", "name": "X", "role": "admin"], token: agent.token)
            }
            try await expectRefused(h, .forbidden, field: nil) { try await h.send(.GET, "/api/v1/audit", token: agent.token) }
            try await expectRefused(h, .forbidden, field: nil) {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"]], token: qa.token)
            }
            try await expectRefused(h, .forbidden, field: nil) {
                try await h.send(.PATCH, "/api/v1/users/\(h.adminId)", json: ["name": "Hijacked"], token: agent.token)
            }
            try await expectRefused(h, .unauthorized, field: nil) { try await h.send(.GET, "/api/v1/tickets", token: "sb_wrong") }
            // And what the role may do still works
            #expect(try await h.send(.GET, "/api/v1/audit", token: qa.token).status == .ok)
        }
    }

    @Test func staleVersions() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["subject": "Changed"])
            try await expectRefused(h, .conflict, field: "version") {
                try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["version": 1, "subject": "Lost update"])
            }
        }
    }

    @Test func invalidCustomFieldValues() async throws {
        try await withHarness { h in
            let created = try await h.send(.POST, "/api/v1/custom-fields", json: ["key": "plan", "label": "Plan", "kind": "dropdown", "options": ["free", "pro"]])
            #expect(created.status == .created)
            _ = try await h.send(.POST, "/api/v1/custom-fields", json: ["key": "seats", "label": "Seats", "kind": "number"])
            try await expectRefused(h, .unprocessableEntity, field: "custom_fields.plan") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "custom_fields": ["plan": "gold"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "custom_fields.seats") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "custom_fields": ["seats": "many"]])
            }
            try await expectRefused(h, .unprocessableEntity, field: "custom_fields.nope") {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": "b", "requester": ["email": "a@example.com"], "custom_fields": ["nope": 1]])
            }
            let ok = try await h.ticket(extra: ["custom_fields": ["plan": "pro", "seats": 12]])
            #expect(ok["custom_fields"]?["seats"]?.int == 12)
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await withHarness { h in
            let huge = String(repeating: "a", count: 300_000)
            try await expectRefused(h, .payloadTooLarge, field: nil) {
                try await h.send(.POST, "/api/v1/tickets", json: ["subject": "s", "body": .string(huge), "requester": ["email": "a@example.com"]])
            }
        }
    }

    @Test func duplicateIdentitiesConflict() async throws {
        try await withHarness { h in
            #expect(try await h.send(.POST, "/api/v1/contacts", json: ["name": "A", "emails": ["a@example.com"], "phones": ["+380441234567"]]).status == .created)
            try await expectRefused(h, .conflict, field: "emails") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": "B", "emails": ["A@EXAMPLE.com"]])
            }
            try await expectRefused(h, .conflict, field: "phones") {
                try await h.send(.POST, "/api/v1/contacts", json: ["name": "B", "phones": ["+380 44 123 45 67"]])
            }
        }
    }
}
