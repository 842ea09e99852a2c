import FluentKit
import SQLKit

/// A counter every change to custom fields, SLA policies and business hours moves on. Each
/// writer keeps those definitions cached while the counter holds: unlike row counts and change
/// times, it cannot stay the same when servers' clocks disagree.
struct UpdateWorkspaceAddDefinitionsVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace ADD COLUMN definitions_version BIGINT NOT NULL DEFAULT 0"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace DROP COLUMN definitions_version"])
    }
}
