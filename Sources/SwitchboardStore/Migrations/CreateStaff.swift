import FluentKit
import SQLKit

/// Workspace, staff, teams, sessions, API tokens and the sign-in throttle.
struct CreateStaff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE workspace (id BIGINT PRIMARY KEY, name TEXT NOT NULL, next_ticket_number BIGINT NOT NULL,
              created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE users (id \(id), email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, job_title TEXT,
              locale TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT, active BIGINT NOT NULL DEFAULT 1,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE teams (id \(id), name TEXT NOT NULL UNIQUE, description TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE team_members (team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
              user_id BIGINT NOT NULL REFERENCES users(id), PRIMARY KEY (team_id, user_id))
            """,
            "CREATE INDEX team_members_user ON team_members (user_id)",
            """
            CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
              csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE api_tokens (id \(id), user_id BIGINT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
              token_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at BIGINT NOT NULL,
              last_used_at BIGINT, revoked_at BIGINT)
            """,
            "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
            """
            CREATE TABLE sign_in_failures (key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count BIGINT NOT NULL)
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(
            ["sign_in_failures", "api_tokens", "sessions", "team_members", "teams", "users", "workspace"]
                .map { "DROP TABLE \($0)" })
    }
}
