import NIOCore
import Testing

@testable import SwitchboardMail

/// The IMAP response reader: whole responses only, literals taken out byte for byte.
@Suite struct IMAPResponseTests {
    @Test func responsesWithLiteralsAreCutWhole() throws {
        var buffer = ByteBuffer(string: "* OK [UIDVALIDITY 17] ready\r\n* 1 FETCH (UID 42 BODY[] {10}\r\nHello\r\nBye)\r\nA1 OK done\r\n+ idling\r\n")
        let greeting = try #require(try IMAPResponseDecoder.parse(&buffer))
        #expect(greeting.kind == .untagged)
        #expect(greeting.number(after: "UIDVALIDITY") == 17)
        let fetch = try #require(try IMAPResponseDecoder.parse(&buffer))
        #expect(fetch.text == "1 FETCH (UID 42 BODY[] {#0})")
        #expect(fetch.literals == [Array("Hello\r\nBye".utf8)])
        #expect(fetch.number(after: "UID") == 42)
        let done = try #require(try IMAPResponseDecoder.parse(&buffer))
        #expect(done.kind == .tagged(tag: "A1", status: "OK"))
        #expect(done.text == "done")
        #expect(try IMAPResponseDecoder.parse(&buffer)?.kind == .continuation)
        #expect(buffer.readableBytes == 0)
    }

    @Test func incompleteResponsesWaitForMoreAndConsumeNothing() throws {
        var buffer = ByteBuffer(string: "* 1 FETCH (BODY[] {20}\r\nonly part")
        #expect(try IMAPResponseDecoder.parse(&buffer) == nil)
        #expect(buffer.readableBytes == 33)
        buffer.writeString(" of it.....)\r\n")
        let whole = try #require(try IMAPResponseDecoder.parse(&buffer))
        #expect(whole.literals.first?.count == 20)
        var noNewline = ByteBuffer(string: "A2 OK")
        #expect(try IMAPResponseDecoder.parse(&noNewline) == nil)
    }
}
