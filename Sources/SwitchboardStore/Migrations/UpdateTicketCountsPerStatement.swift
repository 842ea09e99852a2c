import FluentKit
import SQLKit

/// PostgreSQL: new tickets are counted once per statement instead of once per row. The row
/// trigger rewrote the same few `ticket_counts` rows for every ticket of a bulk insert (a
/// plpgsql call and an upsert each, and a dead row version each); the statement trigger adds
/// each group's count in one upsert. Deletes and updates keep the row trigger. SQLite's
/// triggers stay as they are.
struct UpdateTicketCountsPerStatement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            "DROP TRIGGER ticket_counts_insert ON tickets",
            "CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION ticket_counts_change()",
            """
            CREATE FUNCTION ticket_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO ticket_counts (status, assignee_id, team_id, n)
              SELECT status, COALESCE(assignee_id, 0), COALESCE(team_id, 0), COUNT(*) FROM inserted GROUP BY 1, 2, 3
              ON CONFLICT (status, assignee_id, team_id) DO UPDATE SET n = ticket_counts.n + EXCLUDED.n;
              RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER ticket_counts_inserted AFTER INSERT ON tickets REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_inserted()
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            "DROP TRIGGER ticket_counts_inserted ON tickets",
            "DROP FUNCTION ticket_counts_inserted()",
            "DROP TRIGGER ticket_counts_delete ON tickets",
            "CREATE TRIGGER ticket_counts_insert AFTER INSERT OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION ticket_counts_change()",
        ])
    }
}
