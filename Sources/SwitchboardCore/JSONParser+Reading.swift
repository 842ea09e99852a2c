/// Reading a known document field by field, without building a `JSONValue`: for the documents
/// every row carries (a ticket's SLA clocks), where the dictionaries of the generic value were
/// most of the cost of reading a ticket.
extension JSONParser {
    /// A reader over `text`; read one value with the `read…` calls, then call `end()`.
    public static func reader(_ text: String) -> JSONParser { JSONParser(text) }

    /// Reads an object, calling `field` with each key; `field` must read or skip its value.
    public mutating func readObject(_ field: (inout JSONParser, String) throws -> Void) throws {
        guard try opens(UInt8(ascii: "{"), UInt8(ascii: "}"), "an object") else { return }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw failure("expected :") }
            at += 1
            try field(&self, key)
            guard try closes(UInt8(ascii: "}")) else { continue }
            return
        }
    }

    /// Reads an array, calling `item` for each element; `item` must read or skip it.
    public mutating func readArray(_ item: (inout JSONParser) throws -> Void) throws {
        guard try opens(UInt8(ascii: "["), UInt8(ascii: "]"), "an array") else { return }
        while true {
            try item(&self)
            guard try closes(UInt8(ascii: "]")) else { continue }
            return
        }
    }

    /// A number, or nil for null.
    public mutating func readNumber() throws -> Double? {
        skipSpace()
        if try readNull() { return nil }
        return try number()
    }

    /// A string, or nil for null.
    public mutating func readString() throws -> String? {
        skipSpace()
        if try readNull() { return nil }
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw failure("expected a string") }
        return try string()
    }

    /// Skips one value of any kind.
    public mutating func skipValue() throws { _ = try value(depth: 0) }

    /// Checks that nothing but space follows the value read.
    public mutating func end() throws {
        skipSpace()
        guard at == bytes.count else { throw failure("text after the value") }
    }

    private mutating func readNull() throws -> Bool {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "n") else { return false }
        _ = try literal("null", .null)
        return true
    }

    /// Reads `open`; false when `close` follows at once (consumed too): the container is empty.
    private mutating func opens(_ open: UInt8, _ close: UInt8, _ what: String) throws -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == open else { throw failure("expected \(what)") }
        at += 1
        skipSpace()
        guard at < bytes.count, bytes[at] == close else { return true }
        at += 1
        return false
    }

    /// After an element: true at `close` (consumed), false at a comma (consumed).
    private mutating func closes(_ close: UInt8) throws -> Bool {
        skipSpace()
        guard at < bytes.count else { throw failure("not closed") }
        if bytes[at] == UInt8(ascii: ",") {
            at += 1
            return false
        }
        guard bytes[at] == close else { throw failure("expected , or \(Character(Unicode.Scalar(close)))") }
        at += 1
        return true
    }
}
