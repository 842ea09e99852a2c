import Foundation

/// Any JSON value; used for audit before/after snapshots and event payloads.
public enum JSONValue: Sendable, Codable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 9e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Converts any Encodable into a JSONValue (through JSON, keys as the type encodes them,
    /// times as RFC 3339 strings with milliseconds, as the API writes them).
    public static func from<T: Encodable>(_ value: T) -> JSONValue {
        guard let data = try? StreamingJSONEncoder(dates: .rfc3339).encode(value),
            let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return .null }
        return json
    }

    /// Canonical bytes: keys sorted, no whitespace. Stable input for hashing.
    public var canonicalData: Data {
        (try? StreamingJSONEncoder().encode(self)) ?? Data("null".utf8)
    }

    public var canonicalString: String { String(decoding: canonicalData, as: UTF8.self) }

    public static func int(_ v: Int64?) -> JSONValue { v.map { .number(Double($0)) } ?? .null }
    public static func str(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}
