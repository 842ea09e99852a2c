import Foundation
import Testing

@testable import SwitchboardMail

/// The pieces of the parser, each against what the RFCs and real senders do.
@Suite struct DecodingTests {
    static let charsetSamples: [(String, [UInt8], String)] = [
        ("ISO-8859-1", [71, 114, 252, 223, 101, 32, 97, 117, 115, 32, 75, 246, 108, 110], "Grüße aus Köln"),
        ("ISO-8859-2", [90, 97, 191, 243, 179, 230, 32, 103, 234, 182, 108, 177, 32, 106, 97, 188, 241], "Zażółć gęślą jaźń"),
        ("ISO-8859-5", [191, 224, 216, 210, 213, 226, 32, 220, 216, 224], "Привет мир"),
        ("ISO-8859-7", [202, 225, 235, 231, 236, 221, 241, 225, 32, 234, 252, 243, 236, 229], "Καλημέρα κόσμε"),
        ("ISO-8859-15", [80, 114, 105, 120, 58, 32, 49, 48, 32, 164], "Prix: 10 €"),
        ("Windows-1250", [80, 248, 237, 108, 105, 154, 32, 158, 108, 117, 157, 111, 117, 232, 107, 253, 32, 107, 249, 242], "Příliš žluťoučký kůň"),
        ("Windows-1251", [196, 238, 241, 242, 224, 226, 234, 224, 32, 237, 229, 32, 239, 240, 232, 233, 248, 235, 224], "Доставка не прийшла"),
        ("Windows-1252", [147, 81, 117, 111, 116, 101, 115, 148, 32, 150, 32, 99, 97, 102, 233], "“Quotes” – café"),
        ("Windows-1253", [211, 246, 220, 235, 236, 225, 32, 240, 235, 231, 241, 249, 236, 222, 242], "Σφάλμα πληρωμής"),
        ("KOI8-R", [243, 222, 163, 212, 32, 218, 193, 32, 213, 211, 204, 213, 199, 201], "Счёт за услуги"),
        ("KOI8-U", [242, 193, 200, 213, 206, 207, 203, 32, 167, 214, 193, 203, 193], "Рахунок їжака"),
        ("GB2312", [196, 227, 186, 195, 202, 192, 189, 231], "你好世界"),
        ("GBK", [178, 226, 202, 212, 211, 202, 188, 254], "测试邮件"),
        ("Big5", [193, 99, 197, 233, 164, 164, 164, 229, 180, 250, 184, 213], "繁體中文測試"),
        ("ISO-2022-JP", [27, 36, 66, 70, 124, 75, 92, 56, 108, 36, 78, 37, 70, 37, 57, 37, 72, 27, 40, 66], "日本語のテスト"),
        ("Shift_JIS", [130, 168, 150, 226, 130, 162, 141, 135, 130, 237, 130, 185], "お問い合わせ"),
        ("EUC-KR", [190, 200, 179, 231, 199, 207, 188, 188, 191, 228], "안녕하세요"),
        ("EUC-JP", [197, 236, 181, 254, 197, 212], "東京都"),
    ]

    @Test(arguments: charsetSamples.map { $0.0 })
    func charsetsDecode(_ name: String) throws {
        let (_, bytes, text) = try #require(Self.charsetSamples.first { $0.0 == name })
        #expect(Charset.decode(bytes, charset: name) == text)
        #expect(Charset.decode(bytes, charset: name.lowercased()) == text)
    }

    @Test func unknownAndWrongCharsetsNeverLoseText() {
        #expect(Charset.decode(Array("Grüße".utf8), charset: "x-unknown") == "Grüße")
        #expect(Charset.decode([71, 114, 252, 223, 101], charset: "utf-8") == "Grüße")  // Latin-1 labelled UTF-8
        #expect(Charset.decode([71, 114, 252, 223, 101], charset: nil) == "Grüße")
        #expect(Charset.decode([0x81, 0x8D], charset: "windows-1252").count == 2)  // bytes 1252 leaves undefined
        // A stray byte in a multi-byte charset costs one replacement character, not the text.
        #expect(Charset.decode([196, 227, 0xFF, 186, 195], charset: "gbk") == "你\u{FFFD}好")
    }

    @Test func encodedWordsDecodeAndJoin() {
        #expect(EncodedWords.decode("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == "Привет")
        #expect(EncodedWords.decode("=?iso-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=") == "Grüße aus Köln")
        // Whitespace between encoded words goes; around plain text it stays.
        #expect(EncodedWords.decode("=?utf-8?q?a?= =?utf-8?q?b?= c") == "ab c")
        #expect(EncodedWords.decode("Re: =?utf-8?Q?caf=C3=A9?= today") == "Re: café today")
        // One character split over two words
        #expect(EncodedWords.decode("=?utf-8?B?ww==?= =?utf-8?B?pA==?=") == "ä")
        #expect(EncodedWords.decode("=?utf-8?Q?=C3?= =?utf-8?Q?=A4?=") == "ä")
        // RFC 2231 language tag inside an encoded word
        #expect(EncodedWords.decode("=?UTF-8*uk?Q?=D0=A0=D0=B0?=") == "Ра")
        #expect(EncodedWords.decode("no =? words here ?=") == "no =? words here ?=")
    }

    @Test func parametersFollowRFC2231AndRFC2047() {
        let long = HeaderParameters(
            "attachment;\r\n filename*0*=UTF-8''%D0%A0%D0%B0%D1%85%D1%83%D0%BD%D0%BE%D0%BA%20; filename*1*=%E2%84%96%2042.pdf")
        #expect(long.value == "attachment")
        #expect(long["filename"] == "Рахунок № 42.pdf")
        let quoted = HeaderParameters("text/plain; charset=\"iso-8859-2\"; name=\"=?utf-8?B?0KTQsNC50Ls=?=.txt\"")
        #expect(quoted.value == "text/plain")
        #expect(quoted["charset"] == "iso-8859-2")
        #expect(quoted["name"] == "Файл.txt")
        let plainContinuation = HeaderParameters("application/pdf; name*0=\"very long \"; name*1=\"name.pdf\"")
        #expect(plainContinuation["name"] == "very long name.pdf")
        #expect(HeaderParameters("multipart/mixed; boundary=abc;").parameters["boundary"] == "abc")
    }

    @Test func addressListsWithNamesCommentsAndGroups() {
        let list = Mailbox.list(#""Smith, Karoline" <Karoline.Smith@example.com>, bob@example.com (Bob B), Team: a@x.org, b@x.org;"#)
        #expect(list.map(\.address) == ["Karoline.Smith@example.com", "bob@example.com", "a@x.org", "b@x.org"])
        #expect(list.map(\.name) == ["Smith, Karoline", "Bob B", nil, nil])
        #expect(Mailbox.list("=?utf-8?Q?Ol=C3=A9na?= <olena@example.ua>").first?.name == "Oléna")
        #expect(Mailbox.list("MAILER-DAEMON (Mail Delivery System)").first == Mailbox(name: "Mail Delivery System", address: "MAILER-DAEMON"))
        #expect(Mailbox.list("undisclosed-recipients:;").isEmpty)
        #expect(Mailbox.list("<\"\">").isEmpty)
    }

    @Test func transferEncodingsAreLenient() {
        #expect(TransferEncoding.base64(Array("SGVs\r\nbG8*=".utf8)) == Array("Hello".utf8))
        #expect(TransferEncoding.base64(Array("SGVsbG8".utf8)) == Array("Hello".utf8))  // no padding
        #expect(TransferEncoding.quotedPrintable(Array("caf=C3=A9 =\r\nau lait =ZZ".utf8)) == Array("café au lait =ZZ".utf8))
        let uu = TransferEncoding.uudecode(Array("begin 644 cat.txt\n#0V%T\n`\nend\n".utf8))
        #expect(uu?.name == "cat.txt")
        #expect(uu?.data == Array("Cat".utf8))
    }

    @Test func datesInTheirManyForms() {
        let expected = Date(timeIntervalSince1970: 1_533_221_908)  // 2018-08-02 14:58:28 UTC
        #expect(MailDate.parse("Thu, 2 Aug 2018 16:58:28 +0200 (CEST)") == expected)
        #expect(MailDate.parse("2 Aug 2018 14:58:28 GMT") == expected)
        #expect(MailDate.parse("Thu, 02 Aug 18 10:58:28 EDT") == expected)
        #expect(MailDate.parse("") == nil)
        #expect(MailDate.parse("yesterday") == nil)
    }
}
