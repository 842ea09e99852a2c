import FluentKit
import SQLKit

/// Organizations, their email domains, contacts and contact identities (emails, phones).
struct CreateCustomers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let id = Dialect(sql).identity
        try await sql.exec([
            """
            CREATE TABLE organizations (id \(id), name TEXT NOT NULL, tier TEXT NOT NULL,
              account_owner_id BIGINT REFERENCES users(id), notes TEXT, attributes TEXT NOT NULL DEFAULT '{}',
              search_text TEXT NOT NULL DEFAULT '',
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX organizations_name ON organizations (name)",
            """
            CREATE TABLE organization_domains (domain TEXT PRIMARY KEY,
              organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE)
            """,
            "CREATE INDEX organization_domains_org ON organization_domains (organization_id)",
            """
            CREATE TABLE contacts (id \(id), name TEXT NOT NULL, locale TEXT,
              organization_id BIGINT REFERENCES organizations(id), attributes TEXT NOT NULL DEFAULT '{}',
              merged_into_id BIGINT, search_text TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX contacts_org ON contacts (organization_id)",
            "CREATE INDEX contacts_name ON contacts (name)",
            """
            CREATE TABLE contact_identities (id \(id), contact_id BIGINT NOT NULL REFERENCES contacts(id),
              kind TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (kind, value))
            """,
            "CREATE INDEX contact_identities_contact ON contact_identities (contact_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.sql().exec(
            ["contact_identities", "contacts", "organization_domains", "organizations"].map { "DROP TABLE \($0)" })
    }
}
