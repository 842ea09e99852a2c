import SQLKit

/// Statements over our own table and column names, which hold no quotes, written as they are.
/// SQLKit's `SQLIdentifier` searches every name for quotes to escape each time it writes one:
/// 3 % of a busy server's CPU went there on the hot write path (ticket updates, audit rows).
func quoted(_ name: String) -> String { "\"" + name + "\"" }

/// `INSERT INTO table (columns) VALUES (…), (…)`.
struct RowsInsert: SQLExpression {
    let table: String
    let columns: [String]
    let rows: ArraySlice<[any Encodable & Sendable]>

    var bindCount: Int { rows.count * columns.count }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) VALUES ")
        for (i, row) in rows.enumerated() {
            serializer.write(i == 0 ? "(" : ", (")
            for (j, value) in row.enumerated() {
                if j > 0 { serializer.write(", ") }
                serializer.write(bind: value)
            }
            serializer.write(")")
        }
    }
}

/// `UPDATE table SET column = value, … WHERE id = id`.
struct RowUpdate: SQLExpression {
    let table: String
    let columns: [String]
    let values: [any Encodable & Sendable]
    let id: Int64

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("UPDATE \(quoted(table)) SET ")
        for (i, (column, value)) in zip(columns, values).enumerated() {
            serializer.write(i == 0 ? "\(quoted(column)) = " : ", \(quoted(column)) = ")
            serializer.write(bind: value)
        }
        serializer.write(" WHERE \"id\" = ")
        serializer.write(bind: id)
    }
}
