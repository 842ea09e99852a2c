import Foundation
import Testing
import Vapor

@testable import SwitchboardApp
@testable import SwitchboardCore

/// The server side of the browser pages, on both databases (the browser tests run on SQLite).
@Suite struct WebTests {
    @Test func presenceShowsOtherAgentsAndWhetherTheyType() async throws {
        try await withHarness { h in
            let id = try await h.ticket("Two agents")["id"]!.int!
            let second = try await h.staff(.agent, email: "second@example.com")
            // Given the admin has the ticket open and is typing
            let first = try await h.send(.POST, "/tickets/\(id)/presence", json: ["typing": true])
            #expect(first["text"]?.string == "")
            // When the second agent opens it
            let seen = try await h.send(.POST, "/tickets/\(id)/presence", json: ["typing": false], token: second.token)
            // Then they see the admin typing, and the admin sees them looking
            #expect(seen["viewers"]?.array?.count == 1)
            #expect(seen["text"]?.string == "Administrator typing a reply now.")
            let back = try await h.send(.POST, "/tickets/\(id)/presence", json: [:])
            #expect(back["text"]?.string == "second@example.com also looking at this ticket.")
        }
    }

    @Test func pagesNeedASessionAndFormsNeedTheirToken() async throws {
        try await withHarness { h in
            let page = try await h.app.testing().sendRequest(.GET, "/inbox?view=all_open")
            #expect(page.status == .seeOther || page.status == .found)
            #expect(page.headers.first(name: .location)?.hasPrefix("/sign-in?return_to=") == true)
            let form = try await h.app.testing().sendRequest(.GET, "/sign-in")
            #expect(form.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            // A sign-in post without the form's token is refused
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let refused = try await h.app.testing().sendRequest(
                .POST, "/sign-in", headers: headers, body: ByteBuffer(string: "email=admin%40example.com&password=\(Harness.adminPassword)"))
            #expect(refused.status == .forbidden)
            #expect(refused.headers.setCookie?[SessionCookie.name] == nil)
        }
    }
}
