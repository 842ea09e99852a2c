import FluentKit
import NIOCore
import PostgresKit
import SQLKit

// The writer on PostgreSQL: one connection held while writes wait, transactions pipelined
// behind each other, and lockless batches (see `pipeline`).
extension Writer {
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
    func drainPipelined(_ database: any PostgresDatabase) async {
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
        var next = await openNext(on: connection, pool: pool, headKnown: head != nil)
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
            if current.lockless, !stale, head != nil {
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
                    let (counts, createdCount, created) = (locklessCounts, self.createdCount, context.ticketsCreated)
                    mine.written.whenSuccess {
                        counts.withLockedValue { $0.committed += 1 }
                        createdCount.withLockedValue { $0 += created }
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
                var committed: EventLoopFuture<Void>?
                do {
                    let context = try await begin(current, sql: sql)
                    let outcomes = try await Self.runJobs(current.batch, in: context, clock: clock)
                    try await context.finish { last in committed = Self.send(last, commit: true, on: connection, statements: statements) }
                    let keepsHead = current.batch.allSatisfy(\.lockless)
                    next = await openNext(on: connection, pool: pool, headKnown: keepsHead, endsDrain: false)
                    try await committed?.get()
                    createdCount.withLockedValue { $0 += context.ticketsCreated }
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
        let opened = await open(batch, on: connection, pool: nil, lockless: false)
        let statements = self.statements
        var committed: EventLoopFuture<Void>?
        do {
            let context = try await begin(opened, sql: sql)
            let outcomes = try await Self.runJobs(batch, in: context, clock: clock)
            try await context.finish { last in committed = Self.send(last, commit: true, on: connection, statements: statements) }
            try await committed?.get()
            createdCount.withLockedValue { $0 += context.ticketsCreated }
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
