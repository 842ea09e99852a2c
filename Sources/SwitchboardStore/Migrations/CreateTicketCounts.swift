import FluentKit
import SQLKit

/// How many tickets there are per status, assignee and team, kept by triggers on `tickets`, so
/// the inbox can show the count of every view without counting a million rows. `0` stands for
/// "none" in the assignee and team columns.
struct CreateTicketCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.exec([
            """
            CREATE TABLE ticket_counts (status TEXT NOT NULL, assignee_id BIGINT NOT NULL, team_id BIGINT NOT NULL, n BIGINT NOT NULL,
              PRIMARY KEY (status, assignee_id, team_id))
            """,
            """
            INSERT INTO ticket_counts (status, assignee_id, team_id, n)
            SELECT status, COALESCE(assignee_id, 0), COALESCE(team_id, 0), COUNT(*) FROM tickets
            GROUP BY status, COALESCE(assignee_id, 0), COALESCE(team_id, 0)
            """,
        ])
        switch Dialect(sql) {
        case .sqlite:
            let add = { (row: String) in
                """
                INSERT INTO ticket_counts (status, assignee_id, team_id, n) VALUES (\(row).status, COALESCE(\(row).assignee_id, 0), COALESCE(\(row).team_id, 0), 1)
                  ON CONFLICT (status, assignee_id, team_id) DO UPDATE SET n = n + 1;
                """
            }
            let remove = { (row: String) in
                "UPDATE ticket_counts SET n = n - 1 WHERE status = \(row).status AND assignee_id = COALESCE(\(row).assignee_id, 0) AND team_id = COALESCE(\(row).team_id, 0);"
            }
            try await sql.exec([
                "CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets BEGIN \(add("NEW")) END",
                "CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets BEGIN \(remove("OLD")) END",
                """
                CREATE TRIGGER ticket_counts_update AFTER UPDATE OF status, assignee_id, team_id ON tickets
                WHEN OLD.status IS NOT NEW.status OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.team_id IS NOT NEW.team_id
                BEGIN \(remove("OLD")) \(add("NEW")) END
                """,
            ])
        case .postgres:
            try await sql.exec([
                """
                CREATE FUNCTION ticket_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE ticket_counts SET n = n - 1
                    WHERE status = OLD.status AND assignee_id = COALESCE(OLD.assignee_id, 0) AND team_id = COALESCE(OLD.team_id, 0);
                  END IF;
                  IF TG_OP IN ('UPDATE', 'INSERT') THEN
                    INSERT INTO ticket_counts (status, assignee_id, team_id, n)
                    VALUES (NEW.status, COALESCE(NEW.assignee_id, 0), COALESCE(NEW.team_id, 0), 1)
                    ON CONFLICT (status, assignee_id, team_id) DO UPDATE SET n = ticket_counts.n + 1;
                  END IF;
                  RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER ticket_counts_insert AFTER INSERT OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION ticket_counts_change()",
                """
                CREATE TRIGGER ticket_counts_update AFTER UPDATE OF status, assignee_id, team_id ON tickets FOR EACH ROW
                WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                      OR OLD.team_id IS DISTINCT FROM NEW.team_id)
                EXECUTE FUNCTION ticket_counts_change()
                """,
            ])
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        switch Dialect(sql) {
        case .sqlite:
            try await sql.exec([
                "DROP TRIGGER ticket_counts_insert", "DROP TRIGGER ticket_counts_delete", "DROP TRIGGER ticket_counts_update", "DROP TABLE ticket_counts",
            ])
        case .postgres:
            try await sql.exec([
                "DROP TRIGGER ticket_counts_insert ON tickets", "DROP TRIGGER ticket_counts_update ON tickets",
                "DROP FUNCTION ticket_counts_change()", "DROP TABLE ticket_counts",
            ])
        }
    }
}
