import FluentKit
import SQLKit

/// The audit chain, the event outbox, consumer positions and idempotency keys.
struct CreateRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE audit_events (seq BIGINT PRIMARY KEY, occurred_at BIGINT NOT NULL, actor_kind TEXT NOT NULL,
              actor_id BIGINT, entity TEXT NOT NULL, entity_id BIGINT NOT NULL, action TEXT NOT NULL,
              before_state TEXT, after_state TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_events_entity ON audit_events (entity, entity_id, seq)",
            "CREATE INDEX audit_events_actor ON audit_events (actor_id, seq)",
            // One row: the newest link of the chain. Writers lock it, which also orders the outbox.
            "CREATE TABLE audit_head (id BIGINT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\(String(repeating: "0", count: 64))')",
            """
            CREATE TABLE outbox (seq \(id), type TEXT NOT NULL, entity_id BIGINT NOT NULL, actor_kind TEXT NOT NULL,
              actor_id BIGINT, occurred_at BIGINT NOT NULL, payload TEXT NOT NULL)
            """,
            "CREATE TABLE outbox_consumers (name TEXT PRIMARY KEY, last_seq BIGINT NOT NULL)",
            """
            CREATE TABLE idempotency_keys (user_id BIGINT NOT NULL, key TEXT NOT NULL, route TEXT NOT NULL,
              status BIGINT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (user_id, key))
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(
            ["idempotency_keys", "outbox_consumers", "outbox", "audit_head", "audit_events"].map { "DROP TABLE \($0)" })
    }
}
