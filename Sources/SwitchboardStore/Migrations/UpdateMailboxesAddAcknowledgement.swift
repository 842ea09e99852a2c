import FluentKit
import SQLKit

/// A mailbox may acknowledge new tickets automatically (its text, or none); addresses whose
/// mail bounced are marked until their owner writes again.
struct UpdateMailboxesAddAcknowledgement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().exec([
            "ALTER TABLE mailboxes ADD COLUMN acknowledgement TEXT",
            "ALTER TABLE contact_identities ADD COLUMN bounced_at BIGINT",
            "CREATE INDEX mail_log_sender ON mail_log (sender, created_at)",
            // Outbound entries: to whom, and whether no person wrote it (acknowledgements).
            "ALTER TABLE mail_log ADD COLUMN recipient TEXT",
            "ALTER TABLE mail_log ADD COLUMN automatic BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX mail_log_recipient ON mail_log (recipient, created_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec([
            "DROP INDEX mail_log_recipient", "ALTER TABLE mail_log DROP COLUMN automatic", "ALTER TABLE mail_log DROP COLUMN recipient",
            "DROP INDEX mail_log_sender", "ALTER TABLE contact_identities DROP COLUMN bounced_at", "ALTER TABLE mailboxes DROP COLUMN acknowledgement",
        ])
    }
}
