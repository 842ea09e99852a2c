import Fluent
import Foundation
import SQLKit
import Vapor

/// Copies SQLite's write-ahead log into the database file in the background, once a second,
/// on a connection used for nothing else. The writer's own automatic checkpoints are off, so a commit never
/// waits for a checkpoint's disk sync.
struct Checkpointer: LifecycleHandler {
    final class TaskBox: @unchecked Sendable {  // set in didBoot, read in shutdown, both on the main thread
        var task: Task<Void, Never>?
    }
    let box = TaskBox()
    static let databaseID = DatabaseID(string: "sqlite-checkpoint")

    func didBootAsync(_ app: Application) async throws {
        let database = app.databases.database(Self.databaseID, logger: app.logger, on: app.eventLoopGroup.next())
        let logger = app.logger
        box.task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let sql = database as? any SQLDatabase else { return }
                do {
                    try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                } catch {
                    logger.warning("WAL checkpoint failed: \(String(reflecting: error))")
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        box.task?.cancel()
        await box.task?.value
    }
}
