import FluentKit
import SQLKit

/// The tickets routing hands out: unassigned, new or open, by team. The index on unassigned
/// tickets also held every solved and closed one, and the job runner's look for waiting work
/// each second went through the assignee index instead: at a million tickets that read every
/// unassigned ticket (100-150 ms a second, the reads' p95 went from 5 to 87 ms). This one holds
/// only the waiting tickets, so each routed team's look is one probe.
struct UpdateTicketsIndexWaitingForRouting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            "CREATE INDEX tickets_waiting_team ON tickets (team_id, id) WHERE assignee_id IS NULL AND status IN ('new', 'open')",
            "DROP INDEX tickets_unassigned_team",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "CREATE INDEX tickets_unassigned_team ON tickets (team_id, id) WHERE assignee_id IS NULL",
            "DROP INDEX tickets_waiting_team",
        ])
    }
}
