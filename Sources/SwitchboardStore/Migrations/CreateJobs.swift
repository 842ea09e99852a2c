import FluentKit
import SQLKit

/// Background jobs (sending mail, later webhooks and time rules): claimed with a lease, so a
/// crashed worker's job runs again; retried with backoff; kept when done for the record.
struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.exec([
            """
            CREATE TABLE jobs (id \(Dialect(sql).identity), kind TEXT NOT NULL, payload TEXT NOT NULL, run_at BIGINT NOT NULL,
              attempts BIGINT NOT NULL DEFAULT 0, last_error TEXT, locked_until BIGINT, done_at BIGINT, failed_at BIGINT,
              created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX jobs_due ON jobs (run_at, id) WHERE done_at IS NULL AND failed_at IS NULL",
            // Outbound mail acts on replies from now on, whether or not a worker runs yet.
            "INSERT INTO outbox_consumers (name, last_seq) SELECT 'mail', COALESCE(MAX(seq), 0) FROM outbox",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["DROP TABLE jobs"])
    }
}
