import FluentKit
import SQLKit

/// One-time links for a forgotten password: only the SHA-256 of the link's secret is kept.
struct CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            """
            CREATE TABLE password_resets (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
              created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT)
            """
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE password_resets"])
    }
}
