import Foundation
import SQLKit
import SwitchboardCore

/// A file on a message; its bytes are in the file store under `sha256`.
public struct Attachment: Sendable, Equatable {
    public var id: Int64
    public var messageId: Int64
    public var ticketId: Int64
    public var filename: String
    public var contentType: String
    public var size: Int64
    public var sha256: String
    /// The Content-ID an HTML body refers to it by (`cid:`), for inline images of mail.
    public var contentId: String?
    public var createdAt: Date
}

/// A file already stored, to be attached to a message.
public struct StoredFile: Sendable {
    public var filename: String
    public var contentType: String
    public var size: Int64
    public var sha256: String
    public var contentId: String?

    public init(filename: String, contentType: String, size: Int64, sha256: String, contentId: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.contentId = contentId
    }
}

extension WriteContext {
    /// Keeps the HTML a message came with (shown sanitized, in a sandboxed frame).
    public func setMessageHTML(_ html: String, messageId: Int64) async throws {
        try await sql.raw("INSERT INTO message_html (message_id, html) VALUES (\(bind: messageId), \(bind: html))").run()
    }

    /// Attaches stored files to a message (in the message's transaction).
    public func attach(_ files: [StoredFile], to message: Message) async throws {
        for file in files {
            try await sql.raw(
                """
                INSERT INTO attachments (message_id, ticket_id, filename, content_type, size, sha256, content_id, created_at)
                VALUES (\(bind: message.id), \(bind: message.ticketId), \(bind: file.filename), \(bind: file.contentType), \(bind: file.size),
                  \(bind: file.sha256), \(bind: file.contentId), \(bind: now.ms))
                """
            ).run()
        }
    }
}

extension ReadContext {
    /// The attachments of a ticket's messages, by message id.
    public func attachments(ticketId: Int64) async throws -> [Int64: [Attachment]] {
        var out: [Int64: [Attachment]] = [:]
        for row in try await sql.raw("SELECT * FROM attachments WHERE ticket_id = \(bind: ticketId) ORDER BY id").all() {
            let a = try attachment(row)
            out[a.messageId, default: []].append(a)
        }
        return out
    }

    /// Which of these messages came with HTML.
    public func messagesWithHTML(ticketId: Int64) async throws -> Set<Int64> {
        Set(try await sql.raw(
            "SELECT h.message_id FROM message_html h JOIN messages m ON m.id = h.message_id WHERE m.ticket_id = \(bind: ticketId)"
        ).all(decodingColumn: "message_id", as: Int64.self))
    }

    public func messageHTML(messageId: Int64) async throws -> String? {
        try await sql.raw("SELECT html FROM message_html WHERE message_id = \(bind: messageId)").first(decodingColumn: "html", as: String.self)
    }

    public func attachment(id: Int64) async throws -> Attachment? {
        try await sql.raw("SELECT * FROM attachments WHERE id = \(bind: id)").first().map(attachment)
    }

    private func attachment(_ row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.decode(column: "id", as: Int64.self), messageId: try row.decode(column: "message_id", as: Int64.self),
            ticketId: try row.decode(column: "ticket_id", as: Int64.self), filename: try row.decode(column: "filename", as: String.self),
            contentType: try row.decode(column: "content_type", as: String.self), size: try row.decode(column: "size", as: Int64.self),
            sha256: try row.decode(column: "sha256", as: String.self), contentId: try row.decode(column: "content_id", as: String?.self),
            createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)))
    }
}
