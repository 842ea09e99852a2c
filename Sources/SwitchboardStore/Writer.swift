import FluentKit
import Foundation
import SQLKit

/// Runs every write of this instance through one queue and commits concurrent writes together
/// (group commit): one transaction per batch, one savepoint per write, so a failing write is
/// rolled back alone while the others in its batch commit.
///
/// Each batch locks the audit chain head first; on PostgreSQL that also orders writers of
/// several instances, so outbox sequence order is commit order.
actor Writer {
    private struct Job {
        /// Runs inside the batch; returns what to do once the batch committed.
        let run: @Sendable (WriteContext) async -> Result<@Sendable () -> Void, any Error>
        /// Called instead when the batch itself failed to commit.
        let fail: @Sendable (any Error) -> Void
    }

    private let connection: WriterConnection
    private let clock: @Sendable () -> Date
    private let maxBatch: Int
    private var queue: [Job] = []
    private var draining = false

    init(connection: WriterConnection, clock: @escaping @Sendable () -> Date, maxBatch: Int = 128) {
        self.connection = connection
        self.clock = clock
        self.maxBatch = maxBatch
    }

    /// Runs `body` in a write transaction (shared with other concurrent writes) and returns its
    /// result after the transaction committed.
    func perform<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { context in
                    do {
                        let value = try await body(context)
                        return .success({ continuation.resume(returning: value) })
                    } catch {
                        return .failure(error)
                    }
                },
                fail: { error in continuation.resume(throwing: error) }
            )
            queue.append(job)
            if !draining {
                draining = true
                // High priority: every waiting request depends on this one serial task, so it
                // goes ahead of request handlers queued on the shared thread pool.
                Task(priority: .high) { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [Job]) async {
        let clock = self.clock
        do {
            let outcomes = try await connection.transaction { sql -> [Result<@Sendable () -> Void, any Error>] in
                let context = try await WriteContext.begin(sql: sql, now: clock())
                var outcomes: [Result<@Sendable () -> Void, any Error>] = []
                // A batch of one needs no savepoint: its failure rolls back the transaction.
                let isolate = batch.count > 1
                for job in batch {
                    if isolate { try await sql.exec(["SAVEPOINT sb_write"]) }
                    let mark = context.mark()
                    context.now = clock()
                    let outcome = await job.run(context)
                    if case .failure(let error) = outcome {
                        guard isolate else { throw error }
                        try await sql.exec(["ROLLBACK TO SAVEPOINT sb_write"])
                        context.reset(to: mark)
                    }
                    if isolate { try await sql.exec(["RELEASE SAVEPOINT sb_write"]) }
                    outcomes.append(outcome)
                }
                try await context.finish()
                return outcomes
            }
            for (job, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let resume): resume()
                case .failure(let error): job.fail(error)
                }
            }
        } catch {
            for job in batch { job.fail(error) }
        }
    }
}

/// The connection the writer's transactions run on.
enum WriterConnection: Sendable {
    /// A connection of Fluent's (PostgreSQL, and SQLite's stand-in for in-memory databases).
    case fluent(any Database)
    /// The writer's own SQLite connection, which runs statements on the writer's thread.
    case sqlite(SQLiteWriteConnection)

    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch self {
        case .fluent(let database):
            return try await database.transaction { try await body($0.sql()) }
        case .sqlite(let connection):
            // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
            try await connection.exec(["BEGIN IMMEDIATE"])
            do {
                let value = try await body(connection)
                try await connection.exec(["COMMIT"])
                return value
            } catch {
                try? await connection.exec(["ROLLBACK"])
                throw error
            }
        }
    }
}
