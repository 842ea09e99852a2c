import Foundation

/// An object being written: each entry starts with its key.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let level: Int
    var codingPath: [any CodingKey] { [] }

    private func entry(_ key: Key) { sink.entry(level: level, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        entry(key)
        sink.null()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        entry(key)
        sink.bool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        entry(key)
        sink.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        entry(key)
        try sink.number(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        entry(key)
        try sink.number(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }

    private func integer<I: BinaryInteger>(_ value: I, _ key: Key) {
        entry(key)
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        entry(key)
        try sink.write(value, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        entry(key)
        sink.open(object: true, level: level + 1)
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(sink: sink, level: level + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        entry(key)
        sink.open(object: false, level: level + 1)
        return StreamUnkeyedContainer(sink: sink, level: level + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.entry(level: level, key: "super")
        return StreamEncoder(sink: sink, depth: level + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        entry(key)
        return StreamEncoder(sink: sink, depth: level + 1)
    }
}

/// An array being written.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { sink.frames.count > level ? sink.frames[level].count : 0 }

    private func entry() { sink.entry(level: level, key: nil) }

    mutating func encodeNil() throws {
        entry()
        sink.null()
    }
    mutating func encode(_ value: Bool) throws {
        entry()
        sink.bool(value)
    }
    mutating func encode(_ value: String) throws {
        entry()
        sink.string(value)
    }
    mutating func encode(_ value: Double) throws {
        entry()
        try sink.number(value)
    }
    mutating func encode(_ value: Float) throws {
        entry()
        try sink.number(value)
    }
    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private func integer<I: BinaryInteger>(_ value: I) {
        entry()
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        entry()
        try sink.write(value, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        entry()
        sink.open(object: true, level: level + 1)
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(sink: sink, level: level + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        entry()
        sink.open(object: false, level: level + 1)
        return StreamUnkeyedContainer(sink: sink, level: level + 1)
    }

    mutating func superEncoder() -> any Encoder {
        entry()
        return StreamEncoder(sink: sink, depth: level + 1)
    }
}

/// One value written where the encoder stands (its own containers, if any, at the same depth).
struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.null() }
    mutating func encode(_ value: Bool) throws { sink.bool(value) }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Double) throws { try sink.number(value) }
    mutating func encode(_ value: Float) throws { try sink.number(value) }
    mutating func encode(_ value: Int) throws { sink.integer(value) }
    mutating func encode(_ value: Int8) throws { sink.integer(value) }
    mutating func encode(_ value: Int16) throws { sink.integer(value) }
    mutating func encode(_ value: Int32) throws { sink.integer(value) }
    mutating func encode(_ value: Int64) throws { sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { sink.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.write(value, depth: depth) }
}
