import Foundation
import SwitchboardCore

/// Collects ticket creations from concurrent requests and hands them to the writer in bulk:
/// while one bulk is being written, the next one fills up.
actor TicketIntake {
    private struct Waiting {
        let new: NewTicket
        let actor: Actor
        let continuation: CheckedContinuation<Ticket, any Error>
    }

    private let writer: Writer
    private let maxBatch: Int
    private var waiting: [Waiting] = []
    private var running = false

    init(writer: Writer, maxBatch: Int = 256) {
        self.writer = writer
        self.maxBatch = maxBatch
    }

    func create(_ new: NewTicket, actor: Actor) async throws -> Ticket {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(new: new, actor: actor, continuation: continuation))
            if !running {
                running = true
                // High priority: every waiting request depends on this one serial task, so it
                // goes ahead of request handlers queued on the shared thread pool.
                Task(priority: .high) { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            let drafts = batch.map { ($0.new, $0.actor) }
            do {
                let results = try await writer.perform(prefetch: WriteContext.intakePrefetch(drafts)) { context in
                    try await context.deferringWrites { try await context.createTickets(drafts) }
                }
                for (w, result) in zip(batch, results) { w.continuation.resume(with: result.mapError { $0 as any Error }) }
            } catch {
                for w in batch { w.continuation.resume(throwing: error) }
            }
        }
        running = false
    }
}
