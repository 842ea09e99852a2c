import SwitchboardCore
import SwitchboardStore

/// How the job runner's consumers of the event outbox take their events: each round reads the
/// consumer's next window and decides what it calls for on a read connection, then moves the
/// consumer's position and queues those jobs in one write. A window that calls for nothing
/// moves the position without the writer (`Store.passEvents`), so a burst of new tickets that
/// wants no mail does not queue writes among the tickets' own. When another instance moved
/// the position first, that instance acts on the window, and this one drops its decisions.
enum OutboxConsumer {
    /// Events one round looks at. Only those of the consumer's types are read.
    static let window = 1_000

    /// A job a window calls for.
    struct QueuedJob: Sendable {
        var kind: String
        var payload: String
    }

    /// The consumer's position and its next window (`end` nil when nothing is new).
    static func next(_ ctx: ReadContext, consumer: String, types: Set<DomainEventType>) async throws -> (
        position: Int64, events: [DomainEvent], end: Int64?
    ) {
        let position = try await ctx.consumerPosition(consumer)
        let window = try await ctx.events(after: position, window: window, types: types)
        return (position, window.events, window.end)
    }

    /// One round of `consumer`; returns the jobs queued.
    static func round(
        _ store: Store, consumer: String, types: Set<DomainEventType>,
        decide: @Sendable (ReadContext, [DomainEvent]) async throws -> [QueuedJob]
    ) async throws -> Int {
        let (position, end, jobs) = try await store.read { ctx in
            let next = try await next(ctx, consumer: consumer, types: types)
            return (next.position, next.end, try await decide(ctx, next.events))
        }
        guard let end else { return 0 }
        guard !jobs.isEmpty else {
            _ = try await store.passEvents(consumer: consumer, from: position, to: end)
            return 0
        }
        return try await store.write { ctx in
            guard try await ctx.advanceConsumer(consumer, from: position, to: end) else { return 0 }
            for job in jobs { try await ctx.enqueueJob(kind: job.kind, payload: job.payload) }
            return jobs.count
        }
    }
}
