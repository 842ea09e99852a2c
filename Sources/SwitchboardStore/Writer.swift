import FluentKit
import NIOConcurrencyHelpers
import Foundation
import PostgresKit
import SQLKit

/// Runs every write of this instance through one queue and commits concurrent writes together
/// (group commit): one transaction per batch, one savepoint per write, so a failing write is
/// rolled back alone while the others in its batch commit.
///
/// Each batch locks the audit chain head first; on PostgreSQL that also orders writers of
/// several instances, so outbox sequence order is commit order. A lockless batch (PostgreSQL,
/// see `pipeline`) moves the head on from the version it was built on, in the statement that
/// writes it, and so keeps that order too.
actor Writer {
    struct Job {
        /// Runs inside the batch; returns what to do once the batch committed.
        let run: @Sendable (WriteContext) async -> Result<@Sendable () -> Void, any Error>
        /// Called instead when the batch itself failed to commit.
        let fail: @Sendable (any Error) -> Void
        /// A read the job wants answered right after the batch's lock (see `open`), built when
        /// the batch opens.
        let prefetch: (@Sendable () -> SQLQueryString?)?
        /// Whether the job may run without the lock (see `pipeline`).
        let lockless: Bool
    }

    private let connection: WriterConnection
    let clock: @Sendable () -> Date
    private let maxBatch: Int
    var queue: [Job] = []
    var draining = false
    let fieldCache = WriterCache()
    let statements = PreparedStatements()
    /// The chain head as this writer's last batch left it, while it knows it (PostgreSQL).
    var head: WriteContext.Head?
    /// Lockless batches committed, and those that ran again under the lock (see `pipeline`),
    /// each counted before its writes are answered.
    let locklessCounts = NIOLockedValueBox((committed: 0, ranAgain: 0))
    nonisolated var lockless: (committed: Int, ranAgain: Int) { locklessCounts.withLockedValue { $0 } }
    /// Tickets created by the batches this writer committed.
    let createdCount = NIOLockedValueBox(0)
    nonisolated var ticketsCreated: Int { createdCount.withLockedValue { $0 } }

    init(connection: WriterConnection, clock: @escaping @Sendable () -> Date, maxBatch: Int = 128) {
        self.connection = connection
        self.clock = clock
        self.maxBatch = maxBatch
    }

    /// Runs `body` in a write transaction (shared with other concurrent writes) and returns its
    /// result after the transaction committed.
    /// `prefetch` is called only where it is used (PostgreSQL; see `Writer.open`), when the
    /// batch opens, and again should the batch open anew. `lockless` lets the write run without
    /// the lock when it is alone in its batch (PostgreSQL; see `pipeline`): only for a write
    /// that writes through `WriteContext.runDeferred` alone and changes nothing the chain head's
    /// statement reads but the chain and the ticket counter (the ticket intake).
    func perform<T: Sendable>(
        prefetch: (@Sendable () -> SQLQueryString?)? = nil, lockless: Bool = false,
        _ body: @escaping @Sendable (WriteContext) async throws -> T
    ) async throws -> T {
        let prefetch = connection.prefetches ? prefetch : nil
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            enqueue(Self.job(body, prefetch: prefetch, lockless: lockless) { continuation.resume(with: $0) })
        }
    }

    /// Queues `body` as `perform` does and returns as soon as it is queued, with a task that
    /// answers once its batch committed. Writes queued one after another run in that order,
    /// and the writer can open the next one's transaction while the one before commits.
    /// `lockless` as for `perform`.
    func queue<T: Sendable>(lockless: Bool = false, _ body: @escaping @Sendable (WriteContext) async throws -> T) -> Task<T, any Error> {
        let (answers, answer) = AsyncThrowingStream<T, any Error>.makeStream()
        enqueue(
            Self.job(body, prefetch: nil, lockless: lockless) { result in
                switch result {
                case .success(let value):
                    answer.yield(value)
                    answer.finish()
                case .failure(let error):
                    answer.finish(throwing: error)
                }
            })
        return Task {
            for try await value in answers { return value }
            throw StoreError.corrupt("a queued write ended without an answer")
        }
    }

    /// The job that runs `body` in a batch and hands `answer` its result: once the batch
    /// committed, or the batch's error when it did not.
    private static func job<T: Sendable>(
        _ body: @escaping @Sendable (WriteContext) async throws -> T, prefetch: (@Sendable () -> SQLQueryString?)?, lockless: Bool,
        answer: @escaping @Sendable (Result<T, any Error>) -> Void
    ) -> Job {
        Job(
            run: { context in
                do {
                    let value = try await body(context)
                    return .success({ answer(.success(value)) })
                } catch {
                    return .failure(error)
                }
            },
            fail: { error in answer(.failure(error)) },
            prefetch: prefetch, lockless: lockless)
    }

    private func enqueue(_ job: Job) {
        queue.append(job)
        if !draining {
            draining = true
            // High priority: every waiting request depends on this one serial task, so it
            // goes ahead of request handlers queued on the shared thread pool.
            Task(priority: .high) { await self.drain() }
        }
    }

    private func drain() async {
        if case .postgres(let database) = connection {
            await drainPipelined(database)
        } else {
            while let batch = take() { await run(batch) }
        }
    }

    /// The next batch, or nil (and the drain ends, unless `endsDrain` is false) when nothing
    /// waits. Whoever ends the drain must stop: a write queued after that starts a new drain.
    func take(endsDrain: Bool = true) -> [Job]? {
        guard !queue.isEmpty else {
            if endsDrain { draining = false }
            return nil
        }
        // On PostgreSQL a lockless write goes alone, so that it can run without the lock.
        let alone = connection.prefetches && queue[0].lockless
        let batch = Array(queue.prefix(alone ? 1 : maxBatch))
        queue.removeFirst(batch.count)
        return batch
    }

    /// One batch in one transaction (SQLite).
    private func run(_ batch: [Job]) async {
        let clock = self.clock
        let fieldCache = self.fieldCache
        do {
            let (outcomes, created) = try await connection.transaction { session -> ([Outcome], Int) in
                let context = try await WriteContext.begin(sql: session.sql, now: clock(), fieldCache: fieldCache)
                let outcomes = try await Self.runJobs(batch, in: context, clock: clock)
                try await context.finish(commit: session.commit)
                return (outcomes, context.ticketsCreated)
            }
            createdCount.withLockedValue { $0 += created }
            Self.settle(batch, outcomes)
        } catch {
            for job in batch { job.fail(error) }
        }
    }

    typealias Outcome = Result<@Sendable () -> Void, any Error>

    /// Runs the jobs of a batch, each under a savepoint of its own so that a failing job is
    /// rolled back alone. Throws only when the transaction itself cannot go on.
    static func runJobs(_ batch: [Job], in context: WriteContext, clock: @Sendable () -> Date) async throws -> [Outcome] {
        let sql = context.sql
        var outcomes: [Outcome] = []
        // A batch of one needs no savepoint: its failure rolls back the transaction.
        let isolate = batch.count > 1
        for job in batch {
            if isolate { try await sql.exec(["SAVEPOINT sb_write"]) }
            let mark = context.mark()
            context.now = clock()
            var outcome = await job.run(context)
            context.prefetched = nil  // the first job's only
            if case .success = outcome, isolate {
                // Writes held back go out before the next write can look for them, and under
                // this write's savepoint: should they fail, this write fails alone. A write
                // alone in its batch sends them with COMMIT instead, saving a round trip.
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
        return outcomes
    }

    /// Answers the jobs of a committed batch.
    static func settle(_ batch: [Job], _ outcomes: [Outcome]) {
        for answer in answers(batch, outcomes) { answer() }
    }

    /// What answers each job of a batch once it committed.
    static func answers(_ batch: [Job], _ outcomes: [Outcome]) -> [@Sendable () -> Void] {
        zip(batch, outcomes).map { job, outcome in
            switch outcome {
            case .success(let resume): resume
            case .failure(let error): { job.fail(error) }
            }
        }
    }
}

/// The connection the writer's transactions run on.
enum WriterConnection: Sendable {
    /// A connection of Fluent's (SQLite's stand-in for in-memory databases).
    case fluent(any Database)
    /// The writer's own SQLite connection, which runs statements on the writer's thread.
    case sqlite(SQLiteWriteConnection)
    /// PostgreSQL through Fluent's pool: the writer holds one connection while writes wait
    /// and pipelines its transactions (`Writer.pipeline`).
    case postgres(any PostgresDatabase)

    /// Whether the writer runs a batch's first job's prefetch with its lock.
    var prefetches: Bool {
        if case .postgres = self { return true }
        return false
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (WriteSession) async throws -> T) async throws -> T {
        switch self {
        case .fluent(let database):
            return try await database.transaction { db in
                let sql = try db.sql()
                return try await body(WriteSession(sql: sql, commit: { last in try await sql.run(last) }))
            }
        case .sqlite(let connection):
            // IMMEDIATE takes the write lock up front, so the batch never fails half-way on a busy lock.
            try await connection.exec(["BEGIN IMMEDIATE"])
            do {
                return try await body(
                    WriteSession(
                        sql: connection,
                        commit: { last in
                            try await connection.run(last)
                            try await connection.exec(["COMMIT"])
                        }))
            } catch {
                try? await connection.exec(["ROLLBACK"])
                throw error
            }
        case .postgres:
            // The writer pipelines PostgreSQL's transactions itself (`Writer.pipeline`).
            throw StoreError.corrupt("PostgreSQL writes do not run through WriterConnection.transaction")
        }
    }
}

/// What the writer's transaction offers a batch.
struct WriteSession: Sendable {
    let sql: any SQLDatabase
    /// Runs the batch's last statement, if any, and commits.
    let commit: @Sendable (_ last: (any SQLExpression)?) async throws -> Void
}

extension SQLDatabase {
    fileprivate func run(_ statement: (any SQLExpression)?) async throws {
        if let statement { try await execute(sql: statement) { _ in } }
    }
}
