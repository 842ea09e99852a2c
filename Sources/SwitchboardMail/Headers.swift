import Foundation

/// A message's header fields in order, unfolded, with names compared case-insensitively.
/// Values are kept as raw bytes turned into text without charset guessing beyond
/// UTF-8-else-Windows-1252 (RFC 2047 encoded words are decoded by whoever reads a field).
public struct Headers: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public let name: String
        /// The unfolded value, leading whitespace removed.
        public let value: String
    }

    public private(set) var fields: [Field] = []

    public init(fields: [Field] = []) { self.fields = fields }

    /// The first field called `name`, raw.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every field called `name`, raw, in order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The first field called `name` with encoded words decoded and whitespace runs collapsed
    /// at the folds.
    public func text(_ name: String) -> String? { self[name].map(EncodedWords.decode) }

    /// Splits a message (or a part) into its header fields and the offset where its body starts.
    /// Lenient: an mbox `From ` line and junk before the first field are skipped, a line without
    /// a field name continues the field before it, LF works as well as CRLF.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: Headers, bodyStart: Int) {
        var fields: [(name: String, value: [UInt8])] = []
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            // One line: [i, lineEnd) without its terminator; next starts after it.
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = bytes[i..<contentEnd]
            if line.isEmpty {
                // The blank line ending the header; but blank lines before any field are skipped.
                if !fields.isEmpty { return (Headers(fields: fields.map(Self.field)), next) }
                i = next
                continue
            }
            if line.first == 0x20 || line.first == 0x09 {
                if !fields.isEmpty { fields[fields.count - 1].value += [0x20] + trimmed(line) }
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            {
                let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
                fields.append((name, Array(trimmed(line[(colon + 1)...]))))
            } else if !fields.isEmpty {
                // A continuation line whose sender forgot the leading whitespace.
                fields[fields.count - 1].value += [0x20] + trimmed(line)
            }
            i = next
        }
        // No field at all: it is all body (text that is not a mail).
        if fields.isEmpty { return (Headers(), bytes.startIndex) }
        return (Headers(fields: fields.map(Self.field)), end)
    }

    private static func field(_ raw: (name: String, value: [UInt8])) -> Field {
        var value = Charset.fallback(raw.value)
        while value.last?.isWhitespace == true { value.removeLast() }
        while value.first?.isWhitespace == true { value.removeFirst() }
        return Field(name: raw.name, value: value)
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        return s
    }
}
