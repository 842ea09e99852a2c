import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit over a SQLite database (Fluent's read connections), whose rows read integers and text
/// and their optionals straight from their values, as the writer's rows do (`SQLiteWriteRow`).
/// SQLiteKit's rows take every column through its generic decoder: an SLA round reading 100,000
/// tickets spent a tenth of its time there. Statements are serialized by SQLiteKit's dialect,
/// and binds encoded as it encodes them.
struct SQLiteSQL: DriverBackedSQL {
    let database: any SQLiteDatabase
    /// SQLiteKit's view of the same database.
    let kit: any SQLDatabase

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let (sql, binds) = serialize(query)
        log(sql, binds)
        let data: [SQLiteData]
        do {
            data = try binds.map { try SQLiteData.bind($0) }
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        return database.query(sql, data, logger: logger) { onRow(SQLiteReadRow(row: $0)) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    /// A session is SQLiteKit's own, with its rows.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await kit.withSession(closure)
    }
}

/// A result row of a read connection (see `SQLiteSQL`).
struct SQLiteReadRow: SQLRow {
    let row: SQLiteRow

    var allColumns: [String] { row.columns.map(\.name) }

    func contains(column: String) -> Bool { row.column(column) != nil }

    /// True for a column the result lacks, as SQLiteKit's rows answer.
    func decodeNil(column: String) throws -> Bool { (row.column(column) ?? .null) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = row.column(column) else { throw StoreError.missingColumn(column) }
        return try data.decoded(as: D.self)
    }
}

extension SQLiteData {
    /// The value as `D`: integers and text (and their optionals) directly, the rest through
    /// SQLiteKit's decoder (with the same results).
    func decoded<D: Decodable>(as _: D.Type) throws -> D {
        switch self {
        case .integer(let n) where D.self == Int64.self: return unsafeBitCast(Int64(n), to: D.self)
        case .integer(let n) where D.self == Int64?.self: return unsafeBitCast(Int64?(Int64(n)), to: D.self)
        case .text(let text) where D.self == String.self: return unsafeBitCast(text, to: D.self)
        case .text(let text) where D.self == String?.self: return unsafeBitCast(String?(text), to: D.self)
        case .null where D.self == Int64?.self: return unsafeBitCast(Int64?.none, to: D.self)
        case .null where D.self == String?.self: return unsafeBitCast(String?.none, to: D.self)
        default: return try SQLiteDataDecoder().decode(D.self, from: self)
        }
    }

    /// A bind as SQLite takes it: the values binds nearly always are directly, the rest through
    /// SQLiteKit's encoder.
    static func bind(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: return .text(text)
        case let number as Int64: return .integer(Int(number))
        case let number as Int: return .integer(number)
        // Any nil (a nil of one optional type casts to every other).
        case let number as Int64?: return number.map { .integer(Int($0)) } ?? .null
        default: return try SQLiteDataEncoder().encode(value)
        }
    }
}
