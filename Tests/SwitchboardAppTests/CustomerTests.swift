import Foundation
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp

@Suite struct CustomerTests {
    @Test func contactsKeepNormalizedEmailsAndPhones() async throws {
        try await withHarness { h in
            let c = try await h.send(
                .POST, "/api/v1/contacts",
                json: ["name": "Олена Коваль", "emails": ["Olena@Example.UA", "o.koval@example.com"], "phones": ["+380 (44) 123-45-67"], "locale": "uk"])
            #expect(c.status == .created)
            #expect(c["emails"] == .array(["olena@example.ua", "o.koval@example.com"]))
            #expect(c["phones"] == .array(["+380441234567"]))
            let found = try await h.send(.GET, "/api/v1/contacts?q=ОЛЕНА")
            #expect(found["items"]?.array?.count == 1)
        }
    }

    @Test func newContactJoinsOrganizationByEmailDomain() async throws {
        try await withHarness { h in
            let org = try await h.send(.POST, "/api/v1/organizations", json: ["name": "Acme", "domains": ["Acme.com"], "tier": "vip", "account_owner_id": .int(h.adminId)])
            #expect(org.status == .created)
            #expect(org["domains"] == .array(["acme.com"]))
            let t = try await h.ticket(email: "wile@acme.com")
            #expect(t["organization_id"] == org["id"])
            let other = try await h.send(.POST, "/api/v1/organizations", json: ["name": "Other", "domains": ["acme.com"]])
            #expect(other.status == .conflict)
            #expect(other["field"]?.string == "domains")
        }
    }

    @Test func mergingContactsMovesTicketsAndIdentities() async throws {
        try await withHarness { h in
            let a = try await h.ticket(email: "anna@home.example")["requester_id"]!.int!
            let b = try await h.ticket(email: "anna@work.example")["requester_id"]!.int!
            let merged = try await h.send(.POST, "/api/v1/contacts/\(b)/merge", json: ["source_id": .int(a)])
            #expect(merged.status == .ok)
            #expect(Set(merged["emails"]?.array ?? []) == ["anna@home.example", "anna@work.example"])
            let tickets = try await h.send(.GET, "/api/v1/contacts/\(b)/tickets")
            #expect(tickets["items"]?.array?.count == 2)
            let source = try await h.send(.GET, "/api/v1/contacts/\(a)")
            #expect(source["merged_into_id"]?.int == b)
            // New mail from the old address lands on the surviving contact
            let again = try await h.ticket(email: "anna@home.example")
            #expect(again["requester_id"]?.int == b)
        }
    }

    @Test func customAttributesRoundTrip() async throws {
        try await withHarness { h in
            let c = try await h.send(.POST, "/api/v1/contacts", json: ["name": "Jan", "attributes": ["loyaltyLevel": "gold", "orders": 12]])
            #expect(c["attributes"]?["loyaltyLevel"]?.string == "gold")
            let updated = try await h.send(.PATCH, "/api/v1/contacts/\(c["id"]!.int!)", json: ["locale": "pl"])
            #expect(updated["attributes"]?["orders"]?.int == 12)
            #expect(updated["locale"]?.string == "pl")
        }
    }
}
