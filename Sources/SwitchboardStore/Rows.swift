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
    let role: String
    let passwordHash: String?
    let active: Int64
    let createdAt: Int64
    let updatedAt: Int64

    func user(teamIds: [Int64]) throws -> User {
        guard let role = Role(rawValue: role) else { throw StoreError.corrupt("role \(role)") }
        return User(
            id: id, email: email, name: name, jobTitle: jobTitle, locale: locale, role: role, active: active != 0,
            teamIds: teamIds, createdAt: Date(ms: createdAt), updatedAt: Date(ms: updatedAt))
    }
}

struct TicketRow: Decodable {
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
    let reopenCount: Int64
    let mergedIntoId: Int64?

    func ticket() throws -> Ticket {
        guard let status = TicketStatus(rawValue: status), let priority = TicketPriority(rawValue: priority),
            let type = TicketType(rawValue: type), let channel = ChannelKind(rawValue: channel)
        else { throw StoreError.corrupt("ticket \(id) enums") }
        return Ticket(
            id: id, number: number, subject: subject, status: status, priority: priority, type: type, channel: channel,
            requesterId: requesterId, organizationId: organizationId, assigneeId: assigneeId, teamId: teamId,
            tags: try decodeJSON([String].self, tags), customFields: try decodeJSON([String: CustomFieldValue].self, customFields),
            followerIds: try decodeJSON([Int64].self, followers), version: version, createdAt: Date(ms: createdAt),
            updatedAt: Date(ms: updatedAt), firstReplyAt: firstReplyAt.map(Date.init(ms:)), solvedAt: solvedAt.map(Date.init(ms:)),
            closedAt: closedAt.map(Date.init(ms:)), reopenCount: Int(reopenCount), mergedIntoId: mergedIntoId)
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

    func message() throws -> Message {
        guard let kind = AuthorKind(rawValue: authorKind), let visibility = MessageVisibility(rawValue: visibility),
            let channel = ChannelKind(rawValue: channel)
        else { throw StoreError.corrupt("message \(id) enums") }
        return Message(
            id: id, ticketId: ticketId, authorKind: kind, authorId: authorId, visibility: visibility, channel: channel,
            body: body, externalId: externalId, createdAt: Date(ms: createdAt))
    }
}

let rowDecoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
}

extension SQLQueryFetcher {
    func all<D: Decodable>(_ type: D.Type) async throws -> [D] {
        try await all(decoding: D.self, with: rowDecoder)
    }
    func first<D: Decodable>(_ type: D.Type) async throws -> D? {
        try await first(decoding: D.self, with: rowDecoder)
    }
}

/// Whether an error is a unique-constraint violation, on either database.
func isUniqueViolation(_ error: any Error) -> Bool {
    let text = String(reflecting: error)
    return text.contains("UNIQUE constraint failed") || text.contains("23505") || text.contains("unique_violation")
        || text.contains("uniqueViolation")
}
