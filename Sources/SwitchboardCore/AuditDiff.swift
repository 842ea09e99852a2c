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
    /// strings bare, lists comma-separated, nothing as an empty string; inside a list or a
    /// record, a list goes in brackets and a record in braces, so that the items of a list of
    /// records (an SLA event's escalations) stay apart.
    public var changes: [FieldChange] {
        let old = Self.object(before)
        let new = Self.object(after)
        if entity == .message { return Self.messageChanges(ticketBefore: old, message: new) }
        let skip: Set<String> = ["version", "updated_at"]
        return Set(old.keys).union(new.keys).subtracting(skip).sorted().compactMap { key in
            let a = old[key] ?? .null
            let b = new[key] ?? .null
            return a == b ? nil : FieldChange(field: key, before: Self.show(a), after: Self.show(b))
        }
    }

    /// A message added to a ticket: the reply or note (its opening words) and, when it moved
    /// the ticket's status, that move (the event keeps the ticket as it was only then).
    private static func messageChanges(ticketBefore: [String: JSONValue], message: [String: JSONValue]) -> [FieldChange] {
        guard case .string(let body)? = message["body"] else { return [] }
        let visibility = message["visibility"].flatMap { if case .string(let v) = $0 { MessageVisibility(rawValue: v) } else { nil } }
        let author = message["author_kind"].flatMap { if case .string(let a) = $0 { AuthorKind(rawValue: a) } else { nil } }
        let opening = body.count > 200 ? String(body.prefix(200)) + "…" : body
        var changes = [FieldChange(field: visibility == .internal ? "note" : "reply", before: "", after: opening)]
        if case .string(let raw)? = ticketBefore["status"], let status = TicketStatus(rawValue: raw), let author, let visibility {
            let after = status.afterMessage(by: author, visibility: visibility)
            if after != status { changes.append(FieldChange(field: "status", before: raw, after: after.rawValue)) }
        }
        return changes
    }

    private static func object(_ text: JSONText?) -> [String: JSONValue] {
        guard let text, let value = try? JSONParser.parse(text.text), case .object(let fields) = value
        else { return [:] }
        return fields
    }

    static func show(_ value: JSONValue, nested: Bool = false) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "✓" : "✗"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return s
        case .array(let items):
            let shown = items.map { show($0, nested: true) }
            if nested { return "[" + shown.joined(separator: ", ") + "]" }
            let ofRecords = items.contains { if case .object = $0 { true } else { false } }
            return shown.joined(separator: ofRecords ? "; " : ", ")
        case .object(let fields):
            let shown = fields.keys.sorted().map { "\($0): \(show(fields[$0] ?? .null, nested: true))" }.joined(separator: ", ")
            return nested ? "{" + shown + "}" : shown
        }
    }
}
