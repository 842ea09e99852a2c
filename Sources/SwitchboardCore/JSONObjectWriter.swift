import Foundation

/// Writes one JSON object field by field, in the order given (callers give keys sorted, as
/// canonical JSON has them), from plain values and from texts already encoded: for the event
/// payloads an SLA round writes by the hundred thousand, where the generic encoder was a
/// quarter of the round and one ticket's reference goes into several payloads.
public struct JSONObjectWriter {
    private let sink = JSONSink(dates: .rfc3339)
    private var fields = 0

    public init() { sink.out.append(UInt8(ascii: "{")) }

    private mutating func key(_ name: StaticString) {
        if fields > 0 { sink.out.append(UInt8(ascii: ",")) }
        fields += 1
        sink.out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { sink.out.append(contentsOf: $0) }
        sink.out.append(contentsOf: "\":".utf8)
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        sink.string(value)
    }

    /// Leaves the field out when nil, as synthesized `Encodable` conformances do.
    public mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        let sink = self.sink
        list(name, values) { sink.string($0) }
    }

    public mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        sink.integer(value)
    }

    /// Leaves the field out when nil, as synthesized `Encodable` conformances do.
    public mutating func field(_ name: StaticString, _ value: Int64?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: StaticString, _ value: Int) { field(name, Int64(value)) }

    public mutating func field(_ name: StaticString, _ values: [Int64]) {
        let sink = self.sink
        list(name, values) { sink.integer($0) }
    }

    private mutating func list<T>(_ name: StaticString, _ values: [T], _ write: (T) -> Void) {
        key(name)
        sink.out.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { sink.out.append(UInt8(ascii: ",")) }
            write(value)
        }
        sink.out.append(UInt8(ascii: "]"))
    }

    public mutating func field(_ name: StaticString, _ date: Date) {
        key(name)
        sink.date(date)
    }

    /// Values encoded before, as a list.
    public mutating func field(_ name: StaticString, _ texts: [JSONText]) {
        let sink = self.sink
        list(name, texts) { sink.out.append(contentsOf: $0.text.utf8) }
    }

    /// A value encoded before.
    public mutating func field(_ name: StaticString, _ text: JSONText) {
        key(name)
        sink.out.append(contentsOf: text.text.utf8)
    }

    /// The object, closed.
    public var text: JSONText {
        JSONText(stored: String(decoding: sink.out, as: UTF8.self) + "}")
    }
}
