import FluentKit
import Foundation
import PostgresKit
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
        /// A read the job wants answered right after the batch's lock (see `open`), built when
        /// the batch opens.
        let prefetch: (@Sendable () -> SQLQueryString?)?
        /// Whether the job may run without the lock (see `pipeline`).
        let lockless: Bool
    }

    private let connection: WriterConnection
    private let clock: @Sendable () -> Date
    private let maxBatch: Int
    private var queue: [Job] = []
    private var draining = false
    private let fieldCache = WriterCache()
    private let statements = PreparedStatements()
    /// The chain head as this writer's last batch left it, while it knows it (PostgreSQL).
    private var head: WriteContext.Head?
    /// Lockless batches committed, and those that ran again under the lock (see `pipeline`).
    private(set) var lockless = (committed: 0, ranAgain: 0)
    /// Batches running in any pipeline: a pipeline ending may still commit its last one while
    /// a write queued meanwhile starts the next pipeline.
    private var batchesRunning = 0

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
    func queue<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) -> Task<T, any Error> {
        let (answers, answer) = AsyncThrowingStream<T, any Error>.makeStream()
        enqueue(
            Self.job(body, prefetch: nil, lockless: false) { result in
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

    /// The next batch, or nil (and the drain ends) when nothing waits. Whoever takes nil must
    /// stop: a write queued after that starts a new drain.
    private func take() -> [Job]? {
        guard !queue.isEmpty else {
            draining = false
            return nil
        }
        let batch = Array(queue.prefix(maxBatch))
        queue.removeFirst(batch.count)
        return batch
    }

    /// One batch in one transaction (SQLite).
    private func run(_ batch: [Job]) async {
        let clock = self.clock
        let fieldCache = self.fieldCache
        do {
            let outcomes = try await connection.transaction { session -> [Outcome] in
                let context = try await WriteContext.begin(sql: session.sql, now: clock(), fieldCache: fieldCache)
                let outcomes = try await Self.runJobs(batch, in: context, clock: clock)
                try await context.finish(commit: session.commit)
                return outcomes
            }
            Self.settle(batch, outcomes)
        } catch {
            for job in batch { job.fail(error) }
        }
    }

    typealias Outcome = Result<@Sendable () -> Void, any Error>

    /// Runs the jobs of a batch, each under a savepoint of its own so that a failing job is
    /// rolled back alone. Throws only when the transaction itself cannot go on.
    private static func runJobs(_ batch: [Job], in context: WriteContext, clock: @Sendable () -> Date) async throws -> [Outcome] {
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
    private static func settle(_ batch: [Job], _ outcomes: [Outcome]) {
        for (job, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .success(let resume): resume()
            case .failure(let error): job.fail(error)
            }
        }
    }

    // MARK: PostgreSQL

    /// A batch whose transaction has been asked for: `BEGIN` and the lock statement are on
    /// their way to the server. A lockless batch opens no transaction: only its prefetch went.
    private struct Opened {
        let batch: [Job]
        let begun: EventLoopFuture<Void>?
        let locked: EventLoopFuture<[any SQLRow]>?
        /// The answer to the first job's prefetch, asked for right after the lock.
        let prefetched: EventLoopFuture<[any SQLRow]>?

        var lockless: Bool { begun == nil }
    }

    /// Drains the queue on one connection, held while writes wait. Each batch's `BEGIN` and
    /// lock statement go out right behind the `COMMIT` of the batch before: the server answers
    /// them as soon as that commit is done, while this side still answers the batch before.
    private func drainPipelined(_ database: any PostgresDatabase) async {
        // A pipeline whose connection closed returns with writes still waiting (and `draining`
        // still set): go on with another connection from the pool.
        var lost = true
        while lost {
            do {
                lost = try await database.withConnection { connection in
                    connection.eventLoop.makeFutureWithTask { await self.pipeline(on: LiveConnection(connection: connection)) }
                }.get()
            } catch {
                // No connection: fail what waits; the next write tries again.
                let waiting = queue
                queue.removeAll()
                draining = false
                for job in waiting { job.fail(error) }
                return
            }
        }
    }

    /// Runs batches on `connection` until nothing waits (false) or the connection closed with
    /// writes still waiting (true).
    ///
    /// A batch of one lockless write (the ticket intake's) takes no lock and opens no
    /// transaction while this writer knows the chain head as its own last batch left it: it
    /// sends its prefetch alone, builds its rows from that head, and writes them in one
    /// statement that moves the head on only from the version it expects, or fails whole
    /// (`WriteContext.finish`). Two round trips instead of five (`BEGIN`, lock, prefetch,
    /// writes, `COMMIT`): PostgresNIO sends a statement only once the one before is answered.
    /// When another writer moved the head first, or anything else failed, nothing was written
    /// and the batch runs again under the lock.
    private func pipeline(on connection: LiveConnection) async -> Bool {
        let sql = connection.rowSQL()
        let statements = self.statements
        var next = await openNext(on: connection, headKnown: head != nil)
        // Whether `take` found the queue empty: the drain is over, and a write queued since
        // has started another. This pipeline only finishes what it has.
        var over = next == nil
        // Whether `next` was opened before a batch ahead of it ran again under the lock: it
        // opens anew, as its prefetch may have missed what that one wrote.
        var stale = false
        while var current = next {
            next = nil
            // Lockless only while no batch of another pipeline (one ending as this began) runs.
            if stale || (current.lockless && (head == nil || batchesRunning > 0)) {
                current = await open(current.batch, on: connection, lockless: false)
            }
            stale = false
            while true {  // twice at most: a lockless batch that failed runs again under the lock
                var committed: EventLoopFuture<String?>?
                batchesRunning += 1
                defer { batchesRunning -= 1 }
                do {
                    let context = try await begin(current, sql: sql)
                    let outcomes = try await Self.runJobs(current.batch, in: context, clock: clock)
                    let commit = !current.lockless
                    try await context.finish { last in committed = Self.send(last, commit: commit, on: connection, statements: statements) }
                    let keepsHead = current.batch.allSatisfy(\.lockless)
                    if next == nil, !over {
                        next = await openNext(on: connection, headKnown: keepsHead)
                        over = next == nil
                    }
                    let version = try await committed?.get()
                    head = keepsHead ? context.head(after: version) : nil
                    if current.lockless { lockless.committed += 1 }
                    Self.settle(current.batch, outcomes)
                } catch {
                    head = nil
                    if current.lockless, !connection.isClosed {
                        lockless.ranAgain += 1
                        // The next batch opened behind this one, before it runs again: its
                        // transaction (if it began one) ends now, and it opens anew after.
                        if let next, !next.lockless { _ = try? await connection.simpleQuery("ROLLBACK").get() }
                        stale = next != nil
                        current = await open(current.batch, on: connection, lockless: false)
                        continue
                    }
                    // Before COMMIT went out the transaction is ours to roll back; after, the
                    // server has ended it and the next batch's may have begun.
                    if !current.lockless, committed == nil { _ = try? await connection.simpleQuery("ROLLBACK").get() }
                    statements.distrust(after: error, on: connection)
                    for job in current.batch { job.fail(error) }
                }
                break
            }
            if connection.isClosed {
                // The batch already opened ran none of its jobs: it goes first on the next
                // connection.
                if let next { queue.insert(contentsOf: next.batch, at: 0) }
                return !over
            }
            if next == nil, !over {
                // The batch failed before the next one was opened.
                next = await openNext(on: connection, headKnown: head != nil)
                over = next == nil
            }
        }
        return false
    }

    /// The write context of an opened batch, once its lock and prefetch are answered.
    private func begin(_ opened: Opened, sql: PostgresSQL) async throws -> WriteContext {
        guard let begun = opened.begun, let locked = opened.locked else {
            guard let head else { throw StoreError.corrupt("a lockless batch without the chain head") }
            let prefetched = try await opened.prefetched?.get()
            return WriteContext.beginLockless(sql: sql, now: clock(), fieldCache: fieldCache, head: head, prefetched: prefetched)
        }
        try await begun.get()
        let row = try await locked.get().first
        let prefetched = try await opened.prefetched?.get()
        return try await WriteContext.begin(sql: sql, now: clock(), fieldCache: fieldCache, locked: row, prefetched: prefetched)
    }

    /// Sends a batch's last statement, if any, and `COMMIT` when the batch opened a transaction,
    /// back to back. Should the statement fail, the server answers `COMMIT` with a rollback.
    /// Answers the chain head's new version, or nil when the batch did not write it.
    private static func send(
        _ last: (any SQLExpression)?, commit: Bool, on connection: LiveConnection, statements: PreparedStatements
    ) -> EventLoopFuture<String?> {
        let written = last.map { statements.send($0, on: connection).flatMapThrowing { rows in try rows.first?.decode(column: "version", as: String?.self) } }
        guard commit else { return written ?? connection.eventLoop.makeSucceededFuture(nil) }
        let committed = connection.simpleQuery("COMMIT").map { _ in }
        return written.map { $0.and(committed).map(\.0) } ?? committed.map { nil }
    }

    /// Takes the next batch and opens its transaction; nil when nothing waits (see `take`).
    /// `headKnown`: whether this writer will know the chain head when the batch runs.
    private func openNext(on connection: LiveConnection, headKnown: Bool) async -> Opened? {
        guard let batch = take() else { return nil }
        let lockless = headKnown && batch.count == 1 && batch[0].lockless
        return await open(batch, on: connection, lockless: lockless)
    }

    /// Sends the batch's `BEGIN`, the lock statement and the first job's prefetch (only the
    /// prefetch when `lockless`). Statements sent unprepared before are prepared first, while
    /// no transaction is open.
    private func open(_ batch: [Job], on connection: LiveConnection, lockless: Bool) async -> Opened {
        await statements.prepareWanted(on: connection)
        let begun = lockless ? nil : connection.simpleQuery("BEGIN").map { _ in }
        let locked = lockless ? nil : statements.send(WriteContext.lockStatement, on: connection)
        // After the lock, so it sees every write committed before ours.
        let prefetched: EventLoopFuture<[any SQLRow]>? = batch.first?.prefetch?().map { statements.send($0, on: connection) }
        return Opened(batch: batch, begun: begun, locked: locked, prefetched: prefetched)
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
