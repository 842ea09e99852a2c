import FluentKit
import SQLKit

/// SQLite: forgets the planner statistics that builds between f8cbfc5 and this one gathered on
/// their own (`PRAGMA optimize`, from the first second on). Taken while the tables were nearly
/// empty, they made SQLite delete an old FTS5 segment by reading the whole index table: as the
/// database filled, ticket creation fell from 3,800/s to 900/s within minutes. The server no
/// longer gathers statistics; the reads that need an index say which themselves.
struct RemovePlannerStatistics: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .sqlite else { return }
        let present = try await sql.raw("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'").first()
        if present != nil { try await sql.exec(["DELETE FROM sqlite_stat1"]) }
    }

    func revert(on database: any Database) async throws {}
}
