import Foundation

/// A value encoded once as canonical JSON text: keys sorted, times as RFC 3339 with
/// milliseconds. What audit events and outbox events store, and what the audit chain hashes.
public struct JSONText: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// Encodes `value`; a value that cannot be encoded becomes `null`.
    public init<T: Encodable>(_ value: T) {
        text = (try? Self.encoder.string(value)) ?? "null"
    }

    private static let encoder = StreamingJSONEncoder(dates: .rfc3339)

    /// Wraps text read back from storage.
    public init(stored text: String) { self.text = text }

    /// The text as a JSON value (for responses); `null` if it is not JSON.
    public var value: JSONValue { (try? JSONParser.parse(text)) ?? .null }

    public var description: String { text }
}
