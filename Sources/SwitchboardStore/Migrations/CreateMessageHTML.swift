import FluentKit
import SQLKit

/// The HTML of messages that came with it (mail), kept as sent and sanitized when shown; and
/// the Content-ID of attachments, which that HTML refers to (`cid:`).
struct CreateMessageHTML: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            "CREATE TABLE message_html (message_id BIGINT PRIMARY KEY REFERENCES messages(id), html TEXT NOT NULL)",
            "ALTER TABLE attachments ADD COLUMN content_id TEXT",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE message_html", "ALTER TABLE attachments DROP COLUMN content_id"])
    }
}
