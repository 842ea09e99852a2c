import Foundation
import SQLKit
import SwitchboardCore

/// What side-conversation events carry: the conversation with only its newest message, and
/// enough of the ticket to tell people about it.
struct SideConversationPayload: Encodable {
    let conversation: SideConversation
    let ticket: TicketRef
}

extension ReadContext {
    /// A ticket's side conversations with their messages, oldest first.
    public func sideConversations(ticketId: Int64) async throws -> [SideConversation] {
        let rows = try await sql.raw("SELECT * FROM side_conversations WHERE ticket_id = \(bind: ticketId) ORDER BY id").all()
        var conversations = try rows.map(sideConversation(from:))
        guard !conversations.isEmpty else { return [] }
        let entries = try await sql.raw(
            """
            SELECT m.* FROM side_conversation_messages m JOIN side_conversations c ON c.id = m.conversation_id
            WHERE c.ticket_id = \(bind: ticketId) ORDER BY m.id
            """
        ).all()
        for row in entries {
            let conversationId = try row.decode(column: "conversation_id", as: Int64.self)
            guard let i = conversations.firstIndex(where: { $0.id == conversationId }) else { continue }
            conversations[i].entries.append(try entry(from: row))
        }
        return conversations
    }

    /// One side conversation with its messages.
    public func sideConversation(id: Int64) async throws -> SideConversation? {
        guard let row = try await sql.raw("SELECT ticket_id FROM side_conversations WHERE id = \(bind: id)").first() else { return nil }
        return try await sideConversations(ticketId: try row.decode(column: "ticket_id", as: Int64.self)).first { $0.id == id }
    }

    private func sideConversation(from row: any SQLRow) throws -> SideConversation {
        guard let status = SideConversation.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw StoreError.corrupt("side conversation status")
        }
        return SideConversation(
            id: try row.decode(column: "id", as: Int64.self), ticketId: try row.decode(column: "ticket_id", as: Int64.self),
            subject: try row.decode(column: "subject", as: String.self), status: status,
            memberIds: try decodeIdList(try row.decode(column: "members", as: String.self)),
            createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)), updatedAt: Date(ms: try row.decode(column: "updated_at", as: Int64.self)))
    }

    private func entry(from row: any SQLRow) throws -> SideConversation.Entry {
        SideConversation.Entry(
            id: try row.decode(column: "id", as: Int64.self), authorId: try row.decode(column: "author_id", as: Int64?.self),
            body: try row.decode(column: "body", as: String.self), createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)))
    }
}

extension WriteContext {
    /// Starts a side conversation on a ticket: a subject, the colleagues asked (active staff,
    /// at least one besides the one asking) and the first message. Each of them is told.
    public func startSideConversation(
        ticketId: Int64, subject rawSubject: String, memberIds: [Int64], body rawBody: String, actor: Actor
    ) async throws -> SideConversation {
        guard let ticket = try await reader.ticket(id: ticketId) else { throw DomainError.notFound("ticket") }
        guard ticket.status != .closed else { throw DomainError.invalidTransition(field: "ticket", "a closed ticket takes no new side conversations") }
        let subject = try validatedText(rawSubject, field: "subject", max: Limits.subject) ?? ""
        let body = try validatedText(rawBody, field: "body", max: Limits.body) ?? ""
        var members = actor.id.map { [$0] } ?? []
        for id in memberIds where !members.contains(id) {
            guard let user = try await reader.user(id: id), user.active else {
                throw DomainError.invalid(field: "member_ids", "user \(id) does not exist or is inactive")
            }
            members.append(id)
        }
        guard members.contains(where: { $0 != actor.id }) else {
            throw DomainError.invalid(field: "member_ids", "name at least one colleague to ask")
        }
        guard let id = try await sql.raw(
            """
            INSERT INTO side_conversations (ticket_id, subject, status, members, created_at, updated_at)
            VALUES (\(bind: ticketId), \(bind: subject), 'open', \(bind: encodeJSON(members)), \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        var conversation = SideConversation(id: id, ticketId: ticketId, subject: subject, memberIds: members, createdAt: now)
        conversation.entries = [try await insertEntry(conversationId: id, body: body, actor: actor)]
        try await record(
            .sideConversationStarted, entityId: ticketId, actor: actor, after: JSONText(conversation),
            payload: JSONText(SideConversationPayload(conversation: conversation, ticket: TicketRef(ticket))))
        return conversation
    }

    /// Adds a message to an open side conversation; whoever writes joins it.
    public func replySideConversation(id: Int64, body rawBody: String, actor: Actor) async throws -> SideConversation {
        guard var conversation = try await reader.sideConversation(id: id) else { throw DomainError.notFound("side conversation") }
        guard conversation.status == .open else {
            throw DomainError.invalidTransition(field: "status", "the side conversation is closed; open it again to write")
        }
        let body = try validatedText(rawBody, field: "body", max: Limits.body) ?? ""
        if let author = actor.id, !conversation.memberIds.contains(author) { conversation.memberIds.append(author) }
        let entry = try await insertEntry(conversationId: id, body: body, actor: actor)
        conversation.updatedAt = now
        try await sql.raw(
            "UPDATE side_conversations SET members = \(bind: encodeJSON(conversation.memberIds)), updated_at = \(bind: now.ms) WHERE id = \(bind: id)"
        ).run()
        conversation.entries.append(entry)
        var newest = conversation
        newest.entries = [entry]
        let ticket = try await reader.ticket(id: conversation.ticketId)
        try await record(
            .sideConversationReplied, entityId: conversation.ticketId, actor: actor, after: JSONText(newest),
            payload: ticket.map { JSONText(SideConversationPayload(conversation: newest, ticket: TicketRef($0))) })
        return conversation
    }

    /// Closes a side conversation, or opens it again.
    public func setSideConversationStatus(id: Int64, _ status: SideConversation.Status, actor: Actor) async throws -> SideConversation {
        guard var conversation = try await reader.sideConversation(id: id) else { throw DomainError.notFound("side conversation") }
        guard conversation.status != status else { return conversation }
        let before = JSONText(JSONValue.object(["id": .int(id), "status": .string(conversation.status.rawValue)]))
        conversation.status = status
        conversation.updatedAt = now
        try await sql.raw("UPDATE side_conversations SET status = \(bind: status.rawValue), updated_at = \(bind: now.ms) WHERE id = \(bind: id)").run()
        try await record(
            .sideConversationUpdated, entityId: conversation.ticketId, actor: actor, before: before,
            after: JSONText(JSONValue.object(["id": .int(id), "subject": .string(conversation.subject), "status": .string(status.rawValue)])))
        return conversation
    }

    private func insertEntry(conversationId: Int64, body: String, actor: Actor) async throws -> SideConversation.Entry {
        guard let id = try await sql.raw(
            """
            INSERT INTO side_conversation_messages (conversation_id, author_id, body, created_at)
            VALUES (\(bind: conversationId), \(bind: actor.id), \(bind: body), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        return SideConversation.Entry(id: id, authorId: actor.id, body: body, createdAt: now)
    }
}
