import FluentKit
import SQLKit

/// What each staff member turned off of the email notifications (a JSON list of kinds), and
/// the notifier's place in the event outbox (from now on, not history).
struct CreateNotificationSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            "CREATE TABLE notification_settings (user_id BIGINT PRIMARY KEY REFERENCES users(id), off TEXT NOT NULL DEFAULT '[]')",
            "INSERT INTO outbox_consumers (name, last_seq) SELECT 'notify', COALESCE(MAX(seq), 0) FROM outbox",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE notification_settings", "DELETE FROM outbox_consumers WHERE name = 'notify'"])
    }
}
