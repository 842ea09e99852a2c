import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import SwitchboardCore
import SwitchboardStore
import Testing
import Vapor
import VaporTesting

@testable import SwitchboardApp

/// A running application on a fresh database: in-memory SQLite, or a schema of its own on the
/// PostgreSQL server named by `SWITCHBOARD_TEST_POSTGRES_URL`.
struct Harness {
    let app: Application
    /// An API token of the first admin.
    let adminToken: String
    let adminId: Int64

    static let adminPassword = "admin-password-1"

    static var onPostgres: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES_URL"] != nil }

    var store: Store { app.store }

    /// Sends a request with a JSON body (or raw bytes) and returns status, headers and JSON.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, raw: String? = nil, token: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if let token = token ?? (extra.contains { $0.0 == "Cookie" } ? nil : adminToken) {
            headers.bearerAuthorization = BearerAuthorization(token: token)
        }
        for (k, v) in extra { headers.add(name: k, value: v) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: json.canonicalData)
        } else if let raw {
            headers.contentType = .json
            body = ByteBuffer(string: raw)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        let data = Data(buffer: response.body)
        let value = data.isEmpty ? JSONValue.null : (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .string(String(decoding: data, as: UTF8.self))
        return Reply(status: response.status, headers: response.headers, json: value)
    }

    /// Creates a staff member with a token and returns (id, token).
    func staff(_ role: Role, email: String, teamIds: [Int64] = []) async throws -> (id: Int64, token: String) {
        let issued = TokenIssuer.issue()
        let user = try await store.write { ctx in
            let user = try await ctx.createUser(
                UserInput(email: try EmailAddress(email), name: email, jobTitle: nil, locale: "en", role: role, passwordHash: nil, teamIds: teamIds),
                actor: .system)
            _ = try await ctx.createToken(userId: user.id, name: "test", tokenHash: issued.hash, prefix: issued.prefix, actor: .system)
            return user
        }
        return (user.id, issued.secret)
    }

    /// Creates a ticket through the API and returns its JSON.
    func ticket(
        _ subject: String = "Printer on fire", body: String = "It smokes", email: String = "anna@example.com",
        extra: [String: JSONValue] = [:]
    ) async throws -> JSONValue {
        var fields: [String: JSONValue] = [
            "subject": .string(subject), "body": .string(body), "requester": .object(["email": .string(email), "name": "Anna"]),
        ]
        fields.merge(extra) { _, new in new }
        let reply = try await send(.POST, "/api/v1/tickets", json: .object(fields))
        #expect(reply.status == .created, "\(reply.json)")
        return reply.json
    }

    /// A second store on the same database, with a writer of its own, as another instance has.
    func secondStore(writesPerBatch: Int = 128) throws -> Store {
        let databases = app.databases
        let writer: Store.WriterChoice
        switch app.config.database {
        case .sqliteFile(let path):
            writer = .sqliteFile(path: path, setup: [], eventLoop: app.eventLoopGroup.any(), logger: app.logger)
        default:
            writer = .database(try #require(databases.database(logger: app.logger, on: app.eventLoopGroup.any())))
        }
        let loops = app.eventLoopGroup
        let logger = app.logger
        return try Store(
            database: { databases.database(logger: logger, on: loops.any()) }, writer: writer, writesPerBatch: writesPerBatch)
    }

    /// Counts rows of a table, to show that a refused request changed nothing.
    func count(_ table: String) async throws -> Int {
        try await store.read { ctx in
            Int(try await ctx.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decodingColumn: "n", as: Int64.self) ?? -1)
        }
    }

    /// Row counts of every table a request could touch.
    func snapshot() async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in ["tickets", "messages", "contacts", "contact_identities", "organizations", "users", "teams", "audit_events", "outbox", "views", "api_tokens", "ticket_tags", "ticket_links", "mailboxes", "mail_log"] {
            out[t] = try await count(t)
        }
        return out
    }
}

/// A response, decoded.
struct Reply {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let json: JSONValue

    subscript(_ key: String) -> JSONValue? { json[key] }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, b in b }))
    }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    var int: Int64? { if case .number(let n) = self { return Int64(n) } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}

/// Runs `body` against a fresh application and database, and tears both down.
func withHarness(_ body: (Harness) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let env = ProcessInfo.processInfo.environment
    let choice: AppConfig.DatabaseChoice
    let dataDirectory = NSTemporaryDirectory() + "switchboard-test-" + UUID().uuidString
    var schema: String?
    do {
        if let url = env["SWITCHBOARD_TEST_POSTGRES_URL"] {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            app.databases.use(try .postgres(url: url), as: .setup, isDefault: false)
            try await (app.db(.setup) as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: name)").run()
            schema = name
            choice = .postgres(url, schema: name)
        } else {
            // A real file, as in production: WAL, the writer's own connection, checkpoints.
            choice = .sqliteFile(dataDirectory + "/switchboard.sqlite")
        }
        var config = AppConfig(
            database: choice, dataDirectory: dataDirectory, bcryptCost: 4,
            firstAdminPassword: Harness.adminPassword, maxBodySize: 262_144)
        // A short walk, so that text searches over a few tickets also take the index path.
        config.searchWalk = 3
        // Tests run background jobs themselves (JobRunner.runOnce), when they want them.
        config.runsJobs = false
        try await configure(app, config: config)
        let issued = TokenIssuer.issue()
        guard let admin = try await app.store.read({ try await $0.userForSignIn(email: "admin@example.com") })?.user else {
            throw CommandLineError("bootstrap created no admin")
        }
        _ = try await app.store.write {
            try await $0.createToken(userId: admin.id, name: "test", tokenHash: issued.hash, prefix: issued.prefix, actor: .system)
        }
        try await body(Harness(app: app, adminToken: issued.secret, adminId: admin.id))
    } catch {
        try await cleanup(app, schema: schema, dataDirectory: dataDirectory)
        throw error
    }
    try await cleanup(app, schema: schema, dataDirectory: dataDirectory)
}

private func cleanup(_ app: Application, schema: String?, dataDirectory: String) async throws {
    // A test may have shut the databases down already; its schema then stays in the throwaway server.
    if let schema, let setup = app.databases.database(.setup, logger: app.logger, on: app.eventLoopGroup.any()) as? any SQLDatabase {
        try? await setup.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
    try? FileManager.default.removeItem(atPath: dataDirectory)
}

extension DatabaseID {
    static let setup = DatabaseID(string: "setup")
}
