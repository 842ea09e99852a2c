import FluentKit
import Foundation
import SQLKit

/// The email channel: mailboxes (IMAP and SMTP settings as JSON), and the mail log, which
/// holds every message that came in or went out with its Message-ID (for threading and for
/// taking each inbound message once), what became of it and where its raw bytes are.
/// The workspace gets the secret that signs reply addresses.
struct CreateMailboxes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try await sql.exec([
            """
            CREATE TABLE mailboxes (id \(id), name TEXT NOT NULL, address TEXT NOT NULL UNIQUE, from_name TEXT,
              team_id BIGINT REFERENCES teams(id), signature TEXT, active BIGINT NOT NULL DEFAULT 1, imap TEXT, smtp TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE mail_log (id \(id), mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id), direction TEXT NOT NULL,
              message_id TEXT NOT NULL, ticket_id BIGINT REFERENCES tickets(id), message_row_id BIGINT REFERENCES messages(id),
              sender TEXT, outcome TEXT NOT NULL, problems TEXT NOT NULL DEFAULT '[]', raw_sha256 TEXT, size BIGINT NOT NULL DEFAULT 0,
              created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX mail_log_once ON mail_log (mailbox_id, direction, message_id)",
            "CREATE INDEX mail_log_message_id ON mail_log (message_id)",
            "CREATE INDEX mail_log_outcome ON mail_log (outcome, id)",
            "ALTER TABLE workspace ADD COLUMN mail_secret TEXT NOT NULL DEFAULT ''",
            "UPDATE workspace SET mail_secret = '\(secret)'",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "DROP TABLE mail_log", "DROP TABLE mailboxes", "ALTER TABLE workspace DROP COLUMN mail_secret",
        ])
    }
}
