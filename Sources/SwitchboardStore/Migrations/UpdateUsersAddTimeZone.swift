import FluentKit
import SQLKit

/// Each user may pick the time zone pages show times in; none means the browser's own.
struct UpdateUsersAddTimeZone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE users ADD COLUMN time_zone TEXT"])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(["ALTER TABLE users DROP COLUMN time_zone"])
    }
}
