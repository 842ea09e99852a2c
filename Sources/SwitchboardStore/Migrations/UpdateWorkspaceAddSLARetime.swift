import FluentKit
import SQLKit

/// Where re-timing the open tickets stands after SLA policies or business hours changed: the
/// last ticket id done, 0 to start over, NULL when nothing is left to do.
struct UpdateWorkspaceAddSLARetime: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace ADD COLUMN sla_retime_from BIGINT"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE workspace DROP COLUMN sla_retime_from"])
    }
}
