import Crypto
import FluentKit
import Foundation
import SQLKit
import SwitchboardCore

/// What a write sees: the transaction's connection, the time, and the records every change
/// must leave behind (audit event and outbox event), written in the same transaction.
///
/// Used by one task at a time inside the writer's transaction; never escapes it.
public final class WriteContext: @unchecked Sendable {  // confined to the writer's transaction
    public let sql: any SQLDatabase
    let dialect: Dialect
    /// The time of the current write.
    public internal(set) var now: Date
    private var chainSeq: Int64
    private var chainHash: String
    private var nextNumber: Int64?
    private var chainMoved = false
    private var pendingAudit: [[any Encodable & Sendable]] = []
    private var pendingOutbox: [[any Encodable & Sendable]] = []
    /// Custom field definitions, read once per batch.
    var cachedCustomFields: [CustomFieldDefinition]?

    struct Mark {
        let seq: Int64
        let hash: String
        let number: Int64?
        let audit: Int
        let outbox: Int
    }

    private init(sql: any SQLDatabase, now: Date, seq: Int64, hash: String, nextNumber: Int64?) {
        self.sql = sql
        self.dialect = Dialect(sql)
        self.now = now
        self.chainSeq = seq
        self.chainHash = hash
        self.nextNumber = nextNumber
    }

    static func begin(sql: any SQLDatabase, now: Date) async throws -> WriteContext {
        // Every writer locks the chain head first, so writers of all instances take turns and
        // the workspace counter read here stays ours until commit.
        let lock = Dialect(sql) == .postgres ? " FOR UPDATE" : ""
        guard let head = try await sql.raw(
            "SELECT seq, hash, (SELECT next_ticket_number FROM workspace WHERE id = 1) AS next FROM audit_head WHERE id = 1\(unsafeRaw: lock)"
        ).first()
        else { throw StoreError.corrupt("audit_head row missing") }
        return WriteContext(
            sql: sql, now: now, seq: try head.decode(column: "seq", as: Int64.self),
            hash: try head.decode(column: "hash", as: String.self), nextNumber: try head.decode(column: "next", as: Int64?.self))
    }

    func mark() -> Mark {
        Mark(seq: chainSeq, hash: chainHash, number: nextNumber, audit: pendingAudit.count, outbox: pendingOutbox.count)
    }

    /// Forgets what a rolled-back write did to the in-memory state.
    func reset(to mark: Mark) {
        chainSeq = mark.seq
        chainHash = mark.hash
        nextNumber = mark.number
        pendingAudit.removeLast(pendingAudit.count - mark.audit)
        pendingOutbox.removeLast(pendingOutbox.count - mark.outbox)
        cachedCustomFields = nil
    }

    func finish() async throws {
        guard chainMoved else { return }
        try await flushRecords()
        try await sql.raw("UPDATE audit_head SET seq = \(bind: chainSeq), hash = \(bind: chainHash) WHERE id = 1").run()
        if let nextNumber {
            try await sql.raw("UPDATE workspace SET next_ticket_number = \(bind: nextNumber) WHERE id = 1").run()
        }
    }

    /// The custom field definitions, read once per transaction.
    func customFieldDefinitions() async throws -> [CustomFieldDefinition] {
        if let cachedCustomFields { return cachedCustomFields }
        let definitions = try await reader.customFields()
        cachedCustomFields = definitions
        return definitions
    }

    /// Takes the next human ticket number of the workspace.
    func takeTicketNumber() throws -> Int64 {
        guard let n = nextNumber else { throw DomainError(.conflict, "the workspace is not set up yet") }
        nextNumber = n + 1
        chainMoved = true
        return n
    }

    /// Records one change: an audit event chained to its predecessor and a domain event in the
    /// outbox. `payload` defaults to `after`. Both rows are written when the batch commits, in
    /// one multi-row insert each, inside the same transaction as the change.
    public func record(
        _ type: DomainEventType, entityId: Int64, actor: Actor, before: JSONText? = nil, after: JSONText? = nil,
        payload: JSONText? = nil
    ) async throws {
        let event = AuditEvent(
            sequence: chainSeq + 1, occurredAt: Date(ms: now.ms), actor: actor, entity: type.entity, entityId: entityId,
            action: type.action, before: before, after: after, previousHash: chainHash, hash: "")
        let hash = AuditHash.hex(event.hashInput)
        pendingAudit.append([
            event.sequence, now.ms, actor.kind.rawValue, actor.id, event.entity.rawValue, entityId, event.action,
            before?.text, after?.text, chainHash, hash,
        ])
        pendingOutbox.append([
            type.rawValue, entityId, actor.kind.rawValue, actor.id, now.ms, (payload ?? after)?.text ?? "null",
        ])
        chainSeq = event.sequence
        chainHash = hash
        chainMoved = true
    }

    private func flushRecords() async throws {
        for chunk in stride(from: 0, to: pendingAudit.count, by: 200) {
            var insert = sql.insert(into: "audit_events").columns(
                "seq", "occurred_at", "actor_kind", "actor_id", "entity", "entity_id", "action", "before_state", "after_state",
                "prev_hash", "hash")
            for row in pendingAudit[chunk..<min(chunk + 200, pendingAudit.count)] { insert = insert.values(row) }
            try await insert.run()
        }
        for chunk in stride(from: 0, to: pendingOutbox.count, by: 200) {
            var insert = sql.insert(into: "outbox").columns("type", "entity_id", "actor_kind", "actor_id", "occurred_at", "payload")
            for row in pendingOutbox[chunk..<min(chunk + 200, pendingOutbox.count)] { insert = insert.values(row) }
            try await insert.run()
        }
        pendingAudit.removeAll()
        pendingOutbox.removeAll()
    }
}

/// SHA-256 as lower-case hex, the audit chain's hash.
public enum AuditHash {
    public static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Date {
    /// Milliseconds since 1970: how times are stored, the same on both databases.
    public var ms: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(ms: Int64) { self.init(timeIntervalSince1970: Double(ms) / 1000) }
}
