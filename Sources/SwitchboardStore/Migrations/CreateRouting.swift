import FluentKit
import SQLKit

/// Routing: each team's assignment strategy, whether it takes tickets back from agents who go
/// offline, and its round-robin cursor; each agent's availability and capacity; skills with
/// the rules that say which tickets need them, and the levels agents hold.
struct CreateRouting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            "ALTER TABLE teams ADD COLUMN assignment TEXT NOT NULL DEFAULT 'manual'",
            "ALTER TABLE teams ADD COLUMN reassign_offline BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE teams ADD COLUMN rr_cursor BIGINT",
            "ALTER TABLE users ADD COLUMN availability TEXT NOT NULL DEFAULT 'offline'",
            "ALTER TABLE users ADD COLUMN capacity BIGINT",
            """
            CREATE TABLE skills (id \(id), name TEXT NOT NULL UNIQUE, rules TEXT NOT NULL DEFAULT '[]', min_level BIGINT NOT NULL DEFAULT 1,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE user_skills (user_id BIGINT NOT NULL REFERENCES users(id), skill_id BIGINT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
              level BIGINT NOT NULL, PRIMARY KEY (user_id, skill_id))
            """,
            // Waiting tickets of a team, oldest first: what the router reads every second.
            "CREATE INDEX tickets_unassigned_team ON tickets (team_id, id) WHERE assignee_id IS NULL",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "DROP INDEX tickets_unassigned_team", "DROP TABLE user_skills", "DROP TABLE skills", "ALTER TABLE users DROP COLUMN capacity",
            "ALTER TABLE users DROP COLUMN availability", "ALTER TABLE teams DROP COLUMN rr_cursor",
            "ALTER TABLE teams DROP COLUMN reassign_offline", "ALTER TABLE teams DROP COLUMN assignment",
        ])
    }
}
