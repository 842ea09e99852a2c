import Crypto
import FluentKit
import Foundation
import SQLKit
import SwitchboardCore

/// What a write sees: the transaction's connection, the time, and the records every change
/// must leave behind (audit event and outbox event), written in the same transaction.
///
/// Used by one task at a time inside the writer's transaction; never escapes it. (One
/// exception: `applySLADueSlice` chains events while a child task runs `saveSLA`, which reads
/// only `sql` and `dialect`.)
public final class WriteContext: @unchecked Sendable {  // confined to the writer's transaction
    public let sql: any SQLDatabase
    let dialect: Dialect
    /// The time of the current write.
    public internal(set) var now: Date
    private var chainSeq: Int64
    private var chainHash: String
    private var nextNumber: Int64?
    private var chainMoved = false
    /// Whether `finish` wrote the head row.
    private var headWritten = false
    /// What a lockless write's statement must find as it runs (see `requireAtCommit`).
    private var commitChecks: [(condition: SQLQueryString, reason: String)] = []
    /// The audit and outbox rows of this transaction, written when it commits.
    private var pending = PendingEvents()
    /// The tickets the batch creates, counted when it finishes (for `/metrics`).
    private(set) var ticketsCreated = 0
    /// Statements held back until the batch ends (PostgreSQL only), with their bind count.
    private var deferred: [any SQLExpression] = []
    private var deferredBinds = 0
    /// Whether `runDeferred` may hold statements back: only while the ticket intake writes.
    private var defersWrites = false
    /// Custom field definitions and SLA policies, kept by the writer across batches while their
    /// version holds.
    private let fieldCache: WriterCache
    /// The chain head and the versions as this transaction began.
    private let begun: Head
    /// Whether this write holds no lock and checks the head as it commits (see `Writer.pipeline`).
    let lockless: Bool
    /// `workspace.definitions_version` as this transaction began (it moves only at commit).
    var definitionsVersion: Int64 { begun.definitionsVersion }
    /// Set when this transaction changed SLA policies or calendars.
    var slaChanged = false {
        didSet { if slaChanged { definitionsMoved = true } }
    }
    /// Whether the definitions' counter must move on at commit.
    private var definitionsMoved = false
    /// Set when this transaction changed the definitions.
    var customFieldsChanged = false {
        didSet { if customFieldsChanged { definitionsMoved = true } }
    }
    /// Set while automations act: their changes' events carry it, so the chain can stop.
    public var automationCause: AutomationCause?
    /// Ticket types the admins turned off, as of the start of this transaction.
    var inactiveTypes: Set<TicketType> = []
    /// The answer to the batch's prefetch, while its first write runs (see `begin`).
    var prefetched: [any SQLRow]?

    struct Mark {
        let seq: Int64
        let hash: String
        let number: Int64?
        let events: Int
        let deferred: Int
        let deferredBinds: Int
    }

    /// The chain head and what else a write must know before it starts (see `headColumns`), as
    /// of one version of the head row.
    struct Head: Sendable {
        /// How often the head row was written: every commit that writes moves it on by one
        /// (see `finish`).
        let version: Int64
        let seq: Int64
        let hash: String
        let nextNumber: Int64?
        let inactiveTypes: Set<TicketType>
        /// The version of the custom field definitions (count and last change).
        let fieldsVersion: String
        /// The version of the SLA policies and calendars.
        let slaVersion: String
        let definitionsVersion: Int64
    }

    private init(sql: any SQLDatabase, now: Date, head: Head, fieldCache: WriterCache, lockless: Bool) {
        self.sql = sql
        self.fieldCache = fieldCache
        self.begun = head
        self.lockless = lockless
        self.dialect = Dialect(sql)
        self.now = now
        self.chainSeq = head.seq
        self.chainHash = head.hash
        self.nextNumber = head.nextNumber
        self.inactiveTypes = head.inactiveTypes
    }

    /// The statement that starts a write on PostgreSQL: it locks the chain head and reads it.
    ///
    /// Every writer locks the chain head first, so writers of all instances take turns and the
    /// workspace counter read here stays ours until commit. Under READ COMMITTED the locked row
    /// comes back as last committed, but the rest of the statement sees the tables as they were
    /// when it started: `begin` trusts the rest only when the head's version is the one the
    /// statement started with. Every write to what it reads is audited, so it moves the head
    /// (`finish`). Keep it so: a write to these tables must record an event (or set
    /// `definitionsMoved`). Its text never changes: the writer prepares it.
    static let lockStatement: SQLQueryString = """
        SELECT xmin::text AS version, (SELECT xmin::text FROM audit_head WHERE id = 1) AS seen, \(unsafeRaw: headColumns)
        FROM audit_head WHERE id = 1 FOR UPDATE
        """

    /// Starts a write: reads the chain head. On PostgreSQL `locked` is the answer of
    /// `lockStatement`, already run in this transaction; on SQLite the transaction holds the
    /// lock already. `prefetched` is the answer to the first job's prefetch, read after the lock.
    static func begin(
        sql: any SQLDatabase, now: Date, fieldCache: WriterCache, locked: (any SQLRow)? = nil, prefetched: [any SQLRow]? = nil
    ) async throws -> WriteContext {
        let head: any SQLRow
        if let locked, try locked.decode(column: "version", as: String.self) == locked.decode(column: "seen", as: String?.self) {
            head = locked
        } else {
            // SQLite, or another instance committed while the lock statement waited: read now.
            guard let row = try await sql.raw("SELECT \(unsafeRaw: headColumns) FROM audit_head WHERE id = 1").first()
            else { throw StoreError.corrupt("audit_head row missing") }
            head = row
        }
        // Every column is text (see `headColumns`).
        func text(_ column: String) throws -> String { try head.decode(column: column, as: String?.self) ?? "0" }
        func number(_ column: String) throws -> Int64? {
            guard let text = try head.decode(column: column, as: String?.self) else { return nil }
            guard let n = Int64(text) else { throw StoreError.corrupt("audit_head \(column) is \(text)") }
            return n
        }
        let definitions = try text("definitions")
        let inactive = try decodeJSONList([String].self, try head.decode(column: "inactive_types", as: String?.self) ?? "[]")
        guard let seq = try number("seq") else { throw StoreError.corrupt("audit_head seq missing") }
        let begun = Head(
            version: try number("head_version") ?? 0, seq: seq,
            hash: try head.decode(column: "hash", as: String.self), nextNumber: try number("next"),
            inactiveTypes: Set(inactive.compactMap(TicketType.init(rawValue:))),
            fieldsVersion: "\(definitions):\(try text("fields")):\(try text("fields_changed"))",
            slaVersion: [definitions, try text("slas"), try text("slas_changed"), try text("calendars_changed")].joined(separator: ":"),
            definitionsVersion: try number("definitions") ?? 0)
        let context = WriteContext(sql: sql, now: now, head: begun, fieldCache: fieldCache, lockless: false)
        context.prefetched = prefetched
        return context
    }

    /// Starts a lockless write on PostgreSQL (see `Writer.pipeline`): from `head` as this writer
    /// left it, without a transaction. It reads through `ReadOnlySQL` and writes only at
    /// `finish`, in one statement that fails unless the head is still at `head`'s version and hash.
    static func beginLockless(
        sql: any SQLDatabase, now: Date, fieldCache: WriterCache, head: Head, prefetched: [any SQLRow]?
    ) -> WriteContext {
        let context = WriteContext(sql: ReadOnlySQL(kit: sql), now: now, head: head, fieldCache: fieldCache, lockless: true)
        context.prefetched = prefetched
        return context
    }

    /// The head as this write leaves it once committed (call after `finish`); nil when it
    /// changed the definitions. Only for writes that change nothing else `headColumns` reads
    /// but the chain, the ticket counter and the inactive types.
    func headAfter() -> Head? {
        guard !customFieldsChanged, !slaChanged else { return nil }
        return Head(
            version: begun.version + (headWritten ? 1 : 0), seq: chainSeq, hash: chainHash, nextNumber: nextNumber,
            inactiveTypes: inactiveTypes, fieldsVersion: begun.fieldsVersion, slaVersion: begun.slaVersion,
            definitionsVersion: begun.definitionsVersion)
    }

    /// What a write must know before it starts: the chain head, the workspace's counters and
    /// the versions of the definitions the writer keeps. All as text: PostgresNIO reads the rows
    /// of a statement the writer prepared as if they came in text format, which for text they do.
    private static let headColumns = """
        CAST(seq AS TEXT) AS seq, hash, CAST(version AS TEXT) AS head_version, (SELECT CAST(next_ticket_number AS TEXT) FROM workspace WHERE id = 1) AS next,
          (SELECT inactive_types FROM workspace WHERE id = 1) AS inactive_types,
          (SELECT CAST(definitions_version AS TEXT) FROM workspace WHERE id = 1) AS definitions,
          CAST((SELECT COUNT(*) FROM custom_fields) AS TEXT) AS fields,
          (SELECT CAST(MAX(updated_at) AS TEXT) FROM custom_fields) AS fields_changed,
          CAST((SELECT COUNT(*) FROM sla_policies) + 1000000 * (SELECT COUNT(*) FROM business_calendars) AS TEXT) AS slas,
          (SELECT CAST(MAX(updated_at) AS TEXT) FROM sla_policies) AS slas_changed,
          (SELECT CAST(MAX(updated_at) AS TEXT) FROM business_calendars) AS calendars_changed
        """

    func mark() -> Mark {
        Mark(
            seq: chainSeq, hash: chainHash, number: nextNumber, events: pending.count,
            deferred: deferred.count, deferredBinds: deferredBinds)
    }

    /// Forgets what a rolled-back write did to the in-memory state.
    func reset(to mark: Mark) {
        chainSeq = mark.seq
        chainHash = mark.hash
        nextNumber = mark.number
        pending.keepFirst(mark.events)
        deferred.removeLast(max(0, deferred.count - mark.deferred))
        deferredBinds = mark.deferredBinds
    }

    /// Writes what the batch held back (audit and outbox rows, counters) and commits through
    /// `commit`, which sends the last statement together with COMMIT.
    func finish(commit: (_ last: (any SQLExpression)?) async throws -> Void) async throws {
        guard chainMoved || !deferred.isEmpty || definitionsMoved else { return try await commit(nil) }
        headWritten = true
        ticketsCreated = pending.count(of: .ticketCreated)
        var statements = deferred
        statements += pending.inserts(dialect)
        if let nextNumber {
            statements.append(SQLQueryString("UPDATE workspace SET next_ticket_number = \(bind: nextNumber) WHERE id = 1"))
        }
        if definitionsMoved {
            // Changed policies or hours re-time the open tickets from the start (the job runner does).
            let retime = slaChanged ? ", sla_retime_from = 0" : ""
            statements.append(SQLQueryString("UPDATE workspace SET definitions_version = definitions_version + 1\(unsafeRaw: retime) WHERE id = 1"))
            definitionsMoved = false
        }
        let moveHead: SQLQueryString = "UPDATE audit_head SET seq = \(bind: chainSeq), hash = \(bind: chainHash), version = version + 1 WHERE id = 1"
        deferred.removeAll()
        deferredBinds = 0
        pending = PendingEvents()
        switch dialect {
        case .sqlite:
            statements.append(moveHead)
            for statement in statements.dropLast() { try await sql.execute(sql: statement) { _ in } }
            try await commit(statements.last)
        case .postgres:
            // Every statement is a round trip to the server: the batch's writes go out as one.
            // A lockless write moves the head only from the version and hash it began at, and
            // fails as a whole when another writer moved it.
            if lockless {
                let expected = SQLQueryString(" AND version = \(bind: begun.version) AND hash = \(bind: begun.hash) RETURNING hash")
                statements.append(ChainedQuery("moved_head", "\(moveHead)\(expected)"))
                var select: SQLQueryString = "SELECT COALESCE((SELECT hash FROM moved_head), switchboard_refuse(\(bind: Self.headMoved))) AS hash"
                for (i, check) in commitChecks.enumerated() {
                    select = "\(select), CASE WHEN \(check.condition) THEN '' ELSE switchboard_refuse(\(bind: check.reason)) END AS check\(unsafeRaw: String(i))"
                }
                commitChecks = []
                statements.append(select)
            } else {
                statements.append(moveHead)
            }
            try await commit(StatementChain(statements))
        }
    }

    static let headMoved = "the audit chain head moved since this batch read it"

    /// Makes a lockless write's one statement fail whole, saying `reason`, unless `condition`
    /// holds as it runs (it may read what the held-back statements name, see `ChainedQuery`).
    func requireAtCommit(_ condition: SQLQueryString, reason: String) {
        commitChecks.append((condition, reason))
    }

    /// Runs `body` with `runDeferred` holding statements back (on PostgreSQL). For writes that
    /// read back nothing they write; the writer flushes them before the next write of its batch.
    func deferringWrites<T>(_ body: () async throws -> T) async rethrows -> T {
        defersWrites = true
        defer { defersWrites = false }
        return try await body()
    }

    /// Sends the statements held back so far (the writer calls it between writes of a batch).
    func flushDeferred() async throws {
        guard !deferred.isEmpty else { return }
        let statements = deferred
        deferred.removeAll()
        deferredBinds = 0
        try await sql.execute(sql: StatementChain(statements)) { _ in }
    }

    /// Runs `statement` now or, inside `deferringWrites` on PostgreSQL, with the batch's last
    /// statement: each statement is a round trip to the server.
    func runDeferred(_ statement: any SQLExpression, binds: Int) async throws {
        guard dialect == .postgres, defersWrites else {
            try await sql.execute(sql: statement) { _ in }
            return
        }
        deferred.append(statement)
        deferredBinds += binds
        // PostgreSQL takes at most 65,535 binds per statement: send what is held well before.
        if deferredBinds > 30_000 { try await flushDeferred() }
    }

    /// The custom field definitions: read when their version moved since the writer last read
    /// them, or when this transaction changed them.
    func customFieldDefinitions() async throws -> [CustomFieldDefinition] {
        if !customFieldsChanged, let cached = fieldCache.definitions(version: begun.fieldsVersion) { return cached }
        let definitions = try await reader.customFields()
        if !customFieldsChanged { fieldCache.keep(definitions, version: begun.fieldsVersion) }
        return definitions
    }

    /// The SLA policies and calendars as an engine: read when their version moved since the
    /// writer last read them, or when this transaction changed them.
    func slaEngine() async throws -> SLAEngine {
        if !slaChanged, let cached = fieldCache.slaEngine(version: begun.slaVersion) { return cached }
        let engine = SLAEngine(policies: try await reader.slaPolicies(), calendars: try await reader.businessCalendars())
        if !slaChanged { fieldCache.keep(engine, version: begun.slaVersion) }
        return engine
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
        var event = AuditEvent(
            sequence: chainSeq + 1, occurredAt: Date(ms: now.ms), actor: actor, entity: type.entity, entityId: entityId,
            action: type.action, before: before, after: after, previousHash: chainHash, hash: "")
        event.hash = AuditHash.hex(event.hashInput)
        pending.append(event, type: type, payload: (payload ?? after)?.text ?? "null")
        chainSeq = event.sequence
        chainHash = event.hash
        chainMoved = true
    }

    /// The statements that insert `rows`: on PostgreSQL one insert from column arrays, else (or
    /// for values that are neither integer nor text) multi-row inserts.
    func inserts(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) -> [any SQLExpression] {
        guard !rows.isEmpty else { return [] }
        if dialect == .postgres, let insert = ArrayInsert(table, columns, rows) { return [insert] }
        return Self.chunkedInserts(table, columns, rows)
    }

    /// Multi-row inserts of `rows`, at most about 20,000 values each.
    static func chunkedInserts(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) -> [RowsInsert] {
        let chunkSize = max(1, 20_000 / columns.count)
        return stride(from: 0, to: rows.count, by: chunkSize).map { start in
            RowsInsert(table: table, columns: columns, rows: rows[start..<min(start + chunkSize, rows.count)])
        }
    }
}

/// Several writes as one PostgreSQL statement: `WITH s0 AS (…), s1 AS (…) <last>`. The writes
/// all happen; foreign keys are checked at the end of the whole statement.
struct StatementChain: SQLExpression {
    let statements: [any SQLExpression]

    init(_ statements: [any SQLExpression]) { self.statements = statements }

    func serialize(to serializer: inout SQLSerializer) {
        guard let last = statements.last else { return serializer.write("SELECT 1") }
        if statements.count > 1 {
            serializer.write("WITH ")
            for (i, statement) in statements.dropLast().enumerated() {
                if i > 0 { serializer.write(", ") }
                if let named = statement as? ChainedQuery {
                    serializer.write("\(named.name) AS \(named.materialized ? "MATERIALIZED " : "")(")
                    named.query.serialize(to: &serializer)
                } else {
                    serializer.write("s\(i) AS (")
                    statement.serialize(to: &serializer)
                }
                serializer.write(")")
            }
            serializer.write(" ")
        }
        last.serialize(to: &serializer)
    }
}

/// A statement of a `StatementChain` under a name of its own, which the statements after it
/// (and the last) may read. Names are unique within the chain: a batch holds one write that
/// names its statements.
struct ChainedQuery: SQLExpression {
    let name: String
    let materialized: Bool
    let query: SQLQueryString

    init(_ name: String, materialized: Bool = false, _ query: SQLQueryString) {
        self.name = name
        self.materialized = materialized
        self.query = query
    }

    /// Alone (not in a chain) it is its query.
    func serialize(to serializer: inout SQLSerializer) { query.serialize(to: &serializer) }
}

/// The writer's copy of the custom field definitions and SLA policies, each with the version it
/// was read at.
final class WriterCache: @unchecked Sendable {  // used by the writer's task only
    private var version: String?
    private var cached: [CustomFieldDefinition] = []
    private var slaVersion: String?
    private var engine: SLAEngine?

    func definitions(version: String) -> [CustomFieldDefinition]? { self.version == version ? cached : nil }

    func keep(_ definitions: [CustomFieldDefinition], version: String) {
        self.version = version
        cached = definitions
    }

    func slaEngine(version: String) -> SLAEngine? { slaVersion == version ? engine : nil }

    func keep(_ engine: SLAEngine, version: String) {
        slaVersion = version
        self.engine = engine
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
