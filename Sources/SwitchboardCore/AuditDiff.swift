import Foundation

/// One field an audited change altered, for people to read ("status: open → pending").
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var before: String
    public var after: String
}

extension AuditEvent {
    /// The top-level fields that differ between the record before and after, skipping the
    /// bookkeeping ones (version and update time), in field order. Values are shown compactly:
    /// strings bare, lists comma-separated, nothing as an empty string.
    public var changes: [FieldChange] {
        let old = Self.object(before)
        let new = Self.object(after)
        let skip: Set<String> = ["version", "updated_at"]
        return Set(old.keys).union(new.keys).subtracting(skip).sorted().compactMap { key in
            let a = old[key] ?? .null
            let b = new[key] ?? .null
            return a == b ? nil : FieldChange(field: key, before: Self.show(a), after: Self.show(b))
        }
    }

    private static func object(_ text: JSONText?) -> [String: JSONValue] {
        guard let text, let value = try? JSONParser.parse(text.text), case .object(let fields) = value
        else { return [:] }
        return fields
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "✓" : "✗"
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): s
        case .array(let items): items.map(show).joined(separator: ", ")
        case .object(let fields): fields.keys.sorted().map { "\($0): \(show(fields[$0] ?? .null))" }.joined(separator: ", ")
        }
    }
}
