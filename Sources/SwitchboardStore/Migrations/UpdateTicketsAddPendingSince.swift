import FluentKit
import SQLKit

/// When a ticket last went pending, for time rules on hours since pending (the last update
/// time is not it: a note or a tag on a pending ticket moves that on).
struct UpdateTicketsAddPendingSince: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            "ALTER TABLE tickets ADD COLUMN pending_since BIGINT",
            "UPDATE tickets SET pending_since = updated_at WHERE status = 'pending'",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE tickets DROP COLUMN pending_since"])
    }
}
