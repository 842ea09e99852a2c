import Foundation
import NIOCore

/// One response of an IMAP server (RFC 9051), with its literals (`{n}` plus n raw bytes) taken
/// out of the text: the text has `{#0}`, `{#1}` … where they stood.
public struct IMAPResponse: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `TAG OK|NO|BAD text`: the end of a command.
        case tagged(tag: String, status: String)
        /// `* …`: data.
        case untagged
        /// `+ …`: the server waits for more (a literal, IDLE's DONE, an AUTHENTICATE step).
        case continuation
    }

    public var kind: Kind
    /// The text after the tag, `*` or `+` (and after the status, for tagged responses).
    public var text: String
    public var literals: [[UInt8]]

    /// The number after `name` in the text (`UID 42`, `UIDVALIDITY 7`, `RFC822.SIZE 1200`).
    public func number(after name: String) -> Int64? {
        guard let range = text.range(of: name + " ", options: .caseInsensitive) else { return nil }
        return Int64(text[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Cuts the server's byte stream into responses, literals included.
struct IMAPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = IMAPResponse

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let response = try Self.parse(&buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(response))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// One whole response from the front of `buffer`, consuming it; nil (consuming nothing)
    /// while it is incomplete.
    static func parse(_ buffer: inout ByteBuffer) throws -> IMAPResponse? {
        let view = buffer.readableBytesView
        var index = view.startIndex
        var text: [UInt8] = []
        var literals: [[UInt8]] = []
        while true {
            guard let newline = view[index...].firstIndex(of: 0x0A) else { return nil }
            var lineEnd = newline
            if lineEnd > index, view[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = view[index..<lineEnd]
            // A line ending in {n} (or {n+}) announces n bytes of literal after the CRLF.
            if line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")),
                let count = Int(String(decoding: line[(open + 1)..<(line.endIndex - 1)].filter { $0 != UInt8(ascii: "+") }, as: UTF8.self))
            {
                guard count < 200 * 1_048_576 else { throw IMAPError(message: "a literal of \(count) bytes is too large") }
                let start = newline + 1
                guard view.endIndex - start >= count else { return nil }
                text += line[index..<open] + Array("{#\(literals.count)}".utf8)
                literals.append(Array(view[start..<(start + count)]))
                index = start + count
                continue
            }
            text += line
            buffer.moveReaderIndex(forwardBy: newline + 1 - view.startIndex)
            return response(String(decoding: text, as: UTF8.self), literals)
        }
    }

    private static func response(_ line: String, _ literals: [[UInt8]]) -> IMAPResponse {
        if line.hasPrefix("* ") { return IMAPResponse(kind: .untagged, text: String(line.dropFirst(2)), literals: literals) }
        if line.hasPrefix("+") { return IMAPResponse(kind: .continuation, text: String(line.dropFirst().drop { $0 == " " }), literals: literals) }
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        let tag = parts.first.map(String.init) ?? ""
        let status = parts.count > 1 ? parts[1].uppercased() : ""
        return IMAPResponse(kind: .tagged(tag: tag, status: status), text: parts.count > 2 ? String(parts[2]) : "", literals: literals)
    }
}

public struct IMAPError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
