import Foundation

/// Encodes values straight into JSON bytes, keys sorted, no whitespace, slashes unescaped.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values, casting every value to see
/// whether it is a date, data or URL, and then writes the tree: measured here, that was 40 % of
/// an SLA round and a large part of writing a ticket (each write encodes the ticket for its
/// audit and outbox events). This encoder writes as the value encodes itself and sorts an
/// object's keys once the object is complete. Times are RFC 3339 with milliseconds
/// (`.rfc3339`) or, as `JSONEncoder` writes them by default, seconds since 2001
/// (`.referenceSeconds`); `Data` is Base64 and a `URL` its absolute string, as there.
public struct StreamingJSONEncoder: Sendable {
    /// How times are written.
    public enum DateStyle: Sendable {
        /// `"2026-11-23T10:00:00.123Z"`
        case rfc3339
        /// Seconds since 2001-01-01 as a number (`JSONEncoder`'s default).
        case referenceSeconds
    }

    public var dates: DateStyle

    public init(dates: DateStyle = .rfc3339) { self.dates = dates }

    /// The JSON bytes of `value`.
    public func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink(dates: dates)
        try sink.write(value, depth: 0)
        sink.close(downTo: 0)
        return sink.out
    }

    /// The JSON of `value`, as `JSONEncoder.encode` returns it.
    public func encode<T: Encodable>(_ value: T) throws -> Data { Data(try bytes(value)) }

    /// The JSON text of `value`.
    public func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }
}

/// The bytes written so far and the objects and arrays still open, innermost last. A
/// container at depth d is `frames[d]`; writing into it first closes everything deeper.
final class JSONSink {
    struct Frame {
        let isObject: Bool
        /// Where the frame's `{` or `[` is.
        let start: Int
        var count = 0
        /// Objects: each key and where its entry (the quoted key) begins.
        var keys: [(key: String, at: Int)] = []
    }

    // Confined to one encode call; the runtime's exclusivity checks were a tenth of its time.
    @exclusivity(unchecked) var out: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    let dates: StreamingJSONEncoder.DateStyle

    init(dates: StreamingJSONEncoder.DateStyle) {
        self.dates = dates
        out.reserveCapacity(512)
    }

    /// Closes the frames at `level` and deeper (an object gets its keys sorted).
    func close(downTo level: Int) {
        while frames.count > level {
            let frame = frames.removeLast()
            if frame.isObject {
                sortEntries(of: frame)
                out.append(UInt8(ascii: "}"))
            } else {
                out.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Opens the container of depth `level`, or goes back to it when the encoder asks again.
    func open(object: Bool, level: Int) {
        if frames.count > level, frames[level].isObject == object {
            close(downTo: level + 1)
            return
        }
        close(downTo: level)
        frames.append(Frame(isObject: object, start: out.count))
        out.append(UInt8(ascii: object ? "{" : "["))
    }

    /// Starts the next entry of the container at `level`: a comma after the first, then the key.
    func entry(level: Int, key: String?) {
        close(downTo: level + 1)
        if frames[level].count > 0 { out.append(UInt8(ascii: ",")) }
        frames[level].count += 1
        if let key {
            frames[level].keys.append((key, out.count))
            string(key)
            out.append(UInt8(ascii: ":"))
        }
    }

    /// Writes a value at the current position; its own containers live at `depth`.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        if T.self == Date.self {
            date(unsafeBitCast(value, to: Date.self))
        } else if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Data.self {
            string(unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == URL.self {
            string(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == TicketSLA.self {
            try unsafeBitCast(value, to: TicketSLA.self).writeJSON(to: self)
        } else if T.self == SLAClock.self {
            try unsafeBitCast(value, to: SLAClock.self).writeJSON(to: self)
        } else {
            let before = out.count
            try value.encode(to: StreamEncoder(sink: self, depth: depth))
            close(downTo: depth)
            if out.count == before { out.append(contentsOf: "{}".utf8) }
        }
    }

    func date(_ date: Date) {
        switch dates {
        case .rfc3339: string(RFC3339.string(date))
        case .referenceSeconds: try? number(date.timeIntervalSinceReferenceDate)
        }
    }

    func null() { out.append(contentsOf: "null".utf8) }

    func bool(_ value: Bool) { out.append(contentsOf: (value ? "true" : "false").utf8) }

    func integer<I: BinaryInteger>(_ value: I) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let first = out.count
        var magnitude = value.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[first...].reverse()
    }

    func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            out.append(contentsOf: "\(value)".utf8)
        }
    }

    func number(_ value: Float) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e7 { integer(Int64(value)) } else { out.append(contentsOf: "\(value)".utf8) }
    }

    /// A quoted string: quote, backslash and control characters escaped, the rest as UTF-8.
    func string(_ text: String) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Puts a finished object's entries in key order (types declare their keys in any order).
    private func sortEntries(of frame: Frame) {
        let keys = frame.keys
        guard keys.count > 1, zip(keys, keys.dropFirst()).contains(where: { $0.key >= $1.key }) else { return }
        let base = keys[0].at
        let segment = Array(out[base..<out.count])
        // Entry i runs from its key to the comma before the next key (or the end).
        let ranges = keys.indices.map { i in (keys[i].at - base)..<(i + 1 < keys.count ? keys[i + 1].at - 1 - base : segment.count) }
        var at = base
        for (n, i) in keys.indices.sorted(by: { keys[$0].key < keys[$1].key }).enumerated() {
            if n > 0 {
                out[at] = UInt8(ascii: ",")
                at += 1
            }
            let range = ranges[i]
            out.replaceSubrange(at..<(at + range.count), with: segment[range])
            at += range.count
        }
    }
}

/// The `Encoder` a value sees: its containers are the sink's frames at `depth`.
struct StreamEncoder: Encoder {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.open(object: true, level: depth)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, level: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.open(object: false, level: depth)
        return StreamUnkeyedContainer(sink: sink, level: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(sink: sink, depth: depth)
    }
}
