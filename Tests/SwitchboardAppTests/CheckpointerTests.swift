import Fluent
import Foundation
import SQLKit
import SwitchboardStore
import Testing

@testable import SwitchboardApp

/// SQLite's log starts over only when nobody reads from it; under steady reads a passive
/// checkpoint never gets there, and the log grew without end (42 GB for a million tickets).
@Suite struct CheckpointerTests {
    @Test(.enabled(if: !Harness.onPostgres), .timeLimit(.minutes(1)))
    func theLogStartsOverThoughSomeoneReadsFromIt() async throws {
        try await withHarness { h in
            let checkpoints = try #require(
                h.app.databases.database(Checkpointer.databaseID, logger: h.app.logger, on: h.app.eventLoopGroup.any()) as? any SQLDatabase)
            // How many pages one creation adds to the log, started over (nobody reads)
            try await Checkpointer.checkpoint(checkpoints, restartFrames: .max)
            _ = try await h.ticket("One", email: "one@example.com")
            let one = try await Checkpointer.checkpoint(checkpoints, restartFrames: .max)
            #expect(one > 0)

            // A creation the log holds and the database file not yet, and a reader holding a
            // snapshot on it for 100 ms
            _ = try await h.ticket("Two", email: "two@example.com")
            let (started, start) = AsyncStream<Void>.makeStream()
            let reader = Task {
                try await h.app.db.withConnection { connection in
                    let sql = connection as! any SQLDatabase
                    try await sql.raw("BEGIN").run()
                    _ = try await sql.raw("SELECT COUNT(*) AS n FROM tickets").first()
                    start.yield()
                    try await Task.sleep(for: .milliseconds(100))
                    try await sql.raw("COMMIT").run()
                }
            }
            for await _ in started { break }
            // The restart waits for it, so the next creation starts the log over: it holds that
            // one creation's pages, not both
            // (waiting longer than a server does: parallel tests can hold the reader up)
            try await Checkpointer.checkpoint(checkpoints, restartFrames: 1, wait: 10_000)
            _ = try await h.ticket("Three", email: "three@example.com")
            try await reader.value
            let after = try await Checkpointer.checkpoint(checkpoints, restartFrames: .max)
            #expect(after < one * 3 / 2, "the log holds \(after) pages, one creation \(one)")
        }
    }

    /// Statistics gathered while the tables were nearly empty are forgotten by the migration.
    @Test(.enabled(if: !Harness.onPostgres)) func plannerStatisticsAreForgotten() async throws {
        try await withHarness { h in
            _ = try await h.ticket()
            let database = h.app.db
            let sql = try #require(database as? any SQLDatabase)
            try await sql.raw("ANALYZE").run()
            let count = { try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_stat1").first(decodingColumn: "n", as: Int.self) ?? 0 }
            #expect(try await count() > 0)
            let migration = try #require(Store.migrations.first { "\(type(of: $0))" == "RemovePlannerStatistics" } as? any AsyncMigration)
            try await migration.prepare(on: database)
            #expect(try await count() == 0)
        }
    }
}
