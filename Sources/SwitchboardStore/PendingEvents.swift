import SQLKit
import SwitchboardCore

/// The audit and outbox rows a transaction records, held column by column until the batch
/// commits. On PostgreSQL each column goes out as one array as it is, with no row of values to
/// look at one by one (the SLA round records three events a ticket, 1,500 a slice).
///
/// Each recorded change is one audit row and one outbox row, which share the time, the actor
/// and the entity.
struct PendingEvents {
    private var sequence: [Int64] = []
    private var occurredAt: [Int64] = []
    private var actorKind: [String] = []
    private var actorId: [Int64?] = []
    private var entity: [String] = []
    private var entityId: [Int64] = []
    private var action: [String] = []
    private var before: [String?] = []
    private var after: [String?] = []
    private var previousHash: [String] = []
    private var hash: [String] = []
    private var type: [String] = []
    private var payload: [String] = []

    static let auditColumns = [
        "seq", "occurred_at", "actor_kind", "actor_id", "entity", "entity_id", "action", "before_state", "after_state", "prev_hash", "hash",
    ]
    static let outboxColumns = ["type", "entity_id", "actor_kind", "actor_id", "occurred_at", "payload"]

    var count: Int { sequence.count }

    /// How many of the events are of `type`.
    func count(of type: DomainEventType) -> Int { self.type.reduce(0) { $1 == type.rawValue ? $0 + 1 : $0 } }

    /// Holds `event` (its hash computed) and its outbox row: `type` with `payload`.
    mutating func append(_ event: AuditEvent, type: DomainEventType, payload: String) {
        sequence.append(event.sequence)
        occurredAt.append(event.occurredAt.ms)
        actorKind.append(event.actor.kind.rawValue)
        actorId.append(event.actor.id)
        entity.append(event.entity.rawValue)
        entityId.append(event.entityId)
        action.append(event.action)
        before.append(event.before?.text)
        after.append(event.after?.text)
        previousHash.append(event.previousHash)
        hash.append(event.hash)
        self.type.append(type.rawValue)
        self.payload.append(payload)
    }

    /// Forgets all but the first `n` events (a write rolled back to its savepoint).
    mutating func keepFirst(_ n: Int) {
        let drop = count - n
        guard drop > 0 else { return }
        sequence.removeLast(drop)
        occurredAt.removeLast(drop)
        actorKind.removeLast(drop)
        actorId.removeLast(drop)
        entity.removeLast(drop)
        entityId.removeLast(drop)
        action.removeLast(drop)
        before.removeLast(drop)
        after.removeLast(drop)
        previousHash.removeLast(drop)
        hash.removeLast(drop)
        type.removeLast(drop)
        payload.removeLast(drop)
    }

    /// The statements that insert the audit rows and the outbox rows.
    func inserts(_ dialect: Dialect) -> [any SQLExpression] {
        guard count > 0 else { return [] }
        switch dialect {
        case .postgres:
            func ints(_ values: [Int64?]) -> PostgresColumnArray { PostgresColumnArray(.int8(values)) }
            func texts(_ values: [String?]) -> PostgresColumnArray { PostgresColumnArray(.text(values)) }
            return [
                ArrayInsert(
                    "audit_events", Self.auditColumns,
                    arrays: [
                        ints(sequence), ints(occurredAt), texts(actorKind), ints(actorId), texts(entity), ints(entityId), texts(action),
                        texts(before), texts(after), texts(previousHash), texts(hash),
                    ]),
                ArrayInsert(
                    "outbox", Self.outboxColumns,
                    arrays: [texts(type), ints(entityId), texts(actorKind), ints(actorId), ints(occurredAt), texts(payload)]),
            ]
        case .sqlite:
            var audit: [[any Encodable & Sendable]] = []
            var outbox: [[any Encodable & Sendable]] = []
            audit.reserveCapacity(count)
            outbox.reserveCapacity(count)
            for i in 0..<count {
                var row: [any Encodable & Sendable] = [sequence[i], occurredAt[i], actorKind[i], actorId[i], entity[i], entityId[i]]
                row += [action[i], before[i], after[i], previousHash[i], hash[i]] as [any Encodable & Sendable]
                audit.append(row)
                outbox.append([type[i], entityId[i], actorKind[i], actorId[i], occurredAt[i], payload[i]])
            }
            return WriteContext.chunkedInserts("audit_events", Self.auditColumns, audit)
                + WriteContext.chunkedInserts("outbox", Self.outboxColumns, outbox)
        }
    }
}
