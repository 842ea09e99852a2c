import FluentKit
import SQLKit

/// Ticket types an admin turned off (a JSON list): not offered for new tickets or changes.
struct UpdateWorkspaceAddInactiveTypes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace ADD COLUMN inactive_types TEXT NOT NULL DEFAULT '[]'"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace DROP COLUMN inactive_types"])
    }
}
