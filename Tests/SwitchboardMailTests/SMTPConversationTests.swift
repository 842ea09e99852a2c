import Foundation
import Testing

@testable import SwitchboardMail

/// The SMTP client's decisions, reply by reply.
@Suite struct SMTPConversationTests {
    static func ok(_ code: Int, _ lines: String...) -> SMTPReply { SMTPReply(code: code, lines: lines.isEmpty ? ["ok"] : lines) }

    @Test func starttlsThenAuthPlainThenTheEnvelope() {
        var c = SMTPConversation(
            heloName: "desk.example.com", implicitTLS: false, requireTLS: true, username: "u", password: "p", from: "s@example.com",
            recipients: ["a@example.org", "bad@example.org"])
        #expect(c.receive(Self.ok(220, "mx ready")) == .send("EHLO desk.example.com"))
        #expect(c.receive(Self.ok(250, "mx", "PIPELINING", "STARTTLS")) == .send("STARTTLS"))
        #expect(c.receive(Self.ok(220)) == .startTLS)
        #expect(c.tlsStarted() == .send("EHLO desk.example.com"))
        #expect(c.receive(Self.ok(250, "mx", "AUTH LOGIN PLAIN")) == .send("AUTH PLAIN AHUAcA=="))
        #expect(c.receive(Self.ok(235)) == .send("MAIL FROM:<s@example.com>"))
        #expect(c.receive(Self.ok(250)) == .send("RCPT TO:<a@example.org>"))
        #expect(c.receive(Self.ok(250)) == .send("RCPT TO:<bad@example.org>"))
        #expect(c.receive(Self.ok(550, "no such user")) == .send("DATA"))
        #expect(c.receive(Self.ok(354)) == .sendMessage)
        #expect(c.receive(Self.ok(250, "queued")) == .send("QUIT"))
        #expect(c.receive(Self.ok(221)) == .done)
        #expect(c.accepted == ["a@example.org"])
    }

    @Test func authLoginAndFailures() {
        var c = SMTPConversation(
            heloName: "h", implicitTLS: true, requireTLS: false, username: "user", password: "pass", from: "s@x", recipients: ["a@y"])
        _ = c.receive(Self.ok(220))
        #expect(c.receive(Self.ok(250, "mx", "AUTH LOGIN")) == .send("AUTH LOGIN"))
        #expect(c.receive(Self.ok(334, "VXNlcm5hbWU6")) == .send("dXNlcg=="))
        #expect(c.receive(Self.ok(334, "UGFzc3dvcmQ6")) == .send("cGFzcw=="))
        #expect(c.receive(Self.ok(535, "bad credentials")) == .fail(SMTPError(code: 535, message: "bad credentials", permanent: true)))

        // No STARTTLS on offer although the mailbox wants it: stop before anything secret goes out.
        var plain = SMTPConversation(heloName: "h", implicitTLS: false, requireTLS: true, username: "u", password: "p", from: "s@x", recipients: ["a@y"])
        _ = plain.receive(Self.ok(220))
        if case .fail(let e) = plain.receive(Self.ok(250, "mx", "AUTH PLAIN")) { #expect(e.permanent) } else { Issue.record("expected a failure") }
        // A password never goes out unencrypted.
        var noTLS = SMTPConversation(heloName: "h", implicitTLS: false, requireTLS: false, username: "u", password: "p", from: "s@x", recipients: ["a@y"])
        _ = noTLS.receive(Self.ok(220))
        if case .fail = noTLS.receive(Self.ok(250, "mx", "AUTH PLAIN")) {} else { Issue.record("expected a failure") }
        // 4xx is worth a retry; every recipient refused is a failure.
        var busy = SMTPConversation(heloName: "h", implicitTLS: false, requireTLS: false, username: nil, password: nil, from: "s@x", recipients: ["a@y"])
        #expect(busy.receive(Self.ok(421, "try later")) == .fail(SMTPError(code: 421, message: "try later", permanent: false)))
        var nobody = SMTPConversation(heloName: "h", implicitTLS: false, requireTLS: false, username: nil, password: nil, from: "s@x", recipients: ["a@y"])
        _ = nobody.receive(Self.ok(220))
        _ = nobody.receive(Self.ok(250))
        _ = nobody.receive(Self.ok(250))
        #expect(nobody.receive(Self.ok(550, "no such user")) == .fail(SMTPError(code: 550, message: "no such user", permanent: true)))
    }

    @Test func dataIsDotStuffedWithCRLF() {
        let block = SMTPConversation.dataBlock(Array("Hi\n.hidden\r\n..two\nend".utf8))
        #expect(String(decoding: block, as: UTF8.self) == "Hi\r\n..hidden\r\n...two\r\nend\r\n.\r\n")
    }
}
