import FluentKit
import SQLKit

/// Business-hours calendars, SLA policies, and each ticket's SLA: its clocks (JSON), the
/// earliest running due time (views sort and filter on it), the next time the job runner must
/// look at it, the support tier working it, and the teams of the higher tiers.
struct CreateServiceLevels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE business_calendars (id \(id), name TEXT NOT NULL UNIQUE, time_zone TEXT NOT NULL,
              week TEXT NOT NULL, holidays TEXT NOT NULL DEFAULT '[]', created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE sla_policies (id \(id), name TEXT NOT NULL UNIQUE, position BIGINT NOT NULL, active BIGINT NOT NULL,
              calendar_id BIGINT REFERENCES business_calendars(id), conditions TEXT NOT NULL, targets TEXT NOT NULL,
              pause_on TEXT NOT NULL DEFAULT '[]', escalations TEXT NOT NULL DEFAULT '[]',
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "ALTER TABLE tickets ADD COLUMN sla TEXT",
            "ALTER TABLE tickets ADD COLUMN sla_due_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN sla_check_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN escalation_level BIGINT NOT NULL DEFAULT 0",
            // The teams that take tickets escalated to tier 2 (senior agents) and tier 3 (support engineers).
            "ALTER TABLE workspace ADD COLUMN tier_teams TEXT NOT NULL DEFAULT '[]'",
            "CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL",
            "CREATE INDEX tickets_sla_check ON tickets (sla_check_at) WHERE sla_check_at IS NOT NULL",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "ALTER TABLE workspace DROP COLUMN tier_teams", "DROP INDEX tickets_sla_check", "DROP INDEX tickets_sla_due", "ALTER TABLE tickets DROP COLUMN escalation_level",
            "ALTER TABLE tickets DROP COLUMN sla_check_at", "ALTER TABLE tickets DROP COLUMN sla_due_at",
            "ALTER TABLE tickets DROP COLUMN sla", "DROP TABLE sla_policies", "DROP TABLE business_calendars",
        ])
    }
}
