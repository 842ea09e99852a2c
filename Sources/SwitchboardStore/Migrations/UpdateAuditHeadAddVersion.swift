import FluentKit
import SQLKit

/// The chain head counts its writes (`version`), and on PostgreSQL a function fails the
/// statement calling it, saying why: both for the writer's lockless batches (see
/// `Writer.pipeline`). Such a batch writes everything in one statement that moves the head on
/// only from the version and hash it expects, which it knows before the batch ahead of it has
/// committed; when another writer moved the head first (or a row it expects to find as it
/// read it changed), the statement calls the function and nothing of it is written.
/// `serialization_failure` is the code PostgreSQL itself gives a transaction that must be run
/// again.
struct UpdateAuditHeadAddVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.exec(["ALTER TABLE audit_head ADD COLUMN version BIGINT NOT NULL DEFAULT 0"])
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            """
            CREATE FUNCTION switchboard_refuse(reason text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
              RAISE EXCEPTION '%', reason USING ERRCODE = 'serialization_failure';
            END
            $$
            """
        ])
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        if Dialect(sql) == .postgres { try await sql.exec(["DROP FUNCTION switchboard_refuse(text)"]) }
        try await sql.exec(["ALTER TABLE audit_head DROP COLUMN version"])
    }
}
