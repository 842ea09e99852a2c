import Foundation
import SwitchboardCore

/// Collects ticket creations from concurrent requests and hands them to the writer in bulk.
///
/// A bulk is queued in the writer as soon as a creation waits, but gathers its tickets only
/// when the writer starts it: every creation that arrived while the bulk before was written
/// goes into it. On PostgreSQL the writer opens that next transaction right behind the running
/// one's `COMMIT`, so the bulk must already be in its queue by then.
final class TicketIntake: @unchecked Sendable {  // mutable state under `lock`
    fileprivate struct Waiting {
        let new: NewTicket
        let actor: Actor
        let continuation: CheckedContinuation<Ticket, any Error>
    }

    private let writer: Writer
    private let maxBatch: Int
    private let lock = NSLock()
    private var waiting: [Waiting] = []
    /// Whether a bulk is in the writer's queue and has not gathered its tickets yet.
    private var queued = false

    init(writer: Writer, maxBatch: Int = 256) {
        self.writer = writer
        self.maxBatch = maxBatch
    }

    func create(_ new: NewTicket, actor: Actor) async throws -> Ticket {
        try await withCheckedThrowingContinuation { continuation in
            let queue = lock.withLock {
                waiting.append(Waiting(new: new, actor: actor, continuation: continuation))
                guard !queued else { return false }
                queued = true
                return true
            }
            if queue { queueBulk() }
        }
    }

    /// Queues a bulk in the writer, which gathers the waiting creations when it starts.
    private func queueBulk() {
        let bulk = Bulk(intake: self)
        // High priority: every waiting request depends on the writer's one serial task.
        Task(priority: .high) {
            do {
                let results = try await writer.perform(
                    prefetch: {
                        let drafts = bulk.drafts
                        return drafts.isEmpty ? nil : WriteContext.intakePrefetch(drafts)
                    }, lockless: true
                ) { context in
                    let drafts = bulk.drafts
                    guard !drafts.isEmpty else { return [Result<Ticket, DomainError>]() }
                    return try await context.deferringWrites { try await context.createTickets(drafts) }
                }
                for (w, result) in zip(bulk.waiting, results) { w.continuation.resume(with: result.mapError { $0 as any Error }) }
            } catch {
                for w in bulk.waiting { w.continuation.resume(throwing: error) }
            }
        }
    }

    /// Takes the creations waiting now; queues another bulk for those beyond `maxBatch`.
    fileprivate func gather() -> [Waiting] {
        let (batch, more) = lock.withLock {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            queued = !waiting.isEmpty
            return (batch, queued)
        }
        if more { queueBulk() }
        return batch
    }
}

/// The creations one bulk gathered: once, the first time they are asked for (when the writer
/// builds the bulk's prefetch, or runs it, or failed it before either).
private final class Bulk: @unchecked Sendable {  // `gathered` under `lock`
    private let intake: TicketIntake
    private let lock = NSLock()
    private var gathered: (waiting: [TicketIntake.Waiting], drafts: [(NewTicket, Actor)])?

    init(intake: TicketIntake) { self.intake = intake }

    var waiting: [TicketIntake.Waiting] { taken.waiting }
    var drafts: [(NewTicket, Actor)] { taken.drafts }

    private var taken: (waiting: [TicketIntake.Waiting], drafts: [(NewTicket, Actor)]) {
        lock.withLock {
            if let gathered { return gathered }
            let waiting = intake.gather()
            let taken = (waiting, waiting.map { ($0.new, $0.actor) })
            gathered = taken
            return taken
        }
    }
}
