import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// SQLKit over a PostgreSQL database, whose rows read a column of a type PostgresNIO decodes
/// itself (integers, text, their optionals…) straight from its cell.
///
/// PostgresKit's rows take every column through its generic translation (a coding path and a
/// type lookup for each one): re-timing 100,000 tickets spent half of its CPU on this side
/// there. Statements are still serialized by PostgresKit's dialect and binds encoded as
/// PostgresKit does; a statement with a bind PostgresNIO cannot encode itself, and a column
/// of any other type, go through PostgresKit as before.
struct PostgresSQL: DriverBackedSQL {
    let database: any PostgresDatabase
    /// PostgresKit's view of the same database.
    let kit: any SQLDatabase

    init(_ database: any PostgresDatabase, kit: (any SQLDatabase)? = nil) {
        self.database = database
        self.kit = kit ?? database.sql()
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let (sql, binds) = serialize(query)
        guard let bindings = Self.bindings(binds) else { return kit.execute(sql: query, onRow) }
        log(sql, binds)
        let logger = self.logger
        // Straight to the connection, as PostgresKit's own `async` path does: the writer's
        // statements go out in the order they were asked for (see `LiveConnection`).
        return database.withConnection { connection in
            connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) { onRow(PostgresRowReader($0)) }
        }.map { _ in }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    /// The binds encoded as PostgresKit encodes them when each is nil or encodes itself; nil
    /// when one does neither (PostgresKit then takes the statement, JSON and all). A nil is
    /// told by a cast: `(bind as Any?) == nil`, PostgresKit's test, is never true for a bind
    /// held as `any Encodable`.
    static func bindings(_ binds: [any Encodable & Sendable]) -> PostgresBindings? {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if case Optional<Any>.none = bind as Any {
                bindings.appendNull()
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable, (try? bindings.append(value, context: .default)) != nil {
                continue
            } else {
                return nil
            }
        }
        return bindings
    }
}

/// A PostgreSQL result row for SQLKit (see `PostgresSQL`).
struct PostgresRowReader: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard cells.contains(column) else { throw StoreError.missingColumn(column) }
        let cell = cells[column]
        // The types nearly every column is read as, without a type lookup and a cast for each
        // cell: reading 500 tickets spent more on those than on decoding.
        if !cell.dataType.isUserDefined {
            if D.self == Int64.self { return unsafeBitCast(try cell.decode(Int64.self), to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(try cell.decode(Int64?.self), to: D.self) }
            if D.self == String.self { return unsafeBitCast(try cell.decode(String.self), to: D.self) }
            if D.self == String?.self { return unsafeBitCast(try cell.decode(String?.self), to: D.self) }
        }
        // PostgresKit reads text of a user-defined type (Fluent's enums), Decimal from text and
        // Double from numeric its own way: those stay with it, as does every type PostgresNIO
        // does not decode.
        let double = D.self is Double.Type || D.self is Double?.Type
        if !cell.dataType.isUserDefined, !(D.self is Decimal.Type), !(D.self is Decimal?.Type), !(double && cell.dataType == .numeric),
            let decodable = D.self as? any PostgresDecodable.Type
        {
            return try Self.read(decodable, from: cell) as! D
        }
        return try row.sql().decode(column: column, as: D.self)
    }

    private static func read<T: PostgresDecodable>(_: T.Type, from cell: PostgresCell) throws -> T {
        try cell.decode(T.self)
    }
}

extension PostgresDatabase {
    /// This database for SQLKit, with quicker rows (see `PostgresSQL`).
    func rowSQL() -> PostgresSQL { PostgresSQL(self) }
}
