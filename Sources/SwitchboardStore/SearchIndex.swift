import SQLKit
import SwitchboardCore

/// The full-text index, one implementation per dialect. It stores and matches text folded by
/// `TextAnalyzer`: FTS5 on SQLite, a `tsvector` with a GIN index (config `simple`) on PostgreSQL.
enum SearchIndex {
    /// Adds `text` to the ticket's document (creating the document on first use).
    static func append(_ text: String, ticket id: Int64, on sql: any SQLDatabase) async throws {
        let folded = TextAnalyzer.indexText(text)
        switch Dialect(sql) {
        case .sqlite:
            // FTS5 tables know no RETURNING and no upsert: look first.
            if try await sql.raw("SELECT rowid FROM ticket_fts WHERE rowid = \(bind: id)").first() != nil {
                try await sql.raw("UPDATE ticket_fts SET doc = doc || ' ' || \(bind: folded) WHERE rowid = \(bind: id)").run()
            } else {
                try await sql.raw("INSERT INTO ticket_fts (rowid, doc) VALUES (\(bind: id), \(bind: folded))").run()
            }
        case .postgres:
            try await sql.raw(
                """
                INSERT INTO ticket_search (ticket_id, doc) VALUES (\(bind: id), to_tsvector('simple', \(bind: folded)))
                ON CONFLICT (ticket_id) DO UPDATE SET doc = ticket_search.doc || EXCLUDED.doc
                """
            ).run()
        }
    }

    /// The statements that create the documents of new tickets (text already folded).
    static func inserts(_ documents: [(Int64, String)], dialect: Dialect) -> [any SQLExpression] {
        guard !documents.isEmpty else { return [] }
        switch dialect {
        case .sqlite:
            return WriteContext.chunkedInserts("ticket_fts", ["rowid", "doc"], documents.map { [$0.0, $0.1] })
        case .postgres:
            // Two array binds, whatever the number of documents.
            return [
                SQLQueryString(
                    """
                    INSERT INTO ticket_search (ticket_id, doc)
                    SELECT d.id, to_tsvector('simple', d.doc) FROM unnest(\(bind: documents.map(\.0))::int8[], \(bind: documents.map(\.1))::text[]) AS d(id, doc)
                    """)
            ]
        }
    }

    /// Replaces the ticket's document.
    static func replace(_ text: String, ticket id: Int64, on sql: any SQLDatabase) async throws {
        switch Dialect(sql) {
        case .sqlite: try await sql.raw("DELETE FROM ticket_fts WHERE rowid = \(bind: id)").run()
        case .postgres: try await sql.raw("DELETE FROM ticket_search WHERE ticket_id = \(bind: id)").run()
        }
        try await append(text, ticket: id, on: sql)
    }

    /// The FTS5 query for `query`: every term, the last one also as a prefix.
    static func ftsExpression(query: String) -> String? {
        let terms = Array(TextAnalyzer.queryTerms(query).prefix(16))
        guard !terms.isEmpty else { return nil }
        return terms.enumerated().map { i, t in "\"\(t)\"" + (i == terms.count - 1 ? "*" : "") }.joined(separator: " ")
    }

    /// The PostgreSQL tsquery for `query`: every term, the last one also as a prefix.
    static func tsquery(query: String) -> String? {
        let terms = Array(TextAnalyzer.queryTerms(query).prefix(16))
        guard !terms.isEmpty else { return nil }
        return terms.enumerated().map { i, t in "'\(t)'" + (i == terms.count - 1 ? ":*" : "") }.joined(separator: " & ")
    }

    /// A condition on `tickets.id` that holds for tickets whose document has every term; the
    /// last term also matches as a prefix (as-you-type). Nil when the query has no terms.
    static func condition(query: String, dialect: Dialect) -> SQLQueryString? {
        let terms = Array(TextAnalyzer.queryTerms(query).prefix(16))
        guard !terms.isEmpty else { return nil }
        switch dialect {
        case .sqlite:
            guard let expression = ftsExpression(query: query) else { return nil }
            return "tickets.id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH \(bind: expression))"
        case .postgres:
            guard let expression = tsquery(query: query) else { return nil }
            return "tickets.id IN (SELECT ticket_id FROM ticket_search WHERE doc @@ to_tsquery('simple', \(bind: expression)))"
        }
    }
}
