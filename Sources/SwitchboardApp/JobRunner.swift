import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Runs background work in the server process: every second (at once while the outbox
/// consumers catch up) it turns new outbox events into jobs and runs the jobs that are due. A job is leased while it runs (a crashed worker's job
/// runs again when the lease ends), retried with growing pauses, and given up after eight tries.
struct JobRunner: LifecycleHandler {
    final class TaskBox: @unchecked Sendable {  // set in didBoot, read in shutdown, both on the main thread
        var task: Task<Void, Never>?
    }
    let box = TaskBox()
    /// The outbox position at which routing last found nobody to give waiting tickets to; it
    /// tries again only once something happened since (the runner's task alone uses it).
    final class RoutingMemo: @unchecked Sendable {
        var idleAt: Int64?
        /// When time rules last ran (they run once a minute).
        var timeRulesAt: Date?
    }
    static let maxAttempts = 8
    static let lease: TimeInterval = 300

    func didBootAsync(_ app: Application) async throws {
        let logger = app.logger
        let memo = RoutingMemo()
        box.task = Task(executorPreference: BackgroundExecutor.preferred) {
            var positions: [Int64] = []
            while !Task.isCancelled {
                do {
                    _ = try await Self.runOnce(app, routing: memo)
                    // A consumer takes at most a window of events a round: while a full window
                    // waits for any (a burst of creations) and they are catching up, the next
                    // round starts at once. Less waits for the next second: a round for every
                    // few events would keep a core and the database busy for nothing.
                    let lag = try await app.store.read { try await $0.consumerLag() }
                    defer { positions = lag.map(\.position) }
                    if lag.contains(where: { $0.behind >= OutboxConsumer.window }), lag.map(\.position) != positions { continue }
                } catch {
                    logger.warning("background jobs: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        box.task?.cancel()
        await box.task?.value
    }

    /// One round: queue what new events call for, then run what is due. Returns the jobs run.
    @discardableResult
    static func runOnce(_ app: Application, routing memo: RoutingMemo = RoutingMemo()) async throws -> Int {
        let store = app.store
        _ = try await Automations.runTriggers(store, app: app)
        _ = try await route(store, memo: memo)
        _ = try await OutboundMail.queueReplies(store)
        _ = try await Notifications.queue(store)
        _ = try await retimeOpenTickets(store)
        _ = try await runSLACycles(store)
        if memo.timeRulesAt.map({ store.clock().timeIntervalSince($0) >= 60 }) ?? true {
            memo.timeRulesAt = store.clock()
            _ = try await Automations.runTimeRules(store, app: app)
        }
        guard try await store.read({ try await $0.hasDueJobs(at: store.clock()) }) else { return 0 }
        let jobs = try await store.write { try await $0.claimJobs(limit: 20, lease: lease) }
        for job in jobs {
            do {
                try await run(job, app: app)
                try await store.write { try await $0.completeJob(job.id) }
            } catch {
                let permanent = (error as? SMTPErrorLike)?.isPermanent ?? false
                let pause = min(3600, 30 * pow(2, Double(job.attempts - 1)))
                let retry = permanent || job.attempts >= maxAttempts ? nil : store.clock().addingTimeInterval(pause)
                app.logger.warning("job \(job.id) \(job.kind) failed (attempt \(job.attempts)): \(error)")
                try await store.write { try await $0.failJob(job.id, error: String(describing: error), retryAt: retry) }
            }
        }
        return jobs.count
    }

    /// Hands waiting tickets to agents, 200 per transaction, while some get assigned.
    static func route(_ store: Store, memo: RoutingMemo) async throws -> Int {
        var total = 0
        while let head = try await store.read({ try await $0.routingWork() }), head != memo.idleAt {
            let assigned = try await store.write { try await $0.routeWaitingTickets(limit: 200) }
            total += assigned
            if assigned == 0 {
                memo.idleAt = head
                break
            }
        }
        return total
    }

    /// An SLA round: every ticket whose check time has come, in slices of `slice` tickets, a
    /// transaction each (two at most when the writer is busy) so other writes get their turn.
    /// Each slice is read and judged on a read connection while the writer writes the slice
    /// before (`applySLADueSlice`). Looks with a read first: an idle server does not take the
    /// writer.
    static func runSLACycles(_ store: Store, asOf: Date? = nil, slice size: Int = 500) async throws -> SLACycleOutcome {
        var total = SLACycleOutcome()
        let now = asOf ?? store.clock()
        guard try await store.read({ try await $0.hasSLAWork(at: now) }) else { return total }
        let plan = try await store.read { try await $0.slaRoundPlan(now: now) }
        func read(after cursor: SLADueCursor?) -> Task<SLADueSlice, any Error> {
            Task(executorPreference: BackgroundExecutor.preferred) {
                try await store.read { try await $0.slaDueSlice(after: cursor, plan: plan, limit: size) }
            }
        }
        var reading: Task<SLADueSlice, any Error>? = read(after: nil)
        defer { reading?.cancel() }
        // A slice's write is queued before the write before it is answered: the writer then
        // opens its transaction right behind the other's COMMIT, on the same connection.
        var writing: Task<SLACycleOutcome, any Error>?
        do {
            while let current = reading {
                try Task.checkCancellation()
                let slice = try await current.value
                reading = slice.next.map { read(after: $0) }
                guard !slice.isEmpty else { continue }
                let previous = writing
                writing = await store.queueWrite(lockless: true) { try await $0.applySLADueSlice(slice, plan: plan) }
                if let previous { total.add(try await previous.value) }
            }
            if let writing { total.add(try await writing.value) }
        } catch {
            // A write already queued is written all the same: the round ends once it is.
            _ = try? await writing?.value
            throw error
        }
        return total
    }

    /// Re-times the open tickets after SLA policies or business hours changed. Slices of
    /// `width` ticket ids are judged on read connections, one per core, while the writer writes
    /// the slice before, a transaction each (two at most when the writer is busy), so other
    /// writes get their turn. When the policies change meanwhile, the re-time starts over; a
    /// ticket that changed meanwhile is left as its change timed it. Looks with a read first.
    static func retimeOpenTickets(_ store: Store, asOf: Date? = nil, width: Int64 = 2_000) async throws -> SLARetimeOutcome {
        var total = SLARetimeOutcome()
        while let plan = try await store.read({ try await $0.slaRetimePlan() }) {
            // Each slice's write is queued before the one before is answered (see `runSLACycles`).
            var writing: Task<SLARetimeOutcome?, any Error>?
            /// Adds up a slice's outcome; false when the plan had changed under it.
            func add(_ outcome: SLARetimeOutcome?) -> Bool {
                guard let outcome else { return false }
                total.read += outcome.read
                total.retimed += outcome.retimed
                total.breached += outcome.breached
                return true
            }
            var stopped = false
            do {
                let last = max(plan.lastId, plan.from + 1)
                try await store.readSlices(after: plan.from, through: last, width: width) { reader, after, through in
                    try await reader.retimeSlice(after: after, through: through, engine: plan.engine, now: asOf ?? store.clock())
                } consume: { slice in
                    let previous = writing
                    writing = await store.queueWrite { try await $0.applySLARetime(slice, plan: plan) }
                    if let previous, !add(try await previous.value) {
                        stopped = true
                        return false
                    }
                    return true
                }
                // A write queued after the plan changed finds it changed too, and writes nothing.
                if let final = writing, !add(try await final.value) { stopped = true }
            } catch {
                _ = try? await writing?.value
                throw error
            }
            if !stopped { break }
        }
        return total
    }

    private static func run(_ job: Job, app: Application) async throws {
        switch job.kind {
        case Notifications.job:
            try await Notifications.send(try JSONDecoder().decode(Notifications.Payload.self, from: Data(job.payload.utf8)), app: app)
        case OutboundMail.acknowledgeJob:
            try await OutboundMail.acknowledge(try JSONDecoder().decode(OutboundMail.AcknowledgePayload.self, from: Data(job.payload.utf8)), app: app)
        case Automations.emailJob:
            try await Automations.sendEmail(try JSONDecoder().decode(Automations.EmailPayload.self, from: Data(job.payload.utf8)), app: app)
        case Automations.webhookJob:
            try await Automations.postWebhook(try JSONDecoder().decode(Automations.WebhookPayload.self, from: Data(job.payload.utf8)), app: app)
        case OutboundMail.replyJob:
            try await OutboundMail.sendReply(try JSONDecoder().decode(OutboundMail.ReplyPayload.self, from: Data(job.payload.utf8)), app: app)
        default:
            throw Abort(.internalServerError, reason: "unknown job kind \(job.kind)")
        }
    }
}

/// Errors that know whether trying again can help.
protocol SMTPErrorLike { var isPermanent: Bool { get } }
