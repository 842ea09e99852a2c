import Foundation
import SQLKit
import SwitchboardCore

/// Rows as stored; decoded with snake_case keys, converted to Core types right away.
struct UserRow: Decodable {
    let id: Int64
    let email: String
    let name: String
    let jobTitle: String?
    let locale: String
    let timeZone: String?
    let role: String
    let passwordHash: String?
    let active: Int64
    let createdAt: Int64
    let updatedAt: Int64

    /// Reads the row by column name (SQLRowDecoder's key conversion costs more than the query).
    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        email = try row.decode(column: "email", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        jobTitle = try row.decode(column: "job_title", as: String?.self)
        locale = try row.decode(column: "locale", as: String.self)
        timeZone = try row.decode(column: "time_zone", as: String?.self)
        role = try row.decode(column: "role", as: String.self)
        passwordHash = try row.decode(column: "password_hash", as: String?.self)
        active = try row.decode(column: "active", as: Int64.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
        updatedAt = try row.decode(column: "updated_at", as: Int64.self)
    }

    func user(teamIds: [Int64]) throws -> User {
        guard let role = Role(rawValue: role) else { throw StoreError.corrupt("role \(role)") }
        return User(
            id: id, email: email, name: name, jobTitle: jobTitle, locale: locale, timeZone: timeZone, role: role, active: active != 0,
            teamIds: teamIds, createdAt: Date(ms: createdAt), updatedAt: Date(ms: updatedAt))
    }
}

struct TicketRow: Decodable {
    /// The tickets with their SLA clocks and due time from `ticket_sla` (null for a ticket
    /// without). Conditions and orders over it name the tickets' columns as they are, and
    /// `sla_due_at` unqualified.
    static let from: SQLQueryString = "tickets \(joinSLA)"
    /// The join that adds a ticket's SLA row to `tickets`.
    static let joinSLA: SQLQueryString = "LEFT JOIN ticket_sla ON ticket_sla.ticket_id = tickets.id"
    /// The columns a `TicketRow` reads, from `tickets` joined with `joinSLA`.
    static let columns: SQLQueryString = "tickets.*, ticket_sla.sla, ticket_sla.sla_due_at"
    static let select: SQLQueryString = "SELECT \(columns) FROM \(from)"

    let id: Int64
    let number: Int64
    let subject: String
    let status: String
    let priority: String
    let type: String
    let channel: String
    let requesterId: Int64
    let organizationId: Int64?
    let assigneeId: Int64?
    let teamId: Int64?
    let tags: String
    let customFields: String
    let followers: String
    let version: Int64
    let createdAt: Int64
    let updatedAt: Int64
    let firstReplyAt: Int64?
    let solvedAt: Int64?
    let closedAt: Int64?
    let pendingSince: Int64?
    let reopenCount: Int64
    let mergedIntoId: Int64?
    let sla: String?
    let escalationLevel: Int64

    /// Reads the row by column name (SQLRowDecoder's key conversion costs more than the query).
    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        number = try row.decode(column: "number", as: Int64.self)
        subject = try row.decode(column: "subject", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        priority = try row.decode(column: "priority", as: String.self)
        type = try row.decode(column: "type", as: String.self)
        channel = try row.decode(column: "channel", as: String.self)
        requesterId = try row.decode(column: "requester_id", as: Int64.self)
        organizationId = try row.decode(column: "organization_id", as: Int64?.self)
        assigneeId = try row.decode(column: "assignee_id", as: Int64?.self)
        teamId = try row.decode(column: "team_id", as: Int64?.self)
        tags = try row.decode(column: "tags", as: String.self)
        customFields = try row.decode(column: "custom_fields", as: String.self)
        followers = try row.decode(column: "followers", as: String.self)
        version = try row.decode(column: "version", as: Int64.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
        updatedAt = try row.decode(column: "updated_at", as: Int64.self)
        firstReplyAt = try row.decode(column: "first_reply_at", as: Int64?.self)
        solvedAt = try row.decode(column: "solved_at", as: Int64?.self)
        closedAt = try row.decode(column: "closed_at", as: Int64?.self)
        pendingSince = try row.decode(column: "pending_since", as: Int64?.self)
        reopenCount = try row.decode(column: "reopen_count", as: Int64.self)
        mergedIntoId = try row.decode(column: "merged_into_id", as: Int64?.self)
        sla = try row.decode(column: "sla", as: String?.self)
        escalationLevel = try row.decode(column: "escalation_level", as: Int64.self)
    }

    /// The ticket; `withSLA: false` leaves its SLA clocks out (for a quick look, never to save).
    func ticket(withSLA: Bool = true) throws -> Ticket {
        guard let status = TicketStatus(rawValue: status), let priority = TicketPriority(rawValue: priority),
            let type = TicketType(rawValue: type), let channel = ChannelKind(rawValue: channel)
        else { throw StoreError.corrupt("ticket \(id) enums") }
        return Ticket(
            id: id, number: number, subject: subject, status: status, priority: priority, type: type, channel: channel,
            requesterId: requesterId, organizationId: organizationId, assigneeId: assigneeId, teamId: teamId,
            tags: try decodeStringList(tags), customFields: try decodeJSONMap([String: CustomFieldValue].self, customFields),
            followerIds: try decodeIdList(followers), version: version, createdAt: Date(ms: createdAt),
            updatedAt: Date(ms: updatedAt), firstReplyAt: firstReplyAt.map(Date.init(ms:)), solvedAt: solvedAt.map(Date.init(ms:)),
            closedAt: closedAt.map(Date.init(ms:)), pendingSince: pendingSince.map(Date.init(ms:)), reopenCount: Int(reopenCount), mergedIntoId: mergedIntoId,
            sla: withSLA ? try sla.map(decodeTicketSLA) : nil, escalationLevel: Int(escalationLevel))
    }
}

struct MessageRow: Decodable {
    let id: Int64
    let ticketId: Int64
    let authorKind: String
    let authorId: Int64?
    let visibility: String
    let channel: String
    let body: String
    let externalId: String?
    let createdAt: Int64

    /// Reads the row by column name (SQLRowDecoder's key conversion costs more than the query).
    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        ticketId = try row.decode(column: "ticket_id", as: Int64.self)
        authorKind = try row.decode(column: "author_kind", as: String.self)
        authorId = try row.decode(column: "author_id", as: Int64?.self)
        visibility = try row.decode(column: "visibility", as: String.self)
        channel = try row.decode(column: "channel", as: String.self)
        body = try row.decode(column: "body", as: String.self)
        externalId = try row.decode(column: "external_id", as: String?.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
    }

    func message() throws -> Message {
        guard let kind = AuthorKind(rawValue: authorKind), let visibility = MessageVisibility(rawValue: visibility),
            let channel = ChannelKind(rawValue: channel)
        else { throw StoreError.corrupt("message \(id) enums") }
        return Message(
            id: id, ticketId: ticketId, authorKind: kind, authorId: authorId, visibility: visibility, channel: channel,
            body: body, externalId: externalId, createdAt: Date(ms: createdAt))
    }
}

func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// Most tickets have no tags, fields or followers: skip the decoder for the empty ones.
func decodeJSONList<T: Decodable>(_ type: [T].Type, _ text: String) throws -> [T] {
    text == "[]" ? [] : try decodeJSON(type, text)
}

func decodeJSONMap<T: Decodable>(_ type: [String: T].Type, _ text: String) throws -> [String: T] {
    text == "{}" ? [:] : try decodeJSON(type, text)
}

/// SLA clocks as stored (times in seconds since 2001, as `encodeJSON` writes them); see
/// `TicketSLA(storedJSON:)`.
func decodeTicketSLA(_ text: String) throws -> TicketSLA {
    do { return try TicketSLA(storedJSON: text) } catch { throw StoreError.corrupt("ticket SLA: \(error)") }
}

/// A list of ids as stored (`[1,2,3]`), read without a JSON decoder: every ticket read has one.
func decodeIdList(_ text: String) throws -> [Int64] {
    guard text != "[]" else { return [] }
    guard text.first == "[", text.last == "]" else { return try decodeJSON([Int64].self, text) }
    var ids: [Int64] = []
    for part in text.dropFirst().dropLast().split(separator: ",") {
        guard let id = Int64(part.trimmingCharacters(in: .whitespaces)) else { return try decodeJSON([Int64].self, text) }
        ids.append(id)
    }
    return ids
}

/// A list of strings as stored (`["a","b"]`), read without a JSON decoder when nothing in it
/// is escaped: every ticket read has one (its tags).
func decodeStringList(_ text: String) throws -> [String] {
    guard text != "[]" else { return [] }
    // The bytes, not `contains(_: String)`: with Foundation that is a locale-aware search.
    guard text.first == "[", text.last == "]", !text.utf8.contains(UInt8(ascii: "\\")) else { return try decodeJSON([String].self, text) }
    var strings: [String] = []
    var start: String.Index?
    let bytes = text.utf8
    for i in bytes.indices where bytes[i] == UInt8(ascii: "\"") {
        if let s = start {
            strings.append(String(text[bytes.index(after: s)..<i]))
            start = nil
        } else {
            start = i
        }
    }
    guard start == nil else { return try decodeJSON([String].self, text) }
    return strings
}

func encodeJSON<T: Encodable>(_ value: T) -> String {
    (try? StreamingJSONEncoder(dates: .referenceSeconds).string(value)) ?? "null"
}

/// A row type that reads itself from a result row.
protocol RowReadable {
    init(_ row: any SQLRow) throws
}

extension UserRow: RowReadable {}
extension TicketRow: RowReadable {}
extension MessageRow: RowReadable {}

extension SQLQueryFetcher {
    func all<D: RowReadable>(_ type: D.Type) async throws -> [D] {
        try await all().map { try D($0) }
    }
    func first<D: RowReadable>(_ type: D.Type) async throws -> D? {
        try await first().map { try D($0) }
    }
}

/// Whether an error is a unique-constraint violation, on either database.
public func isUniqueViolation(_ error: any Error) -> Bool {
    let text = String(reflecting: error)
    return text.contains("UNIQUE constraint failed") || text.contains("23505") || text.contains("unique_violation")
        || text.contains("uniqueViolation")
}
