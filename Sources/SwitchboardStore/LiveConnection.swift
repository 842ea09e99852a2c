import Logging
import NIOCore
import PostgresNIO

/// The writer's PostgreSQL connection, which refuses requests once it closed.
///
/// PostgresNIO (1.33) writes a request to its channel without a promise: on a closed channel
/// the write goes nowhere and its answer never comes, so whoever waits for it waits forever.
/// The writer holds its connection across many transactions and must notice when it dies, so
/// it writes every request from the connection's event loop, after checking there that the
/// connection is open: a channel closes on its event loop only, never between that check and
/// the write.
struct LiveConnection: PostgresDatabase {
    let connection: PostgresConnection

    static let closed = StoreError(description: "the database connection closed")

    var id: PostgresConnection.ID { connection.id }
    var isClosed: Bool { connection.isClosed }
    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }

    func send(_ request: any PostgresRequest, logger: Logger) -> EventLoopFuture<Void> {
        withConnection { $0.send(request, logger: logger) }
    }

    func withConnection<T>(_ closure: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let connection = self.connection
        let eventLoop = connection.eventLoop
        // On the event loop already: write now. A request asked for off the loop is written
        // after one hop, as PostgresNIO's own writes are, so requests go out in the order they
        // were asked for (a transaction's statements and its COMMIT).
        if eventLoop.inEventLoop { return Self.write(closure, on: connection) }
        nonisolated(unsafe) let closure = closure  // runs on the event loop it is handed to
        return eventLoop.flatSubmit { Self.write(closure, on: connection) }
    }

    private static func write<T>(_ closure: (PostgresConnection) -> EventLoopFuture<T>, on connection: PostgresConnection) -> EventLoopFuture<T> {
        guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(Self.closed) }
        return closure(connection)
    }
}
