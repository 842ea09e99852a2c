import NIOCore
import SQLKit

/// A connection that runs only `SELECT`s and refuses anything else: what a lockless write
/// sees (see `Writer.pipeline`). Such a write runs outside a transaction until its one last
/// statement, so a statement that wrote at once would commit on its own; the writer takes
/// the refusal as it takes a moved head, and runs the write again under the lock.
struct ReadOnlySQL: DriverBackedSQL {
    let kit: any SQLDatabase

    static let refused = StoreError(description: "a lockless write may only read until it commits")

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        var serializer = SQLSerializer(database: kit)
        query.serialize(to: &serializer)
        let text = serializer.sql.drop(while: \.isWhitespace)
        guard text.prefix(6).uppercased() == "SELECT", text.dropFirst(6).first?.isWhitespace == true else {
            return eventLoop.makeFailedFuture(Self.refused)
        }
        return kit.execute(sql: query, onRow)
    }
}
