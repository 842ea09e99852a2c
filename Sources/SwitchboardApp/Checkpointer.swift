import Fluent
import Foundation
import SQLKit
import Vapor

/// Copies SQLite's write-ahead log into the database file in the background, once a second,
/// from a reader connection. The writer's own automatic checkpoints are off, so a commit never
/// waits for a checkpoint's disk sync.
struct Checkpointer: LifecycleHandler {
    final class TaskBox: @unchecked Sendable {  // set in didBoot, read in shutdown, both on the main thread
        var task: Task<Void, Never>?
    }
    let box = TaskBox()
    /// An event loop other than the writer's, so the checkpoint uses the other connection.
    let loop: any EventLoop

    func didBootAsync(_ app: Application) async throws {
        let database = app.databases.database(logger: app.logger, on: loop)
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
