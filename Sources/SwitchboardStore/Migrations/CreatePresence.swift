import FluentKit
import SQLKit

/// Who has a ticket open, and whether they are typing: the collision warning on the ticket
/// page. A row per agent and ticket, refreshed while the page is open; not audited.
struct CreatePresence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            """
            CREATE TABLE ticket_presence (ticket_id BIGINT NOT NULL, user_id BIGINT NOT NULL, typing INTEGER NOT NULL,
              seen_at BIGINT NOT NULL, PRIMARY KEY (ticket_id, user_id))
            """,
            "CREATE INDEX ticket_presence_seen ON ticket_presence (seen_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE ticket_presence"])
    }
}
