import Foundation
import Testing

@testable import SwitchboardMail

/// Quoted history and signatures fold away; automatic senders are recognised; HTML is made safe.
@Suite struct ReplyTests {
    static let replies: [(String, String)] = [
        ("Gmail en", "Thanks, that worked!\n\nOn Mon, 23 Nov 2026 at 09:15, Support <support@example.com> wrote:\n> Please try again.\n"),
        ("Gmail wrapped", "Thanks, that worked!\n\nOn Mon, 23 Nov 2026 at 09:15, Switchboard Support Team <support@example.com>\nwrote:\n> Please try again.\n"),
        ("Gmail de", "Danke, es geht!\n\nAm Mo., 23. Nov. 2026 um 09:15 Uhr schrieb Support <support@example.com>:\n> Bitte noch einmal.\n"),
        ("Gmail uk", "Дякую, працює!\n\nпн, 23 лист. 2026 р. о 09:15 Support <support@example.com> пише:\n> Спробуйте ще раз.\n"),
        ("Gmail ru", "Спасибо, работает!\n\nпн, 23 нояб. 2026 г. в 09:15, Support <support@example.com>:\n> Попробуйте ещё раз.\n"),
        ("Gmail pl", "Dzięki, działa!\n\npon., 23 lis 2026 o 09:15 Support <support@example.com> napisał(a):\n> Spróbuj ponownie.\n"),
        ("Gmail el", "Ευχαριστώ, λειτουργεί!\n\nΔευ, 23 Νοε 2026 στις 9:15 π.μ., ο/η Support <support@example.com> έγραψε:\n> Δοκιμάστε ξανά.\n"),
        ("Apple Mail", "Thanks, that worked!\n\n> On 23 Nov 2026, at 09:15, Support <support@example.com> wrote:\n> \n> Please try again.\n"),
        ("Thunderbird", "Thanks, that worked!\n\nOn 23.11.2026 09:15, Support wrote:\n> Please try again.\n"),
        ("Outlook en", "Thanks, that worked!\n\nFrom: Support <support@example.com>\nSent: Monday, November 23, 2026 9:15 AM\nTo: Anna <anna@example.org>\nSubject: RE: Printer\n\nPlease try again.\n"),
        ("Outlook de", "Danke, es geht!\n\nVon: Support <support@example.com>\nGesendet: Montag, 23. November 2026 09:15\nAn: Anna <anna@example.org>\nBetreff: AW: Drucker\n\nBitte noch einmal.\n"),
        ("Outlook uk", "Дякую, працює!\n\nВід: Support <support@example.com>\nНадіслано: 23 листопада 2026 р. 9:15\nКому: Anna <anna@example.org>\nТема: RE: Принтер\n\nСпробуйте ще раз.\n"),
        ("Outlook ru", "Спасибо, работает!\n\nОт: Support <support@example.com>\nОтправлено: 23 ноября 2026 г. 9:15\nКому: Anna <anna@example.org>\nТема: RE: Принтер\n\nПопробуйте ещё раз.\n"),
        ("Outlook pl", "Dzięki, działa!\n\nOd: Support <support@example.com>\nWysłano: poniedziałek, 23 listopada 2026 09:15\nDo: Anna <anna@example.org>\nTemat: RE: Drukarka\n\nSpróbuj ponownie.\n"),
        ("Outlook el", "Ευχαριστώ, λειτουργεί!\n\nΑπό: Support <support@example.com>\nΣτάλθηκε: Δευτέρα, 23 Νοεμβρίου 2026 9:15 πμ\nΠρος: Anna <anna@example.org>\nΘέμα: RE: Εκτυπωτής\n\nΔοκιμάστε ξανά.\n"),
        ("Original Message", "Thanks, that worked!\n\n-----Original Message-----\nFrom: Support\nPlease try again.\n"),
        ("Signature", "Thanks, that worked!\n\n-- \nAnna Kovalenko\nAcme Ltd.\n"),
    ]

    @Test(arguments: replies.map(\.0))
    func quotedHistoryFolds(_ name: String) throws {
        let text = try #require(Self.replies.first { $0.0 == name }?.1)
        let (main, folded) = QuotedHistory.split(text)
        #expect(["Thanks, that worked!", "Danke, es geht!", "Дякую, працює!", "Спасибо, работает!", "Dzięki, działa!", "Ευχαριστώ, λειτουργεί!"].contains(main), "\(main)")
        #expect(!folded.isEmpty)
        // Nothing is lost: the two parts hold every line.
        #expect((main + "\n" + folded).replacingOccurrences(of: "\n", with: "").count <= text.replacingOccurrences(of: "\n", with: "").count)
        #expect(text.hasPrefix(main))
        #expect(text.hasSuffix(folded) || text.hasSuffix(folded + "\n"))
    }

    @Test func textWithoutHistoryStaysWhole() {
        let plain = "Hello,\nmy printer is on fire.\nFrom: the third floor\nRegards"
        #expect(QuotedHistory.split(plain).folded == "")
        #expect(QuotedHistory.split("> all of it quoted\n> really").folded == "")
    }

    @Test func automaticSendersAreRecognised() {
        func kind(_ headers: String) -> SenderKind { SenderKind.classify(MailParser.parse(Array((headers + "\n\nbody").utf8))) }
        #expect(kind("From: a@b.c\nSubject: hi") == .person)
        #expect(kind("From: a@b.c\nAuto-Submitted: auto-replied") == .autoReply)
        #expect(kind("From: a@b.c\nAuto-Submitted: no") == .person)
        #expect(kind("From: a@b.c\nX-Autoreply: yes") == .autoReply)
        #expect(kind("From: a@b.c\nX-Auto-Response-Suppress: All") == .autoReply)
        #expect(kind("From: a@b.c\nPrecedence: bulk") == .bulk)
        #expect(kind("From: a@b.c\nPrecedence: junk") == .bulk)
        #expect(kind("From: a@b.c\nPrecedence: list") == .bulk)
        #expect(kind("From: a@b.c\nList-Id: <news.example.com>") == .bulk)
        #expect(kind("From: MAILER-DAEMON@mx.example.com\nSubject: Undelivered") == .bounce)
        #expect(kind("From: a@b.c\nContent-Type: multipart/report; report-type=delivery-status; boundary=x") == .bounce)
        #expect(!SenderKind.bounce.mayGetAutomaticAnswer)
    }

    @Test func htmlIsSanitizedByAllowlist() {
        let dirty = """
            <html><head><style>body{}</style><script>alert(1)</script></head><body onload="x()">
            <p style="color:red" onclick="steal()">Hi <b>there</b> &amp; <i>welcome</i></p>
            <a href="javascript:alert(1)">bad</a> <a href=" jav&#x09;ascript:alert(2)">worse</a> <a href="https://example.com/x?a=1&amp;b=2">ok</a>
            <img src="cid:logo@x" alt="logo"><img src="https://tracker.example/p.gif"><img src=x onerror=alert(1)>
            <form action="https://evil"><input name=p><button>Go</button></form><iframe src="https://evil"></iframe>
            <table><tr><td colspan="2">cell<td>unclosed</table><div>open
            """
        let clean = HTMLSanitizer.sanitize(dirty)
        for banned in ["<script", "alert(1)", "onclick", "onload", "onerror", "style=", "javascript", "<form", "<input", "<iframe", "<button", "evil"] {
            #expect(!clean.html.lowercased().contains(banned), "\(banned) in \(clean.html)")
        }
        #expect(clean.html.contains("<p>Hi <b>there</b> &amp; <i>welcome</i></p>"))
        #expect(clean.html.contains(#"<a href="https://example.com/x?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">ok</a>"#))
        #expect(clean.html.contains(#"<img src="cid:logo@x" alt="logo">"#))
        #expect(clean.html.contains(#"<img data-remote-src="https://tracker.example/p.gif">"#))
        #expect(clean.hasRemoteImages)
        #expect(clean.html.hasSuffix("</div>"))
        #expect(HTMLSanitizer.sanitize("a < b & c").html == "a &lt; b &amp; c")
    }
}
