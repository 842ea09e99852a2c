import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// The writer's own SQLite connection. SQLiteNIO runs each statement as a job on a thread pool
/// and answers through an event loop: two thread hops per statement, about as long as the
/// statement itself on this write path. The writer is one serial task, so this connection runs
/// libsqlite3 directly on the writer's thread instead, and keeps its prepared statements.
///
/// It links the same libsqlite3 copy as SQLiteNIO (two copies in one process would break
/// SQLite's file locks). Used by one task at a time: the writer's.
final class SQLiteWriteConnection: SQLDatabase, @unchecked Sendable {  // confined to the writer
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect = SQLiteDialect()
    var queryLogLevel: Logger.Level? { nil }
    private var handle: OpaquePointer?
    /// Prepared statements by SQL text; the bulk inserts have one text per batch size.
    private var statements: [String: OpaquePointer] = [:]
    private static let maxStatements = 512
    private struct InsertShape: Hashable {
        let table: String
        let columns: [String]
        let rows: Int
    }
    private var insertTexts: [InsertShape: String] = [:]

    /// Opens `path` read-write; `setup` runs once (pragmas belong to the connection).
    init(path: String, setup: [String], eventLoop: any EventLoop, logger: Logger) throws {
        self.eventLoop = eventLoop
        self.logger = logger
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close(db)
            throw SQLiteWriteError(code: status, message: "cannot open \(path): \(message)")
        }
        handle = db
        for statement in ["PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON"] + setup {
            try run(statement, binds: []) { _ in }
        }
    }

    deinit {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        sqlite_nio_sqlite3_close_v2(handle)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            let (text, binds) = serialize(query)
            try run(text, binds: binds, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let insert = query as? RowsInsert {
            guard insert.rows.allSatisfy({ $0.count == insert.columns.count }) else {
                throw StoreError.corrupt("an insert into \(insert.table) with rows of the wrong width")
            }
            // The writer's bulk inserts (audit, outbox, rows of new tickets), without SQLKit's
            // serializer: a placeholder expression per value was a tenth of an SLA round.
            try run(insertText(insert), binds: insert.rows.flatMap { $0 }, onRow)
            return
        }
        let (text, binds) = serialize(query)
        try run(text, binds: binds, onRow)
    }

    /// The text of `insert`: SQLite numbers placeholders by position, so a plain `?` each.
    private func insertText(_ insert: RowsInsert) -> String {
        let key = InsertShape(table: insert.table, columns: insert.columns, rows: insert.rows.count)
        if let text = insertTexts[key] { return text }
        let row = "(" + Array(repeating: "?", count: insert.columns.count).joined(separator: ", ") + ")"
        let text = "INSERT INTO \(quoted(insert.table)) (\(insert.columns.map(quoted).joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: insert.rows.count).joined(separator: ", ")
        if insertTexts.count >= Self.maxStatements { insertTexts.removeAll() }
        insertTexts[key] = text
        return text
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// Prepares (or reuses), binds and steps one statement; calls `onRow` per result row.
    private func run(_ text: String, binds: [any Encodable & Sendable], _ onRow: (any SQLRow) -> Void) throws {
        let statement = try prepared(text)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (i, value) in binds.enumerated() {
            try check(bind(try SQLiteData.bind(value), at: Int32(i + 1), to: statement))
        }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var columns: SQLiteWriteColumns?
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status) }
            let names = columns ?? SQLiteWriteColumns((0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) })
            columns = names
            onRow(SQLiteWriteRow(columns: names, values: (0..<count).map { value(statement, $0) }))
        }
    }

    private func prepared(_ text: String) throws -> OpaquePointer {
        if let statement = statements[text] { return statement }
        if statements.count >= Self.maxStatements {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        statements[text] = statement
        return statement
    }

    private func bind(_ data: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch data {
        case .integer(let value): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        case .float(let value): sqlite_nio_sqlite3_bind_double(statement, index, value)
        case .text(let value):
            sqlite_nio_sqlite3_bind_text64(statement, index, value, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        case .null: sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw error(status) }
    }

    private func error(_ status: Int32) -> SQLiteWriteError {
        SQLiteWriteError(code: status, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An error from libsqlite3 on the writer's connection; the text carries SQLite's own message
/// (such as "UNIQUE constraint failed: …").
struct SQLiteWriteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// The column names of one statement's result, shared by its rows, with an index by name.
final class SQLiteWriteColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One result row of the writer's connection. Integers and text are read without a decoder:
/// the writer reads every ticket it changes, and an SLA round or re-time reads thousands.
struct SQLiteWriteRow: SQLRow {
    let columns: SQLiteWriteColumns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    /// True for a column the result lacks, as SQLiteKit's rows answer.
    func decodeNil(column: String) throws -> Bool { columns.index[column].map { values[$0] == .null } ?? true }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try value(column).decoded(as: D.self)
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let index = columns.index[column] else { throw StoreError.missingColumn(column) }
        return values[index]
    }
}
