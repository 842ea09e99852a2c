import Foundation
import Testing

@testable import SwitchboardMail

/// MIME structure: which parts are the body, which are files, and what broken mail gives.
@Suite struct StructureTests {
    static let nested = """
        From: =?utf-8?Q?Ol=C3=A9na_Kovalenko?= <olena@example.ua>
        To: support@example.com, "Billing" <billing@example.com>
        Cc: boss@example.ua
        Subject: =?utf-8?B?0KDQsNGF0YPQvdC+0Log4oSWIDQy?=
        Date: Mon, 23 Nov 2026 09:15:00 +0200
        Message-ID: <abc@mail.example.ua>
        In-Reply-To: <t-17@switchboard.example>
        References: <t-1@switchboard.example>
         <t-17@switchboard.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        preamble is ignored
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain; charset=koi8-u
        Content-Transfer-Encoding: quoted-printable

        =F2=C1=C8=D5=CE=CF=CB =CE=C5 =D0=D2=C9=CA=DB=CF=D7.
        --inner
        Content-Type: multipart/related; boundary=rel

        --rel
        Content-Type: text/html; charset=utf-8

        <p>Рахунок не прийшов.</p><img src="cid:logo@x">
        --rel
        Content-Type: image/png
        Content-ID: <logo@x>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --inner--
        --outer
        Content-Type: application/pdf; name="=?utf-8?Q?=D0=A0=D0=B0=D1=85=D1=83=D0=BD=D0=BE=D0=BA.pdf?="
        Content-Disposition: attachment
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer
        Content-Type: message/rfc822

        From: someone@example.org
        Subject: The original

        Forwarded text.
        --outer--
        epilogue is ignored
        """

    @Test func nestedMultipartGivesBodiesFilesAndThreading() throws {
        let m = MailParser.parse(Array(Self.nested.utf8))
        #expect(m.from == [Mailbox(name: "Oléna Kovalenko", address: "olena@example.ua")])
        #expect(m.to.map(\.address) == ["support@example.com", "billing@example.com"])
        #expect(m.cc.map(\.address) == ["boss@example.ua"])
        #expect(m.subject == "Рахунок № 42")
        #expect(m.date == Date(timeIntervalSince1970: 1_795_418_100))
        #expect(m.messageId == "abc@mail.example.ua")
        #expect(m.inReplyTo == ["t-17@switchboard.example"])
        #expect(m.references == ["t-1@switchboard.example", "t-17@switchboard.example"])
        #expect(m.text == "Рахунок не прийшов.")
        #expect(m.html?.contains("<p>Рахунок не прийшов.</p>") == true)
        #expect(m.attachments.map(\.contentType) == ["image/png", "application/pdf", "message/rfc822"])
        let logo = m.attachments[0]
        #expect(logo.contentId == "logo@x")
        #expect(logo.disposition == .inline)
        #expect(logo.data == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(m.attachments[1].filename == "Рахунок.pdf")
        #expect(m.attachments[1].data == Array("%PDF-1.4\n".utf8))
        #expect(m.attachments[2].filename == "The original.eml")
        #expect(m.problems == [])
    }

    @Test func brokenMailIsReadAnyway() {
        // No closing boundary, bad base64, raw 8-bit header, no charset anywhere
        let text = "From: J\u{1}rgen <j@example.de>\nSubject: Gr\u{1}\u{2}e\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nHallo\n--b\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n\n!!!R0lG*OD\n"
        let raw = Array(text.utf8).map { $0 == 1 ? 0xFC : $0 == 2 ? 0xDF : $0 }  // raw Latin-1 bytes in the header
        let m = MailParser.parse(raw)
        #expect(m.author == Mailbox(name: "Jürgen", address: "j@example.de"))
        #expect(m.subject == "Grüße")
        #expect(m.text == "Hallo")
        #expect(m.attachments.first?.contentType == "image/gif")
        #expect(m.problems.contains("multipart without its closing boundary"))
    }

    @Test func multipartWithoutABoundaryIsReadAsText() {
        let m = MailParser.parse(Array("From: a@b.c\nSubject: x\nContent-Type: multipart/mixed\n\nJust text.\n".utf8))
        #expect(m.text?.contains("Just text.") == true)
        #expect(m.problems.contains { $0.contains("boundary") })
    }

    @Test func textThatIsNoMailSaysSo() {
        let m = MailParser.parse(Array("Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.\n".utf8))
        #expect(m.author == nil)
        #expect(m.subject == nil)
        #expect(m.problems.contains("no header fields"))
        #expect(m.text?.contains("Lorem ipsum") == true)
    }

    @Test func cutOffMessagesNeitherCrashNorHang() throws {
        // Every corpus message cut at a dozen places still parses.
        let files = try CorpusTests.files("zammad") + CorpusTests.files("chatwoot") + CorpusTests.files("rt")
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 12)) {
                _ = MailParser.parse(Array(bytes[..<cut]))
            }
        }
    }
}
