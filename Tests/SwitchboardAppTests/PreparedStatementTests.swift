import Foundation
import Logging
import PostgresKit
import SQLKit
import SwitchboardCore
import Testing

@testable import SwitchboardStore

/// The writer's named prepared statements (PostgreSQL only).
@Suite struct PreparedStatementTests {
    /// A statement goes out unnamed until it is prepared between transactions; prepared, it
    /// answers as before: text, numbers, nulls and arrays of both kinds (answered as text).
    @Test(.enabled(if: Harness.onPostgres)) func aPreparedStatementAnswersAsTheUnnamedOneDid() async throws {
        try await withConnection { connection in
            // Given
            let query: SQLQueryString = """
                SELECT \(bind: "Łódź — ok") AS t, (\(bind: Int64(41)) + 1::int8)::text AS n, \(bind: String?.none)::text AS none,
                  (SELECT string_agg(COALESCE(x::text, '-'), ',') FROM unnest(\(bind: PostgresColumnArray(.int8([3, nil, 1])))::int8[]) x) AS ints,
                  (SELECT string_agg(x, ',') FROM unnest(\(bind: ["a", "ß"])::text[]) x) AS texts
                """
            let statements = PreparedStatements()
            func answer() async throws -> [String?] {
                let row = try #require(try await statements.send(query, on: connection).get().first)
                return [
                    try row.decode(column: "t", as: String.self), try row.decode(column: "n", as: String.self),
                    try row.decode(column: "none", as: String?.self), try row.decode(column: "ints", as: String.self),
                    try row.decode(column: "texts", as: String.self),
                ]
            }
            func preparedOnServer() async throws -> Int64 {
                try await connection.sql().raw("SELECT COUNT(*) AS n FROM pg_prepared_statements").first(
                    decodingColumn: "n", as: Int64.self) ?? -1
            }
            // When
            let unnamed = try await answer()
            let before = try await preparedOnServer()
            await statements.prepareWanted(on: connection)
            let prepared = try await answer()
            // Then
            #expect(unnamed == ["Łódź — ok", "42", nil, "3,-,1", "a,ß"])
            #expect(prepared == unnamed)
            #expect(before == 0)
            #expect(try await preparedOnServer() == 1)
            #expect(statements.isPrepared(query.description(on: connection), on: connection))
        }
    }

    /// An empty array is sent as the type of its elements (an empty `[Int64]` also casts to
    /// `[String]`), so a statement whose integer list is empty still runs prepared.
    @Test(.enabled(if: Harness.onPostgres)) func anEmptyIntegerArrayStillUsesThePreparedStatement() async throws {
        try await withConnection { connection in
            // Given
            let query: SQLQueryString = """
                SELECT (SELECT COUNT(*) FROM unnest(\(bind: [Int64]())::int8[]))::text AS ints,
                  (SELECT COUNT(*) FROM unnest(\(bind: [String]())::text[]))::text AS texts
                """
            let statements = PreparedStatements()
            func usesOfThePrepared() async throws -> Int64 {
                let sql: SQLQueryString = "SELECT COALESCE(SUM(generic_plans + custom_plans), 0)::int8 AS n FROM pg_prepared_statements"
                return try await connection.sql().raw(sql).first(decodingColumn: "n", as: Int64.self) ?? -1
            }
            func answer() async throws -> [String] {
                let row = try #require(try await statements.send(query, on: connection).get().first)
                return [try row.decode(column: "ints", as: String.self), try row.decode(column: "texts", as: String.self)]
            }
            // When
            let unnamed = try await answer()
            await statements.prepareWanted(on: connection)
            let prepared = try await answer()
            // Then
            #expect(unnamed == ["0", "0"])
            #expect(prepared == unnamed)
            #expect(statements.isPrepared(query.description(on: connection), on: connection))
            #expect(try await usesOfThePrepared() == 1)
        }
    }

    /// The intake's lookups keep one text whatever the batch, so they are prepared once; prepared,
    /// they find the same requesters, domains, workers and teams and reserve ids as unnamed, and
    /// the server still plans them for the values at hand.
    @Test(.enabled(if: Harness.onPostgres)) func theIntakeLookupsArePreparedAndAnswerAsUnnamed() async throws {
        try await withConnection { connection in
            // Given: the tables the lookups read, as temporary tables of this session.
            try await connection.sql().exec([
                "CREATE TEMP TABLE contacts (id BIGSERIAL PRIMARY KEY, organization_id BIGINT, merged_into_id BIGINT)",
                "CREATE TEMP TABLE contact_identities (id BIGSERIAL PRIMARY KEY, contact_id BIGINT, kind TEXT, value TEXT, UNIQUE (kind, value))",
                "CREATE TEMP TABLE organization_domains (domain TEXT PRIMARY KEY, organization_id BIGINT)",
                "CREATE TEMP TABLE users (id BIGSERIAL PRIMARY KEY, role TEXT, active BIGINT)",
                "CREATE TEMP TABLE teams (id BIGSERIAL PRIMARY KEY)",
                "CREATE TEMP TABLE tickets (id BIGSERIAL PRIMARY KEY)",
                "INSERT INTO contacts (organization_id, merged_into_id) VALUES (7, NULL), (NULL, 1)",
                "INSERT INTO contact_identities (contact_id, kind, value) VALUES (1, 'email', 'ola@firma.pl'), (2, 'email', 'old@example.com')",
                "INSERT INTO organization_domains VALUES ('firma.pl', 7)",
                "INSERT INTO users (role, active) VALUES ('agent', 1), ('agent', 0), ('qa_analyst', 1)",
                "INSERT INTO teams DEFAULT VALUES",
            ])
            let statements = PreparedStatements()
            func lookups(_ emails: [String], users: [Int64], teams: [Int64], tickets: Int) async throws -> IntakeLookups {
                let query = IntakeLookups.prefetch(
                    emails: try emails.map { try EmailAddress($0) }, userIds: users, teamIds: teams,
                    reserve: [("tickets", tickets), ("contacts", 0)])
                return try IntakeLookups(prefetched: try await statements.send(query, on: connection).get())
            }
            // When
            let emails = ["ola@firma.pl", "nowy@firma.pl", "old@example.com"]
            let unnamed = try await lookups(emails, users: [1, 2, 3], teams: [1, 9], tickets: 2)
            await statements.prepareWanted(on: connection)
            let prepared = try await lookups(emails, users: [1, 2, 3], teams: [1, 9], tickets: 2)
            let none = try await lookups([], users: [], teams: [], tickets: 0)
            for n in 0..<6 { _ = try await lookups(["n\(n)@firma.pl"], users: [1], teams: [], tickets: 1) }
            // Then
            for found in [unnamed, prepared] {
                #expect(found.requesters.count == 2)
                #expect(found.requesters["ola@firma.pl"]?.organizationId == 7)
                #expect(found.requesters["old@example.com"]?.mergedInto == 1)
                #expect(found.organizationByDomain == ["firma.pl": 7])
                #expect(found.workers == [1])
                #expect(found.teams == [1])
                #expect(found.ids.keys.sorted() == ["tickets"])
            }
            #expect(unnamed.ids["tickets"] == [1, 2])
            #expect(prepared.ids["tickets"] == [3, 4])
            #expect(none.requesters.isEmpty && none.ids.isEmpty)
            // Planned for each batch's values: never the generic plan (see `PreparedStatements`).
            let plans = try #require(
                try await connection.sql().raw(
                    "SELECT generic_plans::text AS generic, custom_plans::text AS custom FROM pg_prepared_statements WHERE statement LIKE 'WITH r AS%'"
                ).first())
            #expect(try plans.decode(column: "generic", as: String.self) == "0")
            #expect(try plans.decode(column: "custom", as: String.self) == "8")
        }
    }

    /// A statement the server cannot prepare without parameter types, or types otherwise than
    /// its binds are sent, keeps going out unnamed and answers as before.
    @Test(.enabled(if: Harness.onPostgres)) func aStatementTheServerWillNotPrepareOrTypesOtherwiseStillRuns() async throws {
        try await withConnection { connection in
            // Given: an array parameter of no stated type, and one the server takes for an integer
            let untyped: SQLQueryString = "SELECT array_length(\(bind: [Int64(5), 6, 7]), 1)::text AS n"
            let integer: SQLQueryString = "SELECT (\(bind: Int64(2)) + 1::int4)::text AS n"
            let statements = PreparedStatements()
            func answers() async throws -> [String?] {
                [
                    try await statements.send(untyped, on: connection).get().first?.decode(column: "n", as: String.self),
                    try await statements.send(integer, on: connection).get().first?.decode(column: "n", as: String.self),
                ]
            }
            // When
            let first = try await answers()
            await statements.prepareWanted(on: connection)
            let second = try await answers()
            // Then
            #expect(first == ["3", "3"])
            #expect(second == first)
            #expect(!statements.isPrepared(untyped.description(on: connection), on: connection))
            #expect(!statements.isPrepared(integer.description(on: connection), on: connection))
            let prepared = try await connection.sql().raw("SELECT COUNT(*) AS n FROM pg_prepared_statements").first(
                decodingColumn: "n", as: Int64.self)
            #expect(prepared == 0)
        }
    }
}

/// Runs `body` on a connection of its own to the test server.
private func withConnection(_ body: (LiveConnection) async throws -> Void) async throws {
    let url = try #require(ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES_URL"])
    let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "test"))
    do {
        try await body(LiveConnection(connection: connection))
    } catch {
        try? await connection.close()
        throw error
    }
    try await connection.close()
}

extension SQLQueryString {
    /// The text PostgreSQL gets for this query.
    fileprivate func description(on connection: LiveConnection) -> String {
        var serializer = SQLSerializer(database: connection.sql())
        serialize(to: &serializer)
        return serializer.sql
    }
}
