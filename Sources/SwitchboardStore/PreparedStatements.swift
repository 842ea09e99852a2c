import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// The writer's named prepared statements on PostgreSQL: the lock statement, the intake's
/// lookups and the last statement of a batch (its inserts, the counters and the chain head) are
/// parsed once per connection instead of every time. The server plans the inserts once too
/// (their plans do not depend on their values). The lookups it keeps planning for each batch's
/// values, which is right: their generic plan, guessing a thousand ids for each reservation,
/// never looks cheaper to it (a test holds it to that), and one made while the tables were empty
/// would use the contact index on `kind` alone and read every email until the next `ANALYZE`.
///
/// A statement is prepared only outside a transaction (`prepareWanted`), because a failed
/// `PREPARE` would abort the transaction it ran in; until then it goes out unnamed, as before.
/// It is prepared without parameter types, and used only where the types the server inferred
/// are the ones its binds are sent as (bigint, text and arrays of them; an array's type must be
/// named in the text, `$1::int8[]`), else it goes out unnamed, as before. Its answer must be
/// text columns only, or none: PostgresNIO reads the rows of a statement prepared this way as
/// if they came in text format, which only for text they do.
final class PreparedStatements: @unchecked Sendable {  // used by the writer's task only
    /// What one connection has prepared.
    private struct Prepared {
        /// Each statement with the parameter types the server inferred for it.
        var statements: [String: (query: PreparedQuery, types: [String])] = [:]
        /// Texts seen unprepared, to prepare before the next transaction.
        var wanted: Set<String> = []
    }

    /// By connection: the writer gets whichever connection the pool gives it.
    private var connections: [PostgresConnection.ID: Prepared] = [:]
    /// Texts the server would not prepare, or typed otherwise than we send.
    private var refused: Set<String> = []
    /// At most this many statements per connection: texts that vary with their data (a
    /// multi-row insert of values of other types) must not fill the server's memory.
    private static let limit = 48
    /// At most this many connections remembered; the pool holds fewer.
    private static let connectionLimit = 16

    /// Sends `expression` on `connection`, prepared when it can be, without waiting for the answer.
    func send(_ expression: any SQLExpression, on connection: LiveConnection) -> EventLoopFuture<[any SQLRow]> {
        let sql = connection.rowSQL()
        var serializer = SQLSerializer(database: sql)
        expression.serialize(to: &serializer)
        guard let binds = Self.parameters(serializer.binds) else { return sql.raw("\(expression)").all() }
        var known = connections[connection.id] ?? Prepared()
        if let statement = known.statements[serializer.sql] {
            // The same text with binds of other types goes out unnamed.
            if statement.types.count == binds.count, zip(binds, statement.types).allSatisfy({ $0.type == nil || $0.type == $1 }) {
                // The prepared query answers through the bare connection: ask it from the live one.
                return connection.withConnection { _ in statement.query.execute(binds.map(\.data)) }.map { rows in rows.map { PostgresRowReader($0) } }
            }
        } else if !refused.contains(serializer.sql), known.statements.count + known.wanted.count < Self.limit {
            known.wanted.insert(serializer.sql)
            remember(known, for: connection)
        }
        return sql.raw("\(expression)").all()
    }

    /// Prepares the statements seen unprepared. Call only while no transaction is open.
    func prepareWanted(on connection: LiveConnection) async {
        guard var known = connections[connection.id], !known.wanted.isEmpty else { return }
        let texts = known.wanted
        known.wanted.removeAll()
        for text in texts {
            do {
                let query = try await connection.prepare(query: text).get()
                // Statements prepared over the protocol are listed with their text.
                let types = try await connection.rowSQL().raw(
                    """
                    SELECT parameter_types::text[] AS types FROM pg_prepared_statements
                    WHERE statement = \(bind: text) ORDER BY prepare_time DESC LIMIT 1
                    """
                ).first(decodingColumn: "types", as: [String].self)
                guard let types, types.allSatisfy(Self.sent.contains) else {
                    try await connection.withConnection { _ in query.deallocate() }.get()
                    refused.insert(text)
                    continue
                }
                known.statements[text] = (query, types)
            } catch {
                refused.insert(text)
            }
        }
        remember(known, for: connection)
    }

    /// Whether `text` is prepared on `connection` (for tests).
    func isPrepared(_ text: String, on connection: LiveConnection) -> Bool {
        connections[connection.id]?.statements[text] != nil
    }

    /// After a failed batch: when the server no longer knows a statement or its plan no longer
    /// fits (SQLSTATE 26000, 0A000), forget what this connection prepared and prepare anew.
    func distrust(after error: any Error, on connection: LiveConnection) {
        let text = String(reflecting: error)
        if ["26000", "0A000", "invalid_sql_statement_name", "prepared statement", "cached plan"].contains(where: text.contains) {
            connections[connection.id] = nil
        }
    }

    private func remember(_ known: Prepared, for connection: LiveConnection) {
        // Connections closed by the pool leave their entries behind: drop them all now and then.
        if connections[connection.id] == nil, connections.count >= Self.connectionLimit { connections.removeAll() }
        connections[connection.id] = known
    }

    /// The parameter types binds are sent as, by the server's names for them.
    private static let sent: Set<String> = ["bigint", "text", "bigint[]", "text[]"]

    /// The binds as parameters of a prepared statement, each with its type (nil for null, which
    /// fits any), or nil when one is of a kind not handled here (that statement goes out unnamed).
    private static func parameters(_ binds: [any Encodable & Sendable]) -> [(data: PostgresData, type: String?)]? {
        var out: [(data: PostgresData, type: String?)] = []
        out.reserveCapacity(binds.count)
        for bind in binds {
            guard let parameter = parameter(bind) else { return nil }
            out.append(parameter)
        }
        return out
    }

    /// In binary, as PostgresNIO sends every parameter.
    private static func parameter(_ bind: any Encodable & Sendable) -> (data: PostgresData, type: String?)? {
        switch bind {
        case let text as String: return (PostgresData(type: .text, value: ByteBuffer(string: text)), "text")
        case let n as Int64: return (PostgresData(type: .int8, value: ByteBuffer(integer: n)), "bigint")
        case let n as Int: return (PostgresData(type: .int8, value: ByteBuffer(integer: Int64(n))), "bigint")
        case let array as PostgresColumnArray: return binary(array)
        // By the exact type: an empty array casts to an array of any element type.
        case let texts as [String] where type(of: bind) == [String].self: return binary(PostgresColumnArray(.text(texts)))
        case let ints as [Int64] where type(of: bind) == [Int64].self: return binary(PostgresColumnArray(.int8(ints)))
        default:
            if let optional = bind as? any OptionalValue, optional.wrapped == nil { return (.null, nil) }
            return nil
        }
    }

    private static func binary(_ array: PostgresColumnArray) -> (data: PostgresData, type: String?) {
        var buffer = ByteBuffer()
        array.encode(into: &buffer, context: .default)
        return (PostgresData(type: array.psqlType, value: buffer), array.psqlType == .int8Array ? "bigint[]" : "text[]")
    }
}
