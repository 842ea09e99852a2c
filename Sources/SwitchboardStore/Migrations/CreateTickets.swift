import FluentKit
import SQLKit

/// Tickets, their tags, followers, links, messages, custom field definitions and saved views.
struct CreateTickets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE tickets (id \(id), number BIGINT NOT NULL UNIQUE, subject TEXT NOT NULL,
              status TEXT NOT NULL, priority TEXT NOT NULL, priority_rank BIGINT NOT NULL, type TEXT NOT NULL,
              channel TEXT NOT NULL, requester_id BIGINT NOT NULL REFERENCES contacts(id),
              organization_id BIGINT REFERENCES organizations(id), assignee_id BIGINT REFERENCES users(id),
              team_id BIGINT REFERENCES teams(id), tags TEXT NOT NULL DEFAULT '[]',
              custom_fields TEXT NOT NULL DEFAULT '{}', followers TEXT NOT NULL DEFAULT '[]',
              version BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
              first_reply_at BIGINT, solved_at BIGINT, closed_at BIGINT, reopen_count BIGINT NOT NULL DEFAULT 0,
              merged_into_id BIGINT)
            """,
            "CREATE INDEX tickets_assignee_updated ON tickets (assignee_id, updated_at, id)",
            "CREATE INDEX tickets_team_updated ON tickets (team_id, updated_at, id)",
            "CREATE INDEX tickets_status_updated ON tickets (status, updated_at, id)",
            "CREATE INDEX tickets_updated ON tickets (updated_at, id)",
            "CREATE INDEX tickets_created ON tickets (created_at, id)",
            "CREATE INDEX tickets_requester ON tickets (requester_id)",
            "CREATE INDEX tickets_organization ON tickets (organization_id)",
            """
            CREATE TABLE ticket_tags (tag TEXT NOT NULL, ticket_id BIGINT NOT NULL REFERENCES tickets(id),
              PRIMARY KEY (tag, ticket_id))
            """,
            "CREATE INDEX ticket_tags_ticket ON ticket_tags (ticket_id)",
            """
            CREATE TABLE ticket_links (ticket_id BIGINT NOT NULL REFERENCES tickets(id),
              other_id BIGINT NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL, created_at BIGINT NOT NULL,
              PRIMARY KEY (ticket_id, other_id, kind))
            """,
            """
            CREATE TABLE messages (id \(id), ticket_id BIGINT NOT NULL REFERENCES tickets(id),
              author_kind TEXT NOT NULL, author_id BIGINT, visibility TEXT NOT NULL, channel TEXT NOT NULL,
              body TEXT NOT NULL, external_id TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX messages_ticket ON messages (ticket_id, id)",
            """
            CREATE TABLE custom_fields (id \(id), key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, kind TEXT NOT NULL,
              options TEXT NOT NULL DEFAULT '[]', required BIGINT NOT NULL DEFAULT 0, active BIGINT NOT NULL DEFAULT 1,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE views (id \(id), name TEXT NOT NULL, owner_id BIGINT NOT NULL REFERENCES users(id),
              shared BIGINT NOT NULL DEFAULT 0, filter TEXT NOT NULL, sort TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX views_owner ON views (owner_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(
            ["views", "custom_fields", "messages", "ticket_links", "ticket_tags", "tickets"].map { "DROP TABLE \($0)" })
    }
}
