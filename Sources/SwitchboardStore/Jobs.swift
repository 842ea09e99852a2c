import Foundation
import SQLKit
import SwitchboardCore

/// A job waiting to run, claimed by a worker.
public struct Job: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var payload: String
    /// How many times it was claimed, this time included.
    public var attempts: Int
}

extension WriteContext {
    /// Queues a job (in the transaction of the change that wants it).
    public func enqueueJob(kind: String, payload: String, runAt: Date? = nil) async throws {
        try await sql.raw(
            """
            INSERT INTO jobs (kind, payload, run_at, created_at) VALUES (\(bind: kind), \(bind: payload), \(bind: (runAt ?? now).ms), \(bind: now.ms))
            """
        ).run()
    }

    /// Claims up to `limit` due jobs for `lease`; on PostgreSQL other workers skip them.
    public func claimJobs(limit: Int, lease: TimeInterval) async throws -> [Job] {
        let skip = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE jobs SET locked_until = \(bind: now.addingTimeInterval(lease).ms), attempts = attempts + 1
            WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= \(bind: now.ms)
              AND (locked_until IS NULL OR locked_until < \(bind: now.ms)) ORDER BY run_at, id LIMIT \(bind: Int64(limit))\(unsafeRaw: skip))
            RETURNING id, kind, payload, attempts
            """
        ).all()
        return try rows.map {
            Job(
                id: try $0.decode(column: "id", as: Int64.self), kind: try $0.decode(column: "kind", as: String.self),
                payload: try $0.decode(column: "payload", as: String.self), attempts: Int(try $0.decode(column: "attempts", as: Int64.self)))
        }.sorted { $0.id < $1.id }
    }

    public func completeJob(_ id: Int64) async throws {
        try await sql.raw("UPDATE jobs SET done_at = \(bind: now.ms), locked_until = NULL, last_error = NULL WHERE id = \(bind: id)").run()
    }

    /// Runs the job again at `at`, or gives up on it (`at` nil) keeping the error.
    public func failJob(_ id: Int64, error: String, retryAt at: Date?) async throws {
        if let at {
            try await sql.raw(
                "UPDATE jobs SET run_at = \(bind: at.ms), locked_until = NULL, last_error = \(bind: String(error.prefix(2000))) WHERE id = \(bind: id)"
            ).run()
        } else {
            try await sql.raw(
                "UPDATE jobs SET failed_at = \(bind: now.ms), locked_until = NULL, last_error = \(bind: String(error.prefix(2000))) WHERE id = \(bind: id)"
            ).run()
        }
    }

    /// Moves a consumer from `from` to `to`, unless someone moved it since it was read at `from`;
    /// returns whether it moved (then the events in between are this caller's to act on).
    public func advanceConsumer(_ name: String, from: Int64, to: Int64) async throws -> Bool {
        try await Self.advanceConsumer(name, from: from, to: to, on: sql)
    }

    /// The compare-and-set that moves a consumer, on any connection (see `Store.passEvents`).
    static func advanceConsumer(_ name: String, from: Int64, to: Int64, on sql: any SQLDatabase) async throws -> Bool {
        try await !sql.raw(
            "UPDATE outbox_consumers SET last_seq = \(bind: to) WHERE name = \(bind: name) AND last_seq = \(bind: from) RETURNING last_seq"
        ).all().isEmpty
    }
}

extension ReadContext {
    /// Jobs by kind and state, for tests and the admin's eye.
    public func jobs(kind: String) async throws -> [(job: Job, done: Bool, failed: Bool, lastError: String?)] {
        try await sql.raw("SELECT * FROM jobs WHERE kind = \(bind: kind) ORDER BY id").all().map {
            (Job(
                id: try $0.decode(column: "id", as: Int64.self), kind: try $0.decode(column: "kind", as: String.self),
                payload: try $0.decode(column: "payload", as: String.self), attempts: Int(try $0.decode(column: "attempts", as: Int64.self))),
             try $0.decode(column: "done_at", as: Int64?.self) != nil, try $0.decode(column: "failed_at", as: Int64?.self) != nil,
             try $0.decode(column: "last_error", as: String?.self))
        }
    }
}

extension ReadContext {
    /// Whether a job is due at `at` and free to claim: a read, so an idle runner does not take the writer.
    public func hasDueJobs(at: Date) async throws -> Bool {
        let now = at.ms
        return try await sql.raw(
            """
            SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= \(bind: now)
              AND (locked_until IS NULL OR locked_until < \(bind: now)) LIMIT 1
            """
        ).first() != nil
    }
}

extension Store {
    /// Moves a consumer from `from` past events that called for nothing, unless another
    /// instance moved it first (then false). On PostgreSQL the statement runs on a connection of
    /// the pool, not the writer's: it changes nothing the audit chain orders, so ticket writes
    /// need not wait for it. On SQLite it goes through the writer, the file's only writer.
    public func passEvents(consumer name: String, from: Int64, to: Int64) async throws -> Bool {
        let sql = try await read { $0.sql }
        guard Dialect(sql) == .postgres else { return try await write { try await $0.advanceConsumer(name, from: from, to: to) } }
        return try await WriteContext.advanceConsumer(name, from: from, to: to, on: sql)
    }
}
