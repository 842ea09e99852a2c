import FluentKit
import Foundation
import SQLKit
import SwitchboardCore

/// The database behind Switchboard: reads go straight to a connection, writes through the
/// group-committing writer. Fluent types never leave this module; everything returns Core types.
public struct Store: Sendable {
    private let databases: @Sendable () -> any Database
    private let writer: Writer
    private let intake: TicketIntake
    /// The clock every write uses.
    public let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - database: returns a database handle (Fluent picks a connection pool per call).
    ///   - clock: the time source; tests pass a fixed one.
    ///   - writerSetup: statements for the writer's connection before each batch, such as
    ///     `PRAGMA synchronous = NORMAL` on SQLite.
    public init(
        database: @escaping @Sendable () -> any Database, clock: @escaping @Sendable () -> Date = { Date() }, writerSetup: [String] = [],
        writerDatabase: (any Database)? = nil
    ) {
        self.databases = database
        self.clock = clock
        self.writer = Writer(database: writerDatabase ?? database(), clock: clock, setup: writerSetup)
        self.intake = TicketIntake(writer: writer)
    }

    /// Opens a ticket. Concurrent calls are written together in bulk (see `createTickets`).
    public func createTicket(_ new: NewTicket, actor: Actor) async throws -> Ticket {
        try await intake.create(new, actor: actor)
    }

    /// The migrations, in order. Never edit one that shipped: add a new one.
    public static let migrations: [any Migration] = [
        CreateStaff(), CreateCustomers(), CreateTickets(), CreateRecords(), CreateSearchIndex(),
    ]

    /// Runs `body` in a write transaction; returns after it committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        try await writer.perform(body)
    }

    /// Runs `body` against a read connection.
    public func read<T: Sendable>(_ body: @Sendable (ReadContext) async throws -> T) async throws -> T {
        try await body(ReadContext(sql: databases().sql()))
    }

    /// Checks that the database answers (for `/healthz`).
    public func ping() async throws {
        _ = try await databases().sql().raw("SELECT 1 AS one").first()
    }
}

/// What a read sees: one SQL connection.
public struct ReadContext: Sendable {
    public let sql: any SQLDatabase
    let dialect: Dialect

    init(sql: any SQLDatabase) {
        self.sql = sql
        self.dialect = Dialect(sql)
    }
}

/// Reads are also possible inside a write, against the write's transaction.
extension WriteContext {
    /// This write's transaction as a read context.
    public var reader: ReadContext { ReadContext(sql: sql) }
}
