import Foundation

/// Reads JSON text into a `JSONValue` in one pass over its bytes (RFC 8259). Much quicker than
/// `JSONDecoder` for the small documents stored beside every ticket (its SLA clocks), which
/// each ticket read decodes.
public struct JSONParser {
    /// Why the text is not JSON, and where.
    public struct Failure: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "not JSON at byte \(offset): \(reason)" }
    }

    let bytes: [UInt8]
    var at = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The value `text` holds; throws `Failure` for anything but exactly one JSON value.
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(text)
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw parser.failure("text after the value") }
        return value
    }

    func failure(_ reason: String) -> Failure { Failure(offset: at, reason: reason) }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw failure("nested too deeply") }
        skipSpace()
        guard at < bytes.count else { throw failure("a value is missing") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(try number())
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        for b in word.utf8 {
            guard at < bytes.count, bytes[at] == b else { throw failure("expected \(word)") }
            at += 1
        }
        return value
    }

    private mutating func object(depth: Int) throws -> JSONValue {
        var fields: [String: JSONValue] = [:]
        try readObject { parser, key in fields[key] = try parser.value(depth: depth + 1) }
        return .object(fields)
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        try readArray { parser in items.append(try parser.value(depth: depth + 1)) }
        return .array(items)
    }

    mutating func number() throws -> Double {
        let start = at
        var digitsOnly = true
        while at < bytes.count, Self.isNumberByte(bytes[at]) {
            digitsOnly = digitsOnly && (bytes[at] &- 48 < 10 || (at == start && bytes[at] == UInt8(ascii: "-")))
            at += 1
        }
        // Integers (ids, counts, minutes) without going through text.
        let length = at - start
        if digitsOnly, length > 0, length <= 15, !(length == 1 && bytes[start] == UInt8(ascii: "-")) {
            let negative = bytes[start] == UInt8(ascii: "-")
            var n: Int64 = 0
            for i in (negative ? start + 1 : start)..<at { n = n * 10 + Int64(bytes[i] &- 48) }
            return Double(negative ? -n : n)
        }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        // Double(_:) also takes "inf", "nan" and hex: JSON allows none of them.
        guard !text.isEmpty, let n = Double(text), n.isFinite, text.first != "+", !text.hasPrefix("."), !text.hasPrefix("-.")
        else {
            at = start
            throw failure("expected a value")
        }
        return n
    }

    @inline(__always) private static func isNumberByte(_ b: UInt8) -> Bool {
        b &- 48 < 10 || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    mutating func string() throws -> String {
        at += 1  // the opening quote
        var start = at
        var out: [UInt8] = []
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                defer { at += 1 }
                if out.isEmpty { return String(decoding: bytes[start..<at], as: UTF8.self) }
                out.append(contentsOf: bytes[start..<at])
                return String(decoding: out, as: UTF8.self)
            }
            guard b >= 0x20 else { throw failure("a control character in a string") }
            guard b == UInt8(ascii: "\\") else {
                at += 1
                continue
            }
            out.append(contentsOf: bytes[start..<at])
            at += 1
            guard at < bytes.count else { break }
            let escaped = bytes[at]
            at += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                    at += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let s = Unicode.Scalar(scalar) else { throw failure("a lone surrogate") }
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default:
                throw failure("an unknown escape")
            }
            start = at
        }
        throw failure("the string is not closed")
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
            throw failure("expected four hex digits")
        }
        at += 4
        return v
    }
}
