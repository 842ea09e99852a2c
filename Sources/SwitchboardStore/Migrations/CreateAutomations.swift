import FluentKit
import SQLKit

/// Automation rules (triggers and time rules) and the automations consumer's place in the
/// event outbox (from now on, not history); macros with their replies per language and how
/// often each was used.
struct CreateAutomations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE automations (id \(id), name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, active BIGINT NOT NULL, position BIGINT NOT NULL,
              events TEXT NOT NULL DEFAULT '[]', conditions_all TEXT NOT NULL DEFAULT '[]', conditions_any TEXT NOT NULL DEFAULT '[]',
              actions TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "INSERT INTO outbox_consumers (name, last_seq) SELECT 'automations', COALESCE(MAX(seq), 0) FROM outbox",
            """
            CREATE TABLE macros (id \(id), name TEXT NOT NULL, owner_id BIGINT REFERENCES users(id), team_id BIGINT REFERENCES teams(id),
              actions TEXT NOT NULL DEFAULT '[]', replies TEXT NOT NULL DEFAULT '{}', usage_count BIGINT NOT NULL DEFAULT 0,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "DROP TABLE macros", "DELETE FROM outbox_consumers WHERE name = 'automations'", "DROP TABLE automations",
        ])
    }
}
