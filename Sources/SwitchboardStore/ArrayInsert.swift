import NIOCore
import PostgresNIO
import SQLKit

/// A multi-row insert on PostgreSQL as `INSERT … SELECT * FROM unnest($1, $2, …)`: one array
/// bind per column, so the statement's text is the same whatever the number of rows. The server
/// parses a short statement instead of one with thousands of placeholders, and the binds are
/// encoded as a few arrays instead of one value at a time.
struct ArrayInsert: SQLExpression {
    let table: String
    let columns: [String]
    let arrays: [PostgresColumnArray]

    /// Nil when a value is neither an integer nor text (those rows go as a plain multi-row insert).
    init?(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) {
        var arrays: [PostgresColumnArray] = []
        for (c, column) in columns.enumerated() {
            guard let array = PostgresColumnArray(column: column, values: rows.map { $0[c] }) else { return nil }
            arrays.append(array)
        }
        self.table = table
        self.columns = columns
        self.arrays = arrays
    }

    /// The insert of columns already made.
    init(_ table: String, _ columns: [String], arrays: [PostgresColumnArray]) {
        self.table = table
        self.columns = columns
        self.arrays = arrays
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", "))) SELECT * FROM unnest(")
        for (i, array) in arrays.enumerated() {
            if i > 0 { serializer.write(", ") }
            SQLBind(array).serialize(to: &serializer)
            // Typed in the text, so a statement prepared without parameter types is typed too.
            serializer.write(array.psqlType == .int8Array ? "::int8[]" : "::text[]")
        }
        serializer.write(")")
    }
}

/// One column of rows as a PostgreSQL `int8[]` or `text[]`, nulls included (PostgresNIO's own
/// arrays cannot hold nulls).
struct PostgresColumnArray: Encodable, Sendable, PostgresThrowingDynamicTypeEncodable {
    enum Values: Sendable {
        case int8([Int64?])
        case text([String?])
    }

    let values: Values

    init(_ values: Values) { self.values = values }

    /// Columns whose values may all be null on insert and that hold text; other all-null
    /// columns are integers (ids and times are the only other kind we store).
    private static let nullableText: Set<String> = ["locale", "external_id", "before_state", "after_state", "job_title"]

    init?(column: String, values: [(any Encodable & Sendable)?]) {
        var ints: [Int64?] = []
        var texts: [String?] = []
        var isText: Bool?
        for value in values {
            // Concrete casts first (they see through optionals); the protocol cast is slow.
            if let s = value as? String {
                guard isText != false else { return nil }
                isText = true
                texts.append(s)
            } else if let n = value as? Int64 {
                guard isText != true else { return nil }
                isText = false
                ints.append(n)
            } else if let n = value as? Int {
                guard isText != true else { return nil }
                isText = false
                ints.append(Int64(n))
            } else if value.map(Self.isNil) ?? true {
                ints.append(nil)
                texts.append(nil)
            } else {
                return nil
            }
        }
        self.values = (isText ?? Self.nullableText.contains(column)) ? .text(texts) : .int8(ints)
    }

    /// Whether `value` is a nil optional.
    private static func isNil(_ value: any Encodable & Sendable) -> Bool {
        (value as? any OptionalValue).map { $0.wrapped == nil } ?? false
    }

    var psqlType: PostgresDataType {
        switch values {
        case .int8: .int8Array
        case .text: .textArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    /// The binary array format: dimensions, has-nulls flag, element type, then per dimension its
    /// length and lower bound, then each element as a length (-1 for null) and its bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        let count: Int
        let hasNull: Bool
        switch values {
        case .int8(let v):
            count = v.count
            hasNull = v.contains(nil)
        case .text(let v):
            count = v.count
            hasNull = v.contains(nil)
        }
        buffer.writeInteger(count == 0 ? 0 : 1, as: Int32.self)
        buffer.writeInteger(hasNull ? 1 : 0, as: Int32.self)
        switch values {
        case .int8: buffer.writeInteger(PostgresDataType.int8.rawValue)
        case .text: buffer.writeInteger(PostgresDataType.text.rawValue)
        }
        guard count > 0 else { return }
        buffer.writeInteger(Int32(count))
        buffer.writeInteger(1, as: Int32.self)
        switch values {
        case .int8(let v):
            for n in v {
                if let n {
                    buffer.writeInteger(8, as: Int32.self)
                    buffer.writeInteger(n)
                } else {
                    buffer.writeInteger(-1, as: Int32.self)
                }
            }
        case .text(let v):
            for s in v {
                if let s {
                    buffer.writeInteger(Int32(s.utf8.count))
                    buffer.writeString(s)
                } else {
                    buffer.writeInteger(-1, as: Int32.self)
                }
            }
        }
    }

    /// Only ever bound on PostgreSQL, through the fast path above.
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "PostgreSQL arrays only"))
    }
}

/// Lets the writer see inside optionals it gets as `any Encodable`.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
