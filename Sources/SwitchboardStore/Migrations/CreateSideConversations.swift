import FluentKit
import SQLKit

/// Side conversations beside tickets: a subject, the staff taking part, and their messages.
struct CreateSideConversations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE side_conversations (id \(id), ticket_id BIGINT NOT NULL REFERENCES tickets(id), subject TEXT NOT NULL,
              status TEXT NOT NULL, members TEXT NOT NULL DEFAULT '[]', created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX side_conversations_ticket ON side_conversations (ticket_id, id)",
            """
            CREATE TABLE side_conversation_messages (id \(id), conversation_id BIGINT NOT NULL REFERENCES side_conversations(id),
              author_id BIGINT REFERENCES users(id), body TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX side_conversation_messages_conversation ON side_conversation_messages (conversation_id, id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE side_conversation_messages", "DROP TABLE side_conversations"])
    }
}
