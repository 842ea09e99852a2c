import FluentKit
import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLKit
import SwitchboardCore

/// The database behind Switchboard: reads go straight to a connection, writes through the
/// group-committing writer. Fluent types never leave this module; everything returns Core types.
public struct Store: Sendable {
    private let databases: @Sendable () -> (any Database)?
    let writer: Writer
    private let intake: TicketIntake
    /// The clock every write uses.
    public let clock: @Sendable () -> Date
    /// See `ReadContext.searchWalk`.
    private let searchWalk: Int

    /// - Parameters:
    ///   - database: returns a database handle (Fluent picks a connection pool per call), nil
    ///     once the databases shut down.
    ///   - writer: where writes go.
    ///   - clock: the time source; tests pass a fixed one.
    ///   - writesPerBatch: at most this many writes share a transaction (tests pass 1 to see
    ///     each write commit alone).
    public init(
        database: @escaping @Sendable () -> (any Database)?, writer: WriterChoice, clock: @escaping @Sendable () -> Date = { Date() },
        searchWalk: Int = ReadContext.defaultSearchWalk, writesPerBatch: Int = 128
    ) throws {
        self.databases = database
        self.clock = clock
        self.searchWalk = searchWalk
        let connection: WriterConnection
        switch writer {
        case .database(let database):
            connection = (database as? any PostgresDatabase).map { .postgres($0) } ?? .fluent(database)
        case .sqliteFile(let path, let setup, let eventLoop, let logger):
            connection = .sqlite(try SQLiteWriteConnection(path: path, setup: setup, eventLoop: eventLoop, logger: logger))
        }
        self.writer = Writer(connection: connection, clock: clock, maxBatch: writesPerBatch)
        self.intake = TicketIntake(writer: self.writer)
    }

    /// Where the store writes.
    public enum WriterChoice {
        /// Through one of Fluent's connections.
        case database(any Database)
        /// Through a connection of the writer's own to the SQLite file at `path`, set up with
        /// `setup` (pragmas such as `synchronous`); `eventLoop` only completes futures.
        case sqliteFile(path: String, setup: [String], eventLoop: any EventLoop, logger: Logger)
    }

    /// Opens a ticket. Concurrent calls are written together in bulk (see `createTickets`).
    public func createTicket(_ new: NewTicket, actor: Actor) async throws -> Ticket {
        try await intake.create(new, actor: actor)
    }

    /// The migrations, in order. Never edit one that shipped: add a new one.
    public static let migrations: [any Migration] = [
        CreateStaff(), CreateCustomers(), CreateTickets(), CreateRecords(), CreateSearchIndex(), CreatePresence(),
        CreatePasswordResets(), CreateTicketCounts(), CreateAttachments(), UpdateUsersAddTimeZone(), UpdateWorkspaceAddInactiveTypes(), CreateMailboxes(), CreateJobs(), CreateMessageHTML(), UpdateMailboxesAddAcknowledgement(), CreateNotificationSettings(),
        CreateServiceLevels(), CreateRouting(), CreateAutomations(), UpdateWorkspaceAddDefinitionsVersion(), UpdateTicketsAddPendingSince(), CreateSideConversations(),
        UpdateWorkspaceAddSLARetime(), UpdateTicketCountsPerStatement(), CreateTicketSLA(), UpdateTicketSLAIndexCheckAndTicket(),
        UpdateAuditHeadAddVersion(), UpdateIdempotencyKeysAddFingerprint(), UpdateTicketsIndexWaitingForRouting(), RemovePlannerStatistics(),
    ]

    /// Runs `body` in a write transaction; returns after it committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        try await writer.perform(body)
    }

    /// Queues a write (see `write`) and returns once it is queued, with a task that answers after
    /// its commit. Writes queued one after another run in that order; a round that queues its
    /// next write before awaiting the one before keeps the writer busy between them.
    /// `lockless`: the write may run without the lock on PostgreSQL (see `Writer.perform`).
    public func queueWrite<T: Sendable>(
        lockless: Bool = false, _ body: @escaping @Sendable (WriteContext) async throws -> T
    ) async -> Task<T, any Error> {
        await writer.queue(lockless: lockless, body)
    }

    /// Write batches this instance committed without the lock (PostgreSQL), and those of them
    /// that ran again under the lock because another instance moved the chain head first or
    /// the write broke a key (see `Writer.pipeline`).
    public var locklessWrites: (committed: Int, ranAgain: Int) { writer.lockless }

    /// Tickets this instance created since it started, however they came (API, mail, web
    /// pages, splits, follow-ups).
    public var ticketsCreated: Int { writer.ticketsCreated }

    /// Runs `body` against a read connection.
    public func read<T: Sendable>(_ body: @Sendable (ReadContext) async throws -> T) async throws -> T {
        try await body(ReadContext(sql: database().sql(), searchWalk: searchWalk))
    }

    private func database() throws -> any Database {
        guard let database = databases() else { throw StoreError.unavailable }
        return database
    }

    /// Checks that the database answers (for `/healthz`).
    public func ping() async throws {
        _ = try await database().sql().raw("SELECT 1 AS one").first()
    }
}

/// What a read sees: one SQL connection.
public struct ReadContext: Sendable {
    public let sql: any SQLDatabase
    let dialect: Dialect
    /// How many documents a PostgreSQL text search checks in list order (newest first; a
    /// fifth of that in other orders) before it collects the matches from the full-text index.
    let searchWalk: Int
    public static let defaultSearchWalk = 5_000

    init(sql: any SQLDatabase, searchWalk: Int = Self.defaultSearchWalk) {
        self.sql = sql
        self.dialect = Dialect(sql)
        self.searchWalk = searchWalk
    }
}

/// Reads are also possible inside a write, against the write's transaction.
extension WriteContext {
    /// This write's transaction as a read context.
    public var reader: ReadContext { ReadContext(sql: sql) }
}
