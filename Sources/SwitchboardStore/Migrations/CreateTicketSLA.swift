import FluentKit
import SQLKit

/// Each ticket's SLA clocks move out of `tickets` into `ticket_sla`: the clocks (JSON), the
/// earliest running due time (views sort and filter on it) and the next time the job runner
/// must look. Re-timing the open tickets after a policy change rewrites every one's clocks; as
/// columns of `tickets` that wrote a new version of the whole wide row and an entry in each of
/// its indexes (2.65 s for 100,000 tickets on PostgreSQL), here it is a narrow row with three
/// (0.56 s). A ticket that never had an SLA has no row. `version` counts the row's writes, so
/// that a re-time can tell the clocks it judged are still the clocks stored.
struct CreateTicketSLA: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        // On SQLite an INTEGER PRIMARY KEY is the row id itself: no second index.
        let key = Dialect(sql) == .postgres ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY"
        try await sql.exec([
            """
            CREATE TABLE ticket_sla (ticket_id \(key) REFERENCES tickets(id), sla TEXT NOT NULL,
              sla_due_at BIGINT, sla_check_at BIGINT, version BIGINT NOT NULL DEFAULT 1)
            """,
            """
            INSERT INTO ticket_sla (ticket_id, sla, sla_due_at, sla_check_at)
            SELECT id, sla, sla_due_at, sla_check_at FROM tickets WHERE sla IS NOT NULL
            """,
            "CREATE INDEX ticket_sla_due ON ticket_sla (sla_due_at, ticket_id) WHERE sla_due_at IS NOT NULL",
            "CREATE INDEX ticket_sla_check ON ticket_sla (sla_check_at) WHERE sla_check_at IS NOT NULL",
            "DROP INDEX tickets_sla_check", "DROP INDEX tickets_sla_due",
            "ALTER TABLE tickets DROP COLUMN sla_check_at", "ALTER TABLE tickets DROP COLUMN sla_due_at", "ALTER TABLE tickets DROP COLUMN sla",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "ALTER TABLE tickets ADD COLUMN sla TEXT", "ALTER TABLE tickets ADD COLUMN sla_due_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN sla_check_at BIGINT",
            """
            UPDATE tickets SET sla = s.sla, sla_due_at = s.sla_due_at, sla_check_at = s.sla_check_at
            FROM ticket_sla AS s WHERE s.ticket_id = tickets.id
            """,
            "CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL",
            "CREATE INDEX tickets_sla_check ON tickets (sla_check_at) WHERE sla_check_at IS NOT NULL",
            "DROP TABLE ticket_sla",
        ])
    }
}
