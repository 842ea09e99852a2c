import Foundation
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp

@Suite struct AccessTests {
    func signIn(_ h: Harness, email: String = "admin@example.com", password: String = Harness.adminPassword) async throws -> Reply {
        try await h.send(.POST, "/api/v1/session", json: ["email": .string(email), "password": .string(password)], token: "")
    }

    func cookie(_ reply: Reply) -> String? {
        reply.headers[.setCookie].first { $0.hasPrefix("sb_session=") }.map { String($0.prefix { $0 != ";" }) }
    }

    @Test func passwordSignInGivesHttpOnlySessionWithCSRF() async throws {
        try await withHarness { h in
            let reply = try await signIn(h)
            #expect(reply.status == .created)
            let setCookie = reply.headers[.setCookie].joined()
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.lowercased().contains("samesite=lax"))
            let session = try #require(cookie(reply))
            let csrf = try #require(reply["csrf_token"]?.string)
            // Reads need only the cookie
            #expect(try await h.send(.GET, "/api/v1/tickets", headers: [("Cookie", session)]).status == .ok)
            // Writes need the CSRF token too
            let body: JSONValue = ["subject": "s", "body": "b", "requester": ["email": "a@example.com"]]
            #expect(try await h.send(.POST, "/api/v1/tickets", json: body, headers: [("Cookie", session)]).status == .forbidden)
            #expect(try await h.send(.POST, "/api/v1/tickets", json: body, headers: [("Cookie", session), ("X-CSRF-Token", csrf)]).status == .created)
            // Sign-out ends the session in the database
            #expect(try await h.send(.DELETE, "/api/v1/session", headers: [("Cookie", session), ("X-CSRF-Token", csrf)]).status == .noContent)
            #expect(try await h.send(.GET, "/api/v1/tickets", headers: [("Cookie", session)]).status == .unauthorized)
        }
    }

    @Test func wrongPasswordIsRefusedAndRateLimitedPerAccount() async throws {
        try await withHarness { h in
            for _ in 0..<SignInThrottle.perAccount {
                #expect(try await signIn(h, password: "wrong-password").status == .unauthorized)
            }
            // Even the right password is refused while the account is throttled
            let throttled = try await signIn(h)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers.first(name: .retryAfter) != nil)
        }
    }

    @Test func failuresAcrossAccountsAreLimitedPerAddress() async throws {
        try await withHarness { h in
            for i in 0..<SignInThrottle.perAddress {
                _ = try await signIn(h, email: "nobody\(i)@example.com", password: "whatever-password")
            }
            #expect(try await signIn(h).status == .tooManyRequests)
        }
    }

    /// Behind a trusted load balancer each client is counted by the address it forwards: one
    /// client's failures do not lock the others out, and a client cannot hide behind addresses
    /// it writes into the header itself.
    @Test func behindATrustedProxyEachClientIsCountedByItsOwnAddress() async throws {
        try await withHarness { h in
            let live = try h.app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            func signIn(_ i: Int, forwardedFor: String) async throws -> HTTPStatus {
                var headers = HTTPHeaders()
                headers.contentType = .json
                headers.add(name: .xForwardedFor, value: forwardedFor)
                let body = ByteBuffer(data: JSONValue.object(["email": .string("nobody\(i)@example.com"), "password": "wrong-password"]).canonicalData)
                return try await live.sendRequest(.POST, "/api/v1/session", headers: headers, body: body).status
            }
            // Not trusted: the header is ignored, every request counts for 127.0.0.1
            for i in 0..<SignInThrottle.perAddress { #expect(try await signIn(i, forwardedFor: "198.51.100.\(i)") == .unauthorized) }
            #expect(try await signIn(99, forwardedFor: "198.51.100.99") == .tooManyRequests)

            h.app.config.trustedProxies = try ClientAddress.proxies("127.0.0.0/8, 10.0.0.5")
            for i in 0..<SignInThrottle.perAddress {
                // The leftmost address is the client's own word: the nearest untrusted one counts
                #expect(try await signIn(100 + i, forwardedFor: "203.0.113.\(i), 198.51.100.7, 10.0.0.5") == .unauthorized)
            }
            #expect(try await signIn(200, forwardedFor: "198.51.100.7") == .tooManyRequests)
            #expect(try await signIn(201, forwardedFor: "198.51.100.8") == .unauthorized)
        }
    }

    @Test func trustedProxiesAreReadStrictly() throws {
        #expect(try ClientAddress.proxies("10.0.0.0/8,192.168.1.1, ::1").count == 3)
        #expect(throws: CommandLineError.self) { try ClientAddress.proxies("10.0.0.0/33") }
        #expect(throws: CommandLineError.self) { try ClientAddress.proxies("10.0.0/8") }
        let net = try ClientAddress.proxies("10.1.0.0/16")
        #expect(ClientAddress.resolve(peer: "10.1.200.3", forwardedFor: ["192.0.2.1"], trusted: net) == "192.0.2.1")
        #expect(ClientAddress.resolve(peer: "10.2.0.1", forwardedFor: ["192.0.2.1"], trusted: net) == "10.2.0.1")
        #expect(ClientAddress.resolve(peer: "10.1.0.1", forwardedFor: [], trusted: net) == "10.1.0.1")
        #expect(ClientAddress.resolve(peer: "10.1.0.1", forwardedFor: ["192.0.2.9, 10.1.0.7", "10.1.0.8"], trusted: net) == "192.0.2.9")
    }

    @Test func apiTokensAreListedAndRevocable() async throws {
        try await withHarness { h in
            let created = try await h.send(.POST, "/api/v1/tokens", json: ["name": "zapier"])
            #expect(created.status == .created)
            let secret = try #require(created["token"]?.string)
            #expect(secret.hasPrefix("sb_"))
            #expect(try await h.send(.GET, "/api/v1/tickets", token: secret).status == .ok)
            let list = try await h.send(.GET, "/api/v1/tokens")
            #expect(list["items"]?.array?.contains { $0["name"]?.string == "zapier" && $0["token"] == nil } == true)
            // Only the hash is stored
            let stored = try await h.count("api_tokens")
            #expect(stored == 2)
            #expect(try await h.send(.DELETE, "/api/v1/tokens/\(created["id"]!.int!)").status == .ok)
            #expect(try await h.send(.GET, "/api/v1/tickets", token: secret).status == .unauthorized)
        }
    }

    @Test func replayedTokenCreateNeverShowsTheSecretAgain() async throws {
        try await withHarness { h in
            let first = try await h.send(.POST, "/api/v1/tokens", json: ["name": "ci"], headers: [("Idempotency-Key", "k1")])
            let secret = try #require(first["token"]?.string)
            let again = try await h.send(.POST, "/api/v1/tokens", json: ["name": "ci"], headers: [("Idempotency-Key", "k1")])
            #expect(again["id"] == first["id"])
            #expect(again["token"] == nil)
            let stored = try await h.store.read { ctx in
                try await ctx.sql.raw("SELECT body FROM idempotency_keys").all(decodingColumn: "body", as: String.self)
            }
            #expect(!stored.joined().contains(secret))
            // The token records when it was used
            #expect(try await h.send(.GET, "/api/v1/tickets", token: secret).status == .ok)
            let listed = try await h.send(.GET, "/api/v1/tokens")
            #expect(listed["items"]?.array?.first { $0["id"] == first["id"] }?["last_used_at"] != nil)
            let bad = try await h.send(.POST, "/api/v1/tokens", json: ["name": 5])
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test func deactivatedUserLosesAccess() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "leaver@example.com")
            #expect(try await h.send(.GET, "/api/v1/tickets", token: agent.token).status == .ok)
            #expect(try await h.send(.PATCH, "/api/v1/users/\(agent.id)", json: ["active": false]).status == .ok)
            #expect(try await h.send(.GET, "/api/v1/tickets", token: agent.token).status == .unauthorized)
        }
    }

    @Test func staffHaveJobTitlesRolesAndTeams() async throws {
        try await withHarness { h in
            let team = try await h.send(.POST, "/api/v1/teams", json: ["name": "Billing"])
            #expect(team.status == .created)
            let user = try await h.send(
                .POST, "/api/v1/users",
                json: ["email": "Olena@Example.com", "name": "Olena", "role": "senior_agent", "job_title": "Support Hero",
                       "locale": "uk", "team_ids": [team["id"]!], "password": "a-long-password"])
            #expect(user.status == .created)
            #expect(user["email"]?.string == "olena@example.com")
            #expect(user["job_title"]?.string == "Support Hero")
            #expect(user["team_ids"] == .array([team["id"]!]))
            let members = try await h.send(.GET, "/api/v1/teams/\(team["id"]!.int!)")
            #expect(members["member_ids"] == .array([user["id"]!]))
            let signIn = try await signIn(h, email: "olena@example.com", password: "a-long-password")
            #expect(signIn.status == .created)
            #expect(try await h.send(.POST, "/api/v1/users", json: ["email": "olena@example.com", "name": "Dup", "role": "agent"]).status == .conflict)
        }
    }
}
