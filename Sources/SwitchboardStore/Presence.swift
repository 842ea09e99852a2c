import Foundation
import SQLKit
import SwitchboardCore

/// An agent looking at a ticket.
public struct TicketViewer: Sendable, Equatable {
    public var userId: Int64
    public var name: String
    public var typing: Bool
}

extension WriteContext {
    /// Notes that `userId` has the ticket open (and is typing or not); forgets rows older than
    /// a minute on the way.
    public func notePresence(ticketId: Int64, userId: Int64, typing: Bool) async throws {
        try await sql.raw(
            """
            INSERT INTO ticket_presence (ticket_id, user_id, typing, seen_at) VALUES (\(bind: ticketId), \(bind: userId), \(bind: typing ? 1 : 0 as Int64), \(bind: now.ms))
            ON CONFLICT (ticket_id, user_id) DO UPDATE SET typing = excluded.typing, seen_at = excluded.seen_at
            """
        ).run()
        try await sql.raw("DELETE FROM ticket_presence WHERE seen_at < \(bind: now.ms - 60_000)").run()
    }
}

extension ReadContext {
    /// The other agents who had the ticket open within `window` before `now`.
    public func viewers(ticketId: Int64, except userId: Int64, now: Date, window: TimeInterval = 15) async throws -> [TicketViewer] {
        try await sql.raw(
            """
            SELECT p.user_id, u.name, p.typing FROM ticket_presence p JOIN users u ON u.id = p.user_id
            WHERE p.ticket_id = \(bind: ticketId) AND p.user_id <> \(bind: userId) AND p.seen_at >= \(bind: now.ms - Int64(window * 1000))
            ORDER BY u.name
            """
        ).all().map { row in
            TicketViewer(
                userId: try row.decode(column: "user_id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                typing: try row.decode(column: "typing", as: Int64.self) != 0)
        }
    }
}
