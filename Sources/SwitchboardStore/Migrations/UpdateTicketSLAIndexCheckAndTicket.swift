import FluentKit
import SQLKit

/// PostgreSQL: an SLA round reads the due tickets a slice after another, in check time and
/// ticket order. An index on both columns hands each slice its rows in that order from where
/// the slice before ended; the index on the check time alone cannot, so with tied times (tickets
/// that came in while the hours were closed share their due times) every slice read the ties
/// before it again. On SQLite the index on the check time ends in the ticket id (the row id).
struct UpdateTicketSLAIndexCheckAndTicket: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            "CREATE INDEX ticket_sla_check_ticket ON ticket_sla (sla_check_at, ticket_id) WHERE sla_check_at IS NOT NULL",
            "DROP INDEX ticket_sla_check",
        ])
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        guard Dialect(sql) == .postgres else { return }
        try await sql.exec([
            "CREATE INDEX ticket_sla_check ON ticket_sla (sla_check_at) WHERE sla_check_at IS NOT NULL",
            "DROP INDEX ticket_sla_check_ticket",
        ])
    }
}
