import FluentKit
import SQLKit

/// Files attached to messages. The bytes live in the file store under their SHA-256; a row
/// names the file for one message.
struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE attachments (id \(id), message_id BIGINT NOT NULL REFERENCES messages(id), ticket_id BIGINT NOT NULL REFERENCES tickets(id),
              filename TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX attachments_message ON attachments (message_id)",
            "CREATE INDEX attachments_ticket ON attachments (ticket_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE attachments"])
    }
}
