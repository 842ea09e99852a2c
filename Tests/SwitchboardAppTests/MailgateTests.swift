import Foundation
import SwitchboardCore
import SwitchboardMail
import Testing
import Vapor
import VaporTesting

@testable import SwitchboardApp

/// Mailboxes and the mailgate: raw mail in, tickets out, threaded the way the issue says.
@Suite struct MailgateTests {
    /// Posts a raw message to a mailbox's mailgate.
    static func deliver(_ h: Harness, mailbox: Int64, _ raw: String, token: String? = nil) async throws -> Reply {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token ?? h.adminToken)
        headers.contentType = HTTPMediaType(type: "message", subType: "rfc822")
        let response = try await h.app.testing().sendRequest(
            .POST, "/api/v1/mailboxes/\(mailbox)/messages", headers: headers, body: ByteBuffer(string: raw))
        let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))) ?? .null
        return Reply(status: response.status, headers: response.headers, json: json)
    }

    static func mail(from: String = "Anna Koval <anna@example.org>", subject: String = "Printer on fire", id: String, extra: String = "", body: String = "It smokes.") -> String {
        "From: \(from)\r\nTo: support@example.com\r\nSubject: \(subject)\r\nMessage-ID: <\(id)>\r\nDate: Mon, 23 Nov 2026 09:15:00 +0200\r\n\(extra)\r\n\(body)\r\n"
    }

    static func mailbox(_ h: Harness, team: Int64? = nil) async throws -> Int64 {
        var body: [String: JSONValue] = ["name": "Support", "address": "Support@Example.com", "from_name": "Acme Support"]
        if let team { body["team_id"] = .int(team) }
        let created = try await h.send(.POST, "/api/v1/mailboxes", json: .object(body))
        #expect(created.status == .created, "\(created.json)")
        return created["id"]!.int!
    }

    @Test func newMailOpensATicketAndRepliesThreadOntoIt() async throws {
        try await withHarness { h in
            let team = try await h.send(.POST, "/api/v1/teams", json: ["name": "Mail team"])["id"]!.int!
            let box = try await Self.mailbox(h, team: team)
            let first = try await Self.deliver(h, mailbox: box, Self.mail(id: "m1@example.org"))
            #expect(first.status == .created, "\(first.json)")
            #expect(first["outcome"] == "created")
            let ticketId = first["ticket_id"]!.int!
            let ticket = try await h.send(.GET, "/api/v1/tickets/\(ticketId)")
            #expect(ticket["subject"] == "Printer on fire")
            #expect(ticket["channel"] == "email")
            #expect(ticket["team_id"]?.int == team)
            let requester = try await h.send(.GET, "/api/v1/contacts/\(ticket["requester_id"]!.int!)")
            #expect(requester["name"] == "Anna Koval")

            // The same message again changes nothing
            let again = try await Self.deliver(h, mailbox: box, Self.mail(id: "m1@example.org"))
            #expect(again["outcome"] == "duplicate")
            #expect(again["ticket_id"]?.int == ticketId)

            // By In-Reply-To / References
            let reply = try await Self.deliver(h, mailbox: box, Self.mail(subject: "Re: Printer on fire", id: "m2@example.org", extra: "In-Reply-To: <m1@example.org>\r\n"))
            #expect(reply["outcome"] == "appended")
            #expect(reply["ticket_id"]?.int == ticketId)

            // By the ticket number in the subject, from the requester
            let number = ticket["number"]!.int!
            let tagged = try await Self.deliver(h, mailbox: box, Self.mail(subject: "Still broken [#\(number)]", id: "m3@example.org"))
            #expect(tagged["ticket_id"]?.int == ticketId)
            // … but not from a stranger
            let stranger = try await Self.deliver(
                h, mailbox: box, Self.mail(from: "mallory@evil.example", subject: "Let me in [#\(number)]", id: "m4@evil.example"))
            #expect(stranger["outcome"] == "created")
            #expect(stranger["ticket_id"]?.int != ticketId)

            // By our signed reply address; a forged one does not count
            let secret = try await h.store.read { try await $0.mailSecret() }
            let replyTo = ReplyAddress.make(mailbox: "support@example.com", ticketId: Int64(ticketId), secret: secret)
            let signed = try await Self.deliver(
                h, mailbox: box,
                "From: Boss <boss@example.org>\r\nTo: \(replyTo)\r\nSubject: FYI\r\nMessage-ID: <m5@example.org>\r\n\r\nAdding my view.\r\n")
            #expect(signed["ticket_id"]?.int == ticketId)
            let forged = try await Self.deliver(
                h, mailbox: box,
                "From: x@evil.example\r\nTo: support+t\(ticketId).0000000000@example.com\r\nSubject: Hi\r\nMessage-ID: <m6@evil.example>\r\n\r\nHi\r\n")
            #expect(forged["ticket_id"]?.int != ticketId)

            let messages = try await h.send(.GET, "/api/v1/tickets/\(ticketId)/messages")
            #expect(messages["items"]?.array?.count == 4)
        }
    }

    @Test func ownMailBouncesAndUnreadableMailAreHandled() async throws {
        try await withHarness { h in
            let box = try await Self.mailbox(h)
            let ticketId = try await Self.deliver(h, mailbox: box, Self.mail(id: "b1@example.org"))["ticket_id"]!.int!
            let own = try await Self.deliver(h, mailbox: box, Self.mail(from: "support@example.com", id: "own@example.com"))
            #expect(own["outcome"] == "own_address")
            #expect(own["ticket_id"] == nil)
            let bounce = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r
                To: support@example.com\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <bounce1@mx.example.org>\r
                In-Reply-To: <b1@example.org>\r
                Content-Type: multipart/report; report-type=delivery-status; boundary=r\r
                \r
                --r\r
                Content-Type: text/plain\r
                \r
                The mail could not be delivered.\r
                --r\r
                Content-Type: message/delivery-status\r
                \r
                Final-Recipient: rfc822; anna@example.org\r
                --r--\r

                """
            let bounced = try await Self.deliver(h, mailbox: box, bounce)
            #expect(bounced["outcome"] == "bounce")
            #expect(bounced["ticket_id"]?.int == ticketId)
            let notes = try await h.send(.GET, "/api/v1/tickets/\(ticketId)/messages")
            #expect(notes["items"]?.array?.last?["visibility"] == "internal")

            // No sender at all: kept raw, logged as failed, readable by an admin
            let failed = try await Self.deliver(h, mailbox: box, "Subject: who am I\r\n\r\nnobody\r\n")
            #expect(failed["outcome"] == "failed")
            let log = try await h.send(.GET, "/api/v1/mail-log?outcome=failed")
            let entry = try #require(log["items"]?.array?.first)
            #expect(entry["outcome"] == "failed")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: h.adminToken)
            let raw = try await h.app.testing().sendRequest(.GET, "/api/v1/mail-log/\(entry["id"]!.int!)/raw", headers: headers)
            #expect(String(buffer: raw.body).contains("who am I"))
            #expect(raw.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
        }
    }

    @Test func attachmentsAreStoredAndAReplyToAClosedTicketOpensAFollowUp() async throws {
        try await withHarness { h in
            let box = try await Self.mailbox(h)
            let raw = """
                From: anna@example.org\r
                To: support@example.com\r
                Subject: Invoice\r
                Message-ID: <a1@example.org>\r
                Content-Type: multipart/mixed; boundary=x\r
                \r
                --x\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                See attached.\r
                --x\r
                Content-Type: application/pdf; name="invoice.pdf"\r
                Content-Disposition: attachment; filename="invoice.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                JVBERi0xLjQK\r
                --x--\r

                """
            let created = try await Self.deliver(h, mailbox: box, raw)
            let ticketId = created["ticket_id"]!.int!
            let files = try await h.store.read { try await $0.attachments(ticketId: Int64(ticketId)) }
            #expect(files.values.flatMap { $0 }.map(\.filename) == ["invoice.pdf"])
            #expect(files.values.flatMap { $0 }.first?.size == 9)

            _ = try await h.send(.PATCH, "/api/v1/tickets/\(ticketId)", json: ["status": "closed"])
            let late = try await Self.deliver(h, mailbox: box, Self.mail(from: "anna@example.org", subject: "Re: Invoice", id: "a2@example.org", extra: "In-Reply-To: <a1@example.org>\r\n"))
            #expect(late["outcome"] == "appended")
            #expect(late["ticket_id"]?.int != ticketId)
            let followUp = try await h.send(.GET, "/api/v1/tickets/\(late["ticket_id"]!.int!)/links")
            #expect(followUp["items"]?.array?.first?["other_id"]?.int == ticketId)
        }
    }

    @Test func mailboxesKeepPasswordsSecretAndRefuseBadInput() async throws {
        try await withHarness { h in
            let created = try await h.send(
                .POST, "/api/v1/mailboxes",
                json: ["name": "Billing", "address": "billing@example.com",
                       "imap": ["host": "imap.example.com", "username": "billing", "password": "s3cret-imap"],
                       "smtp": ["host": "smtp.example.com", "security": "tls", "username": "billing", "password": "s3cret-smtp"]])
            #expect(created.status == .created, "\(created.json)")
            #expect(created["imap"]?["port"] == 993)
            #expect(created["imap"]?["password_set"] == true)
            #expect(created["smtp"]?["port"] == 465)
            #expect(created["imap"]?["password"] == nil)
            let id = created["id"]!.int!
            let audit = try await h.send(.GET, "/api/v1/audit?entity=mailbox")
            #expect(!"\(audit.json)".contains("s3cret"))
            // A change without the password keeps it; null removes the settings
            let changed = try await h.send(.PATCH, "/api/v1/mailboxes/\(id)", json: ["imap": ["host": "imap2.example.com", "username": "billing"], "smtp": nil])
            #expect(changed["imap"]?["password_set"] == true)
            #expect(changed["smtp"] == nil)
            let stored = try await h.store.read { try await $0.mailbox(id: Int64(id)) }
            #expect(stored?.imap?.password == "s3cret-imap")

            let agent = try await h.staff(.agent, email: "agent@example.com")
            let before = try await h.snapshot()
            let badHost = try await h.send(.POST, "/api/v1/mailboxes", json: ["name": "X", "address": "x@example.com", "imap": ["host": "bad host!", "username": "u"]])
            #expect(badHost.status == .unprocessableEntity)
            #expect(badHost["field"] == "imap.host")
            let badPort = try await h.send(.POST, "/api/v1/mailboxes", json: ["name": "X", "address": "x@example.com", "smtp": ["host": "h", "port": 70000]])
            #expect(badPort["field"] == "smtp.port")
            let taken = try await h.send(.POST, "/api/v1/mailboxes", json: ["name": "Again", "address": "BILLING@example.com"])
            #expect(taken.status == .conflict)
            #expect(taken["field"] == "address")
            let noAddress = try await h.send(.POST, "/api/v1/mailboxes", json: ["name": "X"])
            #expect(noAddress["field"] == "address")
            #expect(try await h.send(.GET, "/api/v1/mailboxes", token: agent.token).status == .forbidden)
            #expect(try await Self.deliver(h, mailbox: Int64(id), Self.mail(id: "z@x"), token: agent.token).status == .forbidden)
            let wrongType = try await h.send(.POST, "/api/v1/mailboxes/\(id)/messages", raw: "{}")
            #expect(wrongType.status == .unprocessableEntity)
            #expect(try await Self.deliver(h, mailbox: 999, Self.mail(id: "z@x")).status == .notFound)
            #expect(try await h.snapshot() == before)
        }
    }
}

/// Agent replies become mail jobs; a job that cannot reach its server is retried later.
@Suite struct OutboundMailTests {
    @Test func aPublicReplyIsPlannedThreadedAndRetriedWhenTheServerIsDown() async throws {
        try await withHarness { h in
            let box = try await h.send(
                .POST, "/api/v1/mailboxes",
                json: ["name": "Support", "address": "support@example.com", "smtp": ["host": "127.0.0.1", "port": 1, "security": "none"]])["id"]!.int!
            let first = try await MailgateTests.deliver(h, mailbox: Int64(box), MailgateTests.mail(id: "o1@example.org"))
            let ticketId = first["ticket_id"]!.int!
            _ = try await h.send(.POST, "/api/v1/tickets/\(ticketId)/messages", json: ["body": "Note", "visibility": "internal"])
            let reply = try await h.send(.POST, "/api/v1/tickets/\(ticketId)/messages", json: ["body": "Try this."])
            #expect(try await OutboundMail.queueReplies(h.store) == 1)  // the internal note and the customer's mail are not sent

            let plan = try #require(try await h.store.read { try await OutboundMail.plan($0, messageId: Int64(reply["id"]!.int!)) })
            let ticket = try await h.send(.GET, "/api/v1/tickets/\(ticketId)")
            #expect(plan.mail.subject == "Re: Printer on fire [#\(ticket["number"]!.int!)]")
            #expect(plan.mail.to.map(\.address) == ["anna@example.org"])
            #expect(plan.mail.inReplyTo == "o1@example.org")
            #expect(plan.mail.replyTo?.address.hasPrefix("support+t\(ticketId).") == true)

            #expect(try await JobRunner.runOnce(h.app) == 1)
            let jobs = try await h.store.read { try await $0.jobs(kind: OutboundMail.replyJob) }
            #expect(jobs.count == 1)
            #expect(jobs[0].done == false)
            #expect(jobs[0].failed == false)
            #expect(jobs[0].job.attempts == 1)
            #expect(jobs[0].lastError != nil)
            // Not due again yet: a second round leaves it waiting.
            #expect(try await JobRunner.runOnce(h.app) == 0)
        }
    }
}

/// Noise: floods are kept aside, bounces mark the address until its owner writes again.
@Suite struct MailNoiseTests {
    @Test func aSenderOverTheHourlyLimitIsKeptAside() async throws {
        try await withHarness { h in
            let box = try await MailgateTests.mailbox(h)
            let limit = h.app.config.mailSenderLimit
            for n in 0..<limit {
                let r = try await MailgateTests.deliver(h, mailbox: box, MailgateTests.mail(from: "flood@example.net", subject: "Buy \(n)", id: "f\(n)@example.net"))
                #expect(r["outcome"] == "created")
            }
            let tickets = try await h.count("tickets")
            let over = try await MailgateTests.deliver(h, mailbox: box, MailgateTests.mail(from: "flood@example.net", subject: "Buy more", id: "over@example.net"))
            #expect(over["outcome"] == "rate_limited")
            #expect(over["ticket_id"] == nil)
            #expect(try await h.count("tickets") == tickets)
            // Someone else still gets through
            #expect(try await MailgateTests.deliver(h, mailbox: box, MailgateTests.mail(id: "fine@example.org"))["outcome"] == "created")
        }
    }

    @Test func aBounceMarksTheAddressUntilItsOwnerWritesAgain() async throws {
        try await withHarness { h in
            let box = try await MailgateTests.mailbox(h)
            _ = try await MailgateTests.deliver(h, mailbox: box, MailgateTests.mail(from: "anna@example.org", id: "n1@example.org"))
            let bounce = "From: MAILER-DAEMON@mx.example.org\r\nTo: support@example.com\r\nSubject: Undelivered\r\nMessage-ID: <nb@mx>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; Anna@Example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n--r--\r\n"
            #expect(try await MailgateTests.deliver(h, mailbox: box, bounce)["outcome"] == "bounce")
            #expect(try await h.store.read { try await $0.bouncedAt("anna@example.org") } != nil)
            _ = try await MailgateTests.deliver(h, mailbox: box, MailgateTests.mail(from: "anna@example.org", subject: "I am back", id: "n2@example.org"))
            #expect(try await h.store.read { try await $0.bouncedAt("anna@example.org") } == nil)
        }
    }
}

/// Staff notifications: who is told what, from the event outbox.
@Suite struct NotificationTests {
    static func queued(_ h: Harness) async throws -> [(Int64, String)] {
        _ = try await Notifications.queue(h.store)
        return try await h.store.read { try await $0.jobs(kind: Notifications.job) }.compactMap {
            guard let p = try? JSONDecoder().decode(Notifications.Payload.self, from: Data($0.job.payload.utf8)) else { return nil }
            return (p.userId, p.kind.rawValue)
        }
    }

    /// Events that tell nobody move the consumer on and queue nothing; the next that tells
    /// someone is still found.
    @Test func eventsThatTellNobodyArePassed() async throws {
        try await withHarness { h in
            let before = try await h.store.read { try await $0.consumerPosition(Notifications.consumer) }
            for n in 0..<3 { _ = try await h.ticket("Quiet \(n)") }
            #expect(try await Self.queued(h).isEmpty)
            let after = try await h.store.read { try await $0.consumerPosition(Notifications.consumer) }
            #expect(after > before)
            #expect(try await h.store.read { try await $0.events(after: after, window: 10, types: []) }.end == nil)
            let olena = try await h.staff(.agent, email: "olena@example.com")
            _ = try await h.ticket(extra: ["assignee_id": .int(olena.id)])
            #expect(try await Self.queued(h).map(\.1) == ["assigned"])
        }
    }

    @Test func teamAssigneeFollowersAndMentionsAreTold() async throws {
        try await withHarness { h in
            let olena = try await h.staff(.agent, email: "olena@example.com")
            let team = try await h.send(.POST, "/api/v1/teams", json: ["name": "Billing", "member_ids": [.int(olena.id), .int(h.adminId)]])["id"]!.int!
            // A new ticket in the team: the members are told, not the admin who opened it
            let ticket = try await h.ticket(extra: ["team_id": .int(team)])
            #expect(try await Self.queued(h).map(\.1) == ["new_in_team"])
            // Assigned to Olena by the admin
            let id = ticket["id"]!.int!
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["assignee_id": .int(olena.id)])
            // A change that keeps the assignee tells nobody
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["priority": "high"])
            // The customer answers: the assignee is told
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Any news?", "author": "requester"])
            // A note mentioning the admin, written by Olena
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "@admin can you approve?", "visibility": "internal"], token: olena.token)
            let all = try await Self.queued(h)
            #expect(all.map(\.1) == ["new_in_team", "assigned", "customer_replied", "mentioned"])
            #expect(all.map(\.0) == [olena.id, olena.id, olena.id, h.adminId])
        }
    }

    @Test func settingsAreOwnedAndRespected() async throws {
        try await withHarness { h in
            let olena = try await h.staff(.agent, email: "olena@example.com")
            let other = try await h.staff(.agent, email: "other@example.com")
            let off = try await h.send(.PUT, "/api/v1/users/\(olena.id)/notifications", json: ["assigned": false], token: olena.token)
            #expect(off.json == ["new_in_team": true, "assigned": false, "customer_replied": true, "mentioned": true, "sla_escalation": true, "side_conversation": true])
            #expect(try await h.send(.GET, "/api/v1/users/\(olena.id)/notifications", token: other.token).status == .forbidden)
            #expect(try await h.send(.PUT, "/api/v1/users/\(olena.id)/notifications", json: ["assigned": true], token: other.token).status == .forbidden)
            #expect(try await h.send(.GET, "/api/v1/users/\(olena.id)/notifications")["assigned"] == false)  // an admin may look
            #expect(try await h.send(.PUT, "/api/v1/users/9999/notifications", json: ["assigned": true]).status == .notFound)
            #expect(try await h.send(.PUT, "/api/v1/users/\(olena.id)/notifications", json: ["assigned": "no"]).status == .unprocessableEntity)
        }
    }
}
