import Foundation
import SQLKit
import SwitchboardCore

/// A filter over the audit log.
public struct AuditQuery: Sendable {
    public var entity: EntityType?
    public var entityId: Int64?
    public var actorId: Int64?
    public var action: String?
    public var from: Date?
    public var to: Date?
    /// Keyset: only events with a lower sequence (the list is newest first).
    public var beforeSequence: Int64?
    public var limit: Int

    public init(entity: EntityType? = nil, entityId: Int64? = nil, actorId: Int64? = nil, action: String? = nil, from: Date? = nil,
                to: Date? = nil, beforeSequence: Int64? = nil, limit: Int = 50) {
        self.entity = entity
        self.entityId = entityId
        self.actorId = actorId
        self.action = action
        self.from = from
        self.to = to
        self.beforeSequence = beforeSequence
        self.limit = limit
    }
}

extension ReadContext {
    /// Audit events matching `query`, newest first.
    public func auditEvents(_ q: AuditQuery) async throws -> [AuditEvent] {
        var c: [SQLQueryString] = ["1 = 1"]
        if let e = q.entity { c.append("entity = \(bind: e.rawValue)") }
        if let id = q.entityId { c.append("entity_id = \(bind: id)") }
        if let a = q.actorId { c.append("actor_id = \(bind: a)") }
        if let a = q.action { c.append("action = \(bind: a)") }
        if let d = q.from { c.append("occurred_at >= \(bind: d.ms)") }
        if let d = q.to { c.append("occurred_at < \(bind: d.ms)") }
        if let s = q.beforeSequence { c.append("seq < \(bind: s)") }
        return try await sql.raw(
            "SELECT * FROM audit_events WHERE \(c.joined(separator: " AND ")) ORDER BY seq DESC LIMIT \(bind: q.limit)"
        ).all().map(auditEvent(from:))
    }

    /// A ticket's history, oldest first: its own events and those of the messages added to it
    /// (a message's event is filed under its ticket's id).
    public func history(ticketId: Int64) async throws -> [AuditEvent] {
        try await sql.raw("SELECT * FROM audit_events WHERE entity IN ('ticket', 'message') AND entity_id = \(bind: ticketId) ORDER BY seq")
            .all().map(auditEvent(from:))
    }

    /// Verifies the whole chain in pages; names the first altered, broken or missing link.
    public func verifyAuditChain(pageSize: Int = 5000) async throws -> AuditChain.Finding {
        var previous: (sequence: Int64, hash: String)? = nil
        var total = 0
        while true {
            let after = previous?.sequence ?? 0
            let page = try await sql.raw("SELECT * FROM audit_events WHERE seq > \(bind: after) ORDER BY seq LIMIT \(bind: pageSize)")
                .all().map(auditEvent(from:))
            if page.isEmpty { break }
            let finding = AuditChain.verify(page, startingAfter: previous, hash: AuditHash.hex)
            guard case .intact(let n) = finding else { return finding }
            total += n
            if let last = page.last { previous = (last.sequence, last.hash) }
        }
        // The head must point at the last event: removing the newest events shows here.
        if let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() {
            let seq = try head.decode(column: "seq", as: Int64.self)
            let hash = try head.decode(column: "hash", as: String.self)
            if seq != (previous?.sequence ?? 0) || (seq > 0 && hash != previous?.hash) {
                return .missing(after: previous?.sequence ?? 0, next: seq)
            }
        }
        return .intact(count: total)
    }

    private func auditEvent(from row: any SQLRow) throws -> AuditEvent {
        guard let kind = Actor.Kind(rawValue: try row.decode(column: "actor_kind", as: String.self)),
            let entity = EntityType(rawValue: try row.decode(column: "entity", as: String.self))
        else { throw StoreError.corrupt("audit event kinds") }
        func json(_ column: String) throws -> JSONText? {
            try row.decode(column: column, as: String?.self).map(JSONText.init(stored:))
        }
        return AuditEvent(
            sequence: try row.decode(column: "seq", as: Int64.self),
            occurredAt: Date(ms: try row.decode(column: "occurred_at", as: Int64.self)),
            actor: Actor(kind: kind, id: try row.decode(column: "actor_id", as: Int64?.self)), entity: entity,
            entityId: try row.decode(column: "entity_id", as: Int64.self), action: try row.decode(column: "action", as: String.self),
            before: try json("before_state"), after: try json("after_state"),
            previousHash: try row.decode(column: "prev_hash", as: String.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// Outbox events after `sequence`, in order: the consumer interface's read.
    public func events(after sequence: Int64, limit: Int) async throws -> [DomainEvent] {
        try await sql.raw("SELECT * FROM outbox WHERE seq > \(bind: sequence) ORDER BY seq LIMIT \(bind: limit)").all().map(Self.event)
    }

    /// A consumer's next window: the outbox's next `limit` events after `sequence`, of which only
    /// those of `types` are read (the others are passed over unread), and the window's last
    /// sequence number (nil when nothing is new).
    public func events(after sequence: Int64, window limit: Int, types: Set<DomainEventType>) async throws -> (events: [DomainEvent], end: Int64?) {
        guard
            let end = try await sql.raw(
                "SELECT MAX(seq) AS last FROM (SELECT seq FROM outbox WHERE seq > \(bind: sequence) ORDER BY seq LIMIT \(bind: limit)) w"
            ).first(decodingColumn: "last", as: Int64?.self) ?? nil
        else { return ([], nil) }
        guard !types.isEmpty else { return ([], end) }
        let wanted = SQLList(types.map(\.rawValue).sorted().map { SQLBind($0) })
        let events = try await sql.raw(
            "SELECT * FROM outbox WHERE seq > \(bind: sequence) AND seq <= \(bind: end) AND type IN (\(wanted)) ORDER BY seq"
        ).all().map(Self.event)
        return (events, end)
    }

    private static func event(_ row: any SQLRow) throws -> DomainEvent {
        guard let type = DomainEventType(rawValue: try row.decode(column: "type", as: String.self)),
            let kind = Actor.Kind(rawValue: try row.decode(column: "actor_kind", as: String.self))
        else { throw StoreError.corrupt("outbox kinds") }
        return DomainEvent(
            sequence: try row.decode(column: "seq", as: Int64.self), type: type,
            entityId: try row.decode(column: "entity_id", as: Int64.self),
            actor: Actor(kind: kind, id: try row.decode(column: "actor_id", as: Int64?.self)),
            occurredAt: Date(ms: try row.decode(column: "occurred_at", as: Int64.self)),
            payload: JSONText(stored: try row.decode(column: "payload", as: String.self)))
    }

    /// How far each named consumer is behind: the outbox's newest sequence number less its
    /// position (an upper bound of the events it has yet to take: PostgreSQL's sequence leaves gaps).
    public func consumerLag() async throws -> [(name: String, position: Int64, behind: Int64)] {
        try await sql.raw(
            """
            SELECT name, last_seq, (SELECT COALESCE(MAX(seq), 0) FROM outbox) - last_seq AS behind FROM outbox_consumers ORDER BY name
            """
        ).all().map {
            (
                try $0.decode(column: "name", as: String.self), try $0.decode(column: "last_seq", as: Int64.self),
                max(0, try $0.decode(column: "behind", as: Int64.self))
            )
        }
    }

    /// Where a named consumer stopped.
    public func consumerPosition(_ name: String) async throws -> Int64 {
        try await sql.raw("SELECT last_seq FROM outbox_consumers WHERE name = \(bind: name)").first(decodingColumn: "last_seq", as: Int64.self) ?? 0
    }

    /// A stored response for an idempotency key of this user, if the key was used before.
    /// `fingerprint`: the SHA-256 of the request it answered (nil for keys stored before it was kept).
    public func idempotentResponse(userId: Int64, key: String) async throws -> (route: String, status: Int, body: String, fingerprint: String?)? {
        guard
            let row = try await sql.raw(
                "SELECT route, status, body, fingerprint FROM idempotency_keys WHERE user_id = \(bind: userId) AND key = \(bind: key)"
            ).first()
        else { return nil }
        return (
            try row.decode(column: "route", as: String.self), Int(try row.decode(column: "status", as: Int64.self)),
            try row.decode(column: "body", as: String.self), try row.decode(column: "fingerprint", as: String?.self)
        )
    }
}

extension WriteContext {
    /// Moves a consumer's position forward.
    public func setConsumerPosition(_ name: String, to sequence: Int64) async throws {
        try await sql.raw("DELETE FROM outbox_consumers WHERE name = \(bind: name)").run()
        try await sql.raw("INSERT INTO outbox_consumers (name, last_seq) VALUES (\(bind: name), \(bind: sequence))").run()
    }

    /// Remembers the response given for an idempotency key, in the same transaction as the create.
    /// `fingerprint`: the SHA-256 of the request, to tell the same key sent with another one.
    public func storeIdempotentResponse(userId: Int64, key: String, route: String, status: Int, body: String, fingerprint: String) async throws {
        try await sql.raw(
            """
            INSERT INTO idempotency_keys (user_id, key, route, status, body, created_at, fingerprint)
            VALUES (\(bind: userId), \(bind: key), \(bind: route), \(bind: Int64(status)), \(bind: body), \(bind: now.ms), \(bind: fingerprint))
            """
        ).run()
    }
}

/// Reads the outbox in order on behalf of a named consumer and remembers how far it got.
public struct EventConsumer: Sendable {
    public let name: String
    let store: Store

    public init(name: String, store: Store) {
        self.name = name
        self.store = store
    }

    /// Hands the next events (at most `limit`) to `handle`, then stores the new position.
    /// Returns how many were handled. A throwing handler leaves the position where it was.
    @discardableResult
    public func poll(limit: Int = 100, _ handle: @Sendable ([DomainEvent]) async throws -> Void) async throws -> Int {
        let name = self.name
        let position = try await store.read { try await $0.consumerPosition(name) }
        let events = try await store.read { try await $0.events(after: position, limit: limit) }
        guard let last = events.last else { return 0 }
        try await handle(events)
        try await store.write { try await $0.setConsumerPosition(name, to: last.sequence) }
        return events.count
    }
}
