import FluentKit
import SQLKit

/// The full-text index over ticket subjects and message bodies, one per dialect.
///
/// Both hold text already folded by `TextAnalyzer`, so neither database's own folding matters.
struct CreateSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        switch Dialect(sql) {
        case .sqlite:
            try await sql.exec([
                "CREATE VIRTUAL TABLE ticket_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 0')"
            ])
        case .postgres:
            try await sql.exec([
                "CREATE TABLE ticket_search (ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id), doc TSVECTOR NOT NULL)",
                "CREATE INDEX ticket_search_doc ON ticket_search USING GIN (doc)",
            ])
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        switch Dialect(sql) {
        case .sqlite: try await sql.exec(["DROP TABLE ticket_fts"])
        case .postgres: try await sql.exec(["DROP TABLE ticket_search"])
        }
    }
}
