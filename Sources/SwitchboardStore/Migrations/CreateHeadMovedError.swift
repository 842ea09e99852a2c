import FluentKit
import SQLKit

/// PostgreSQL only: a function that fails the statement calling it, for the writer's lockless
/// batches (see `Writer.pipeline`). Such a batch writes everything in one statement that also
/// moves the chain head on from the version it expects; when another writer moved the head
/// first, the statement calls this and nothing of it is written. `serialization_failure` is
/// the code PostgreSQL itself gives a transaction that must be run again.
struct CreateHeadMovedError: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            """
            CREATE FUNCTION switchboard_head_moved() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
              RAISE EXCEPTION 'the audit chain head moved since this batch read it' USING ERRCODE = 'serialization_failure';
            END
            $$
            """
        ])
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec(["DROP FUNCTION switchboard_head_moved()"])
    }
}
