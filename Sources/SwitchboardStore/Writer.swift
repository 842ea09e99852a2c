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
    /// Lockless batches committed, and those that ran again under the lock (see `pipeline`),
    /// each counted before its writes are answered.
    private let locklessCounts = NIOLockedValueBox((committed: 0, ranAgain: 0))
    nonisolated var lockless: (committed: Int, ranAgain: Int) { locklessCounts.withLockedValue { $0 } }
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
    private func take(endsDrain: Bool = true) -> [Job]? {
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
        for answer in answers(batch, outcomes) { answer() }
    }

    /// What answers each job of a batch once it committed.
    private static func answers(_ batch: [Job], _ outcomes: [Outcome]) -> [@Sendable () -> Void] {
        zip(batch, outcomes).map { job, outcome in
            switch outcome {
            case .success(let resume): resume
            case .failure(let error): { job.fail(error) }
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
                    connection.eventLoop.makeFutureWithTask { await self.pipeline(on: LiveConnection(connection: connection), pool: database) }
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
    /// transaction while this writer knows the chain head as its batches leave it: it reads its
    /// prefetch on another connection, builds its rows from that head, and writes them in one
    /// statement that moves the head on only from the version and hash it expects, or fails
    /// whole (`WriteContext.finish`). The head it expects is the one the lockless batch sent
    /// before it will leave, so it is built while that one is written, and its statement goes
    /// out right behind: PostgresNIO sends a statement only once the one before is answered,
    /// and a batch under the lock takes five (`BEGIN`, lock, prefetch, writes, `COMMIT`).
    /// A lockless batch whose write failed (another writer moved the head first, a key it
    /// broke) wrote nothing: it runs again under the lock, and so does one built on it.
    private func pipeline(on connection: LiveConnection, pool: any PostgresDatabase) async -> Bool {
        let sql = connection.rowSQL()
        let statements = self.statements
        // When `take` finds the queue empty with nothing on its way, the drain is over: a write
        // queued since starts another.
        var next = await openNext(on: connection, pool: pool, headKnown: head != nil && batchesRunning == 0)
        if next == nil { return false }
        // Whether `next` was opened before a batch ahead of it ran again under the lock: it
        // opens anew, as its prefetch may have missed what that one wrote.
        var stale = false
        // The lockless batch whose statement went out last, until its answer came.
        var sent: Sent?

        while true {
            guard var current = next else {
                await land(&sent, next: next, stale: &stale, on: connection, sql: sql)
                if connection.isClosed { return true }
                next = await openNext(on: connection, pool: pool, headKnown: head != nil)
                if next == nil { return false }
                continue
            }
            next = nil
            // Lockless only while no batch of another pipeline (one ending as this began) runs.
            let othersRunning = batchesRunning > (sent == nil ? 0 : 1)
            if current.lockless, !stale, head != nil, !othersRunning {
                batchesRunning += 1
                do {
                    let context = try await begin(current, sql: sql)
                    // A lockless batch next gathers now, and its prefetch is read while this
                    // one is built and written (a batch under the lock opens only after this
                    // one's statement went out, else that would run in its transaction).
                    if queue.first?.lockless == true {
                        next = await openNext(on: connection, pool: pool, headKnown: true, endsDrain: false)
                    }
                    let outcomes = try await Self.runJobs(current.batch, in: context, clock: clock)
                    var written: EventLoopFuture<Void>?
                    try await context.finish { last in written = Self.send(last, commit: false, on: connection, statements: statements) }
                    head = context.headAfter()
                    let mine = Sent(batch: current.batch, written: written ?? connection.eventLoop.makeSucceededVoidFuture())
                    // Its writes are answered as soon as its statement committed, not when this
                    // pipeline comes back to it (after building the next batch).
                    let answers = Self.answers(current.batch, outcomes)
                    let counts = locklessCounts
                    mine.written.whenSuccess {
                        counts.withLockedValue { $0.committed += 1 }
                        for answer in answers { answer() }
                    }
                    // While a batch is on its way the drain goes on: a write queued meanwhile
                    // waits for this pipeline, not for another one.
                    if next == nil { next = await openNext(on: connection, pool: pool, headKnown: head != nil, endsDrain: false) }
                    if let last = sent {
                        sent = nil
                        if await !landed(last, on: connection) {
                            // Mine expects the head `last` would have left: it fails as well.
                            let mineLanded = await landed(mine, on: connection)
                            await runAgain(last.batch, next: next, stale: &stale, on: connection, sql: sql)
                            if !mineLanded { await runAgain(mine.batch, next: next, stale: &stale, on: connection, sql: sql) }
                            continue
                        }
                    }
                    sent = mine
                } catch {
                    // Nothing of it went out: it runs again under the lock, after the one before.
                    batchesRunning -= 1
                    await land(&sent, next: next, stale: &stale, on: connection, sql: sql)
                    await runAgain(current.batch, next: next, stale: &stale, on: connection, sql: sql)
                }
            } else {
                // Under the lock, once the lockless batch ahead of it has landed.
                let reopen = current.lockless
                if let last = sent {
                    sent = nil
                    if await !landed(last, on: connection) {
                        await runAgain(last.batch, next: current, stale: &stale, on: connection, sql: sql)
                    }
                }
                if reopen || stale { current = await open(current.batch, on: connection, pool: pool, lockless: false) }
                stale = false
                batchesRunning += 1
                var committed: EventLoopFuture<Void>?
                do {
                    let context = try await begin(current, sql: sql)
                    let outcomes = try await Self.runJobs(current.batch, in: context, clock: clock)
                    try await context.finish { last in committed = Self.send(last, commit: true, on: connection, statements: statements) }
                    let keepsHead = current.batch.allSatisfy(\.lockless)
                    next = await openNext(on: connection, pool: pool, headKnown: keepsHead, endsDrain: false)
                    try await committed?.get()
                    head = keepsHead ? context.headAfter() : nil
                    Self.settle(current.batch, outcomes)
                } catch {
                    head = nil
                    // Before COMMIT went out the transaction is ours to roll back; after, the
                    // server has ended it and the next batch's may have begun.
                    if committed == nil { _ = try? await connection.simpleQuery("ROLLBACK").get() }
                    statements.distrust(after: error, on: connection)
                    for job in current.batch { job.fail(error) }
                }
                batchesRunning -= 1
            }
            if connection.isClosed {
                await land(&sent, next: next, stale: &stale, on: connection, sql: sql)
                // The batch already opened ran none of its jobs: it goes first on the next
                // connection.
                if let next { queue.insert(contentsOf: next.batch, at: 0) }
                return true
            }
            if next == nil, sent == nil {
                // Nothing opened behind the batch (or it failed before): the drain may end.
                next = await openNext(on: connection, pool: pool, headKnown: head != nil)
                if next == nil { return false }
            }
        }
        return false
    }

    /// Answers the lockless batch sent last, or runs it again.
    private func land(_ sent: inout Sent?, next: Opened?, stale: inout Bool, on connection: LiveConnection, sql: PostgresSQL) async {
        guard let last = sent else { return }
        sent = nil
        if await !landed(last, on: connection) { await runAgain(last.batch, next: next, stale: &stale, on: connection, sql: sql) }
    }

    /// Runs `batch` again under the lock, after the transaction `next` began behind it (if it
    /// began one) has ended; `next` then opens anew.
    private func runAgain(_ batch: [Job], next: Opened?, stale: inout Bool, on connection: LiveConnection, sql: PostgresSQL) async {
        if let next, !next.lockless, !stale { _ = try? await connection.simpleQuery("ROLLBACK").get() }
        if next != nil { stale = true }
        await runLocked(batch, on: connection, sql: sql)
    }

    /// A lockless batch whose statement went out: its jobs ran, and are answered once it
    /// committed (see `answers`).
    private struct Sent {
        let batch: [Job]
        let written: EventLoopFuture<Void>
    }

    /// Awaits a lockless batch's statement; false when it failed (and wrote nothing), for the
    /// caller to run it again.
    private func landed(_ sent: Sent, on connection: LiveConnection) async -> Bool {
        defer { batchesRunning -= 1 }
        do {
            try await sent.written.get()
            return true
        } catch {
            head = nil
            statements.distrust(after: error, on: connection)
            return false
        }
    }

    /// Runs `batch` under the lock from start to end (a lockless batch whose write failed).
    private func runLocked(_ batch: [Job], on connection: LiveConnection, sql: PostgresSQL) async {
        locklessCounts.withLockedValue { $0.ranAgain += 1 }
        batchesRunning += 1
        defer { batchesRunning -= 1 }
        let opened = await open(batch, on: connection, pool: nil, lockless: false)
        let statements = self.statements
        var committed: EventLoopFuture<Void>?
        do {
            let context = try await begin(opened, sql: sql)
            let outcomes = try await Self.runJobs(batch, in: context, clock: clock)
            try await context.finish { last in committed = Self.send(last, commit: true, on: connection, statements: statements) }
            try await committed?.get()
            head = batch.allSatisfy(\.lockless) ? context.headAfter() : nil
            Self.settle(batch, outcomes)
        } catch {
            head = nil
            if committed == nil { _ = try? await connection.simpleQuery("ROLLBACK").get() }
            statements.distrust(after: error, on: connection)
            for job in batch { job.fail(error) }
        }
    }

    /// The write context of an opened batch, once its lock and prefetch are answered; a
    /// lockless one's begins at the head this writer's batches leave.
    private func begin(_ opened: Opened, sql: PostgresSQL) async throws -> WriteContext {
        guard let begun = opened.begun, let locked = opened.locked else {
            let prefetched = try await opened.prefetched?.get()
            guard let head else { throw StoreError.corrupt("a lockless batch without the chain head") }
            return WriteContext.beginLockless(sql: sql, now: clock(), fieldCache: fieldCache, head: head, prefetched: prefetched)
        }
        try await begun.get()
        let row = try await locked.get().first
        let prefetched = try await opened.prefetched?.get()
        return try await WriteContext.begin(sql: sql, now: clock(), fieldCache: fieldCache, locked: row, prefetched: prefetched)
    }

    /// Sends a batch's last statement, if any, and `COMMIT` when the batch opened a transaction,
    /// back to back. Should the statement fail, the server answers `COMMIT` with a rollback.
    private static func send(
        _ last: (any SQLExpression)?, commit: Bool, on connection: LiveConnection, statements: PreparedStatements
    ) -> EventLoopFuture<Void> {
        let written = last.map { statements.send($0, on: connection).map { _ in } }
        guard commit else { return written ?? connection.eventLoop.makeSucceededVoidFuture() }
        let committed = connection.simpleQuery("COMMIT").map { _ in }
        return written.map { $0.and(committed).map { _ in } } ?? committed
    }

    /// Takes the next batch and opens it; nil when nothing waits (see `take`). `headKnown`:
    /// whether this writer will know the chain head when the batch runs.
    private func openNext(
        on connection: LiveConnection, pool: any PostgresDatabase, headKnown: Bool, endsDrain: Bool = true
    ) async -> Opened? {
        guard let batch = take(endsDrain: endsDrain) else { return nil }
        let lockless = headKnown && batch.count == 1 && batch[0].lockless
        return await open(batch, on: connection, pool: pool, lockless: lockless)
    }

    /// Sends the batch's `BEGIN`, the lock statement and the first job's prefetch. A lockless
    /// batch sends only its prefetch, on another connection from `pool`: it is read while the
    /// batch before is written. Statements sent unprepared before are prepared first, while no
    /// transaction is open.
    private func open(_ batch: [Job], on connection: LiveConnection, pool: (any PostgresDatabase)?, lockless: Bool) async -> Opened {
        let prefetch = batch.first?.prefetch?()
        if lockless, let pool {
            return Opened(batch: batch, begun: nil, locked: nil, prefetched: prefetch.map { PostgresSQL(pool).raw($0).all() })
        }
        await statements.prepareWanted(on: connection)
        let begun = connection.simpleQuery("BEGIN").map { _ in }
        let locked = statements.send(WriteContext.lockStatement, on: connection)
        // After the lock, so it sees every write committed before ours.
        let prefetched = prefetch.map { statements.send($0, on: connection) }
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
