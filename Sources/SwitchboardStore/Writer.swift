import FluentKit
import PostgresKit
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
        /// A read the job wants answered with the batch's first statement (see `WriteContext.begin`).
        let prefetch: SQLQueryString?
    }

    private let connection: WriterConnection
    private let clock: @Sendable () -> Date
    private let maxBatch: Int
    private var queue: [Job] = []
    private var draining = false
    private let fieldCache = WriterCache()

    init(connection: WriterConnection, clock: @escaping @Sendable () -> Date, maxBatch: Int = 128) {
        self.connection = connection
        self.clock = clock
        self.maxBatch = maxBatch
    }

    /// Runs `body` in a write transaction (shared with other concurrent writes) and returns its
    /// result after the transaction committed.
    /// `prefetch` is built only where it is used (PostgreSQL; see `WriteContext.begin`).
    func perform<T: Sendable>(
        prefetch: @autoclosure () -> SQLQueryString? = nil, _ body: @escaping @Sendable (WriteContext) async throws -> T
    ) async throws -> T {
        let prefetch = connection.prefetches ? prefetch() : nil
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { context in
                    do {
                        let value = try await body(context)
                        return .success({ continuation.resume(returning: value) })
                    } catch {
                        return .failure(error)
                    }
                },
                fail: { error in continuation.resume(throwing: error) },
                prefetch: prefetch
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
        let fieldCache = self.fieldCache
        do {
            let outcomes = try await connection.transaction { session -> [Result<@Sendable () -> Void, any Error>] in
                let sql = session.sql
                let context = try await WriteContext.begin(sql: sql, now: clock(), fieldCache: fieldCache, prefetch: batch.first?.prefetch)
                try await session.started()
                var outcomes: [Result<@Sendable () -> Void, any Error>] = []
                // A batch of one needs no savepoint: its failure rolls back the transaction.
                let isolate = batch.count > 1
                for (n, job) in batch.enumerated() {
                    if isolate { try await sql.exec(["SAVEPOINT sb_write"]) }
                    let mark = context.mark()
                    context.now = clock()
                    var outcome = await job.run(context)
                    context.prefetched = nil  // the first job's only
                    if case .success = outcome, n < batch.count - 1 {
                        // Writes held back go out before the next write can look for them.
                        do { try await context.flushDeferred() } catch { outcome = .failure(error) }
                    }
                    if case .failure(let error) = outcome {
                        guard isolate else { throw error }
                        try await sql.exec(["ROLLBACK TO SAVEPOINT sb_write"])
                        context.reset(to: mark)
                    }
                    if isolate { try await sql.exec(["RELEASE SAVEPOINT sb_write"]) }
                    outcomes.append(outcome)
                }
                try await context.finish(commit: session.commit)
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
    /// A connection of Fluent's (SQLite's stand-in for in-memory databases).
    case fluent(any Database)
    /// The writer's own SQLite connection, which runs statements on the writer's thread.
    case sqlite(SQLiteWriteConnection)
    /// A PostgreSQL connection from Fluent's pool, driven directly so that `BEGIN` and
    /// `COMMIT` travel with the batch's first and last statements.
    case postgres(any PostgresDatabase)

    /// Whether a batch's first statement can carry a job's prefetch.
    var prefetches: Bool {
        if case .postgres = self { return true }
        return false
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (WriteSession) async throws -> T) async throws -> T {
        switch self {
        case .fluent(let database):
            return try await database.transaction { db in
                let sql = try db.sql()
                return try await body(WriteSession(sql: sql, started: {}, commit: { last in try await sql.run(last) }))
            }
        case .sqlite(let connection):
            // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
            try await connection.exec(["BEGIN IMMEDIATE"])
            do {
                return try await body(
                    WriteSession(
                        sql: connection, started: {},
                        commit: { last in
                            try await connection.run(last)
                            try await connection.exec(["COMMIT"])
                        }))
            } catch {
                try? await connection.exec(["ROLLBACK"])
                throw error
            }
        case .postgres(let database):
            return try await database.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    let sql = connection.sql()
                    // Sent now, answered while the batch's first statement is on its way.
                    let begin = connection.simpleQuery("BEGIN")
                    do {
                        return try await body(
                            WriteSession(
                                sql: sql, started: { _ = try await begin.get() },
                                commit: { last in
                                    // The last statement and COMMIT go out back to back. Should the
                                    // statement fail, the server answers COMMIT with a rollback.
                                    let written = last.map { sql.execute(sql: $0) { _ in } }
                                    let committed = connection.simpleQuery("COMMIT")
                                    try await written?.get()
                                    _ = try await committed.get()
                                }))
                    } catch {
                        _ = try? await connection.simpleQuery("ROLLBACK").get()
                        throw error
                    }
                }
            }.get()
        }
    }
}

/// What the writer's transaction offers a batch.
struct WriteSession: Sendable {
    let sql: any SQLDatabase
    /// Waits until the transaction has begun; called before the first write.
    let started: @Sendable () async throws -> Void
    /// Runs the batch's last statement, if any, and commits.
    let commit: @Sendable (_ last: (any SQLExpression)?) async throws -> Void
}

extension SQLDatabase {
    fileprivate func run(_ statement: (any SQLExpression)?) async throws {
        if let statement { try await execute(sql: statement) { _ in } }
    }
}
