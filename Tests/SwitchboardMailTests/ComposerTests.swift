import Foundation
import Testing

@testable import SwitchboardMail

/// What we send reads back as we meant it, by our own parser (which passes the corpus).
@Suite struct ComposerTests {
    @Test func aReplyRoundTripsWithThreadingFilesAndNonASCIIEverywhere() throws {
        var m = OutgoingMessage(
            from: Mailbox(name: "Підтримка Acme", address: "support@example.com"),
            to: [Mailbox(name: "Anna \"the boss\" Koval", address: "anna@example.org")],
            subject: "Re: Рахунок № 42 — still open, with a long subject that must be folded somewhere sensible [#42]",
            text: "Добрий день!\n\nThe invoice is attached. A line that is rather long and has to be wrapped by quoted-printable soft breaks at some point.\n.\nBye",
            date: Date(timeIntervalSince1970: 1_795_418_100))
        m.html = "<p>Добрий день!</p>"
        m.replyTo = Mailbox(name: nil, address: "support+t42.abc@example.com")
        m.inReplyTo = "m2@example.org"
        m.references = ["m1@example.org", "m2@example.org"]
        m.files = [OutgoingMessage.File(filename: "Рахунок 42.pdf", contentType: "application/pdf", data: Array("%PDF-1.4\n".utf8))]
        m.automatic = true
        let (bytes, id) = MailComposer.compose(m)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 998 })
        #expect(!text.contains("\r\n.\r\n"))  // nothing an SMTP server could take for the end of data
        #expect(bytes.allSatisfy { $0 < 0x80 })

        let back = MailParser.parse(bytes)
        #expect(back.from == [m.from])
        #expect(back.to == m.to)
        #expect(back.replyTo == [Mailbox(name: nil, address: "support+t42.abc@example.com")])
        #expect(back.subject == m.subject)
        #expect(back.messageId == id)
        #expect(back.inReplyTo == ["m2@example.org"])
        #expect(back.references == ["m1@example.org", "m2@example.org"])
        #expect(back.text == m.text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(back.html == "<p>Добрий день!</p>")
        #expect(back.attachments.map(\.filename) == ["Рахунок 42.pdf"])
        #expect(back.attachments.first?.data == Array("%PDF-1.4\n".utf8))
        #expect(back.date == m.date)
        #expect(back.headers["Auto-Submitted"] == "auto-generated")
        #expect(SenderKind.classify(back) == .autoReply)
        #expect(back.headers["Thread-Index"] != nil)
    }

    @Test func threadIndexIsStableForAThread() {
        let a = MailComposer.threadIndex(root: "m1@x", date: Date(timeIntervalSince1970: 0), depth: 0)
        let b = MailComposer.threadIndex(root: "m1@x", date: Date(timeIntervalSince1970: 99), depth: 2)
        #expect(Data(base64Encoded: a)?.count == 22)
        #expect(Data(base64Encoded: b)?.count == 32)
        #expect(Data(base64Encoded: b)?.prefix(22) == Data(base64Encoded: a))
    }
}
