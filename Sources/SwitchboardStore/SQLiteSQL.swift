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

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await kit.withSession { session in
            guard let connection = session as? any SQLiteDatabase else { return try await closure(session) }
            return try await closure(SQLiteSQL(database: connection, kit: session))
        }
    }
}

/// A result row of a read connection (see `SQLiteSQL`).
struct SQLiteReadRow: SQLRow {
    let row: SQLiteRow

    var allColumns: [String] { row.columns.map(\.name) }

    func contains(column: String) -> Bool { row.column(column) != nil }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try value(column).decoded(as: D.self)
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let data = row.column(column) else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(stringValue: column), .init(codingPath: [], debugDescription: "no column \(column) in the result"))
        }
        return data
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

/// A column name as a coding key, for the error a missing column gives.
struct SQLiteColumnKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
