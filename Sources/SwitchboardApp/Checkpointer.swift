import Fluent
import Foundation
import SQLKit
import Vapor

/// Copies SQLite's write-ahead log into the database file in the background, once a second,
/// on a connection used for nothing else. The writer's own automatic checkpoints are off, so a
/// commit never waits for a checkpoint's disk sync.
///
/// A passive checkpoint copies the log without stopping anyone, but SQLite starts the log over
/// only when no reader still reads from it, which under steady reads and writes never happens:
/// the log grew to 42 GB while a million tickets were created. So once the log holds more than
/// `restartFrames` pages after a passive checkpoint, a restarting one waits (at most
/// `restartWait`) for the readers on it to finish, holding back new writes meanwhile (it has
/// only the pages written since the passive one to copy), and the next write starts the log over
/// from the beginning and cuts the file back to `sizeLimit` (the writer's `journal_size_limit`).
struct Checkpointer: LifecycleHandler {
    final class TaskBox: @unchecked Sendable {  // set in didBoot, read in shutdown, both on the main thread
        var task: Task<Void, Never>?
    }
    let box = TaskBox()
    static let databaseID = DatabaseID(string: "sqlite-checkpoint")
    /// About 64 MiB of 4 KiB pages.
    static let restartFrames = 16_384
    static let restartWait = 250  // milliseconds
    static let sizeLimit = 64 << 20  // bytes

    func didBootAsync(_ app: Application) async throws {
        let database = app.databases.database(Self.databaseID, logger: app.logger, on: app.eventLoopGroup.next())
        let logger = app.logger
        box.task = Task {
            guard let sql = database as? any SQLDatabase else { return }
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                do {
                    try await Self.checkpoint(sql)
                } catch {
                    logger.warning("WAL checkpoint failed: \(String(reflecting: error))")
                }
            }
        }
    }

    /// One round: a passive checkpoint, and a restarting one when the log has grown too long.
    /// Returns the pages the log holds after it.
    @discardableResult
    static func checkpoint(
        _ sql: any SQLDatabase, restartFrames: Int = Checkpointer.restartFrames, wait: Int = Checkpointer.restartWait
    ) async throws -> Int {
        // SQLiteNIO's busy handler retries at once, for ever: a restarting checkpoint would spin
        // until the last reader left. A timeout sleeps between tries and gives up.
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(wait))").run()
        let passive = try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").first(decodingColumn: "log", as: Int.self) ?? 0
        guard passive > restartFrames else { return passive }
        return try await sql.raw("PRAGMA wal_checkpoint(RESTART)").first(decodingColumn: "log", as: Int.self) ?? 0
    }

    func shutdownAsync(_ app: Application) async {
        box.task?.cancel()
        await box.task?.value
    }
}
