import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Everything the application reads from its environment, read once at start.
public struct AppConfig: Sendable {
    /// Where the database and its files live.
    public enum DatabaseChoice: Sendable {
        case sqliteFile(String)
        case sqliteMemory(String)
        /// A PostgreSQL URL, optionally confined to one schema (tests use one schema each).
        case postgres(String, schema: String? = nil)
    }

    public var database: DatabaseChoice
    public var dataDirectory: String
    /// The bcrypt cost; tests lower it.
    public var bcryptCost: Int
    /// The first admin created on an empty database.
    public var firstAdminEmail: String
    /// The password of the first admin; generated when nil.
    public var firstAdminPassword: String?
    public var sessionLifetime: TimeInterval
    public var maxBodySize: Int
    /// SQLite's `synchronous` for the writer: `NORMAL` (default; WAL stays consistent, the last
    /// commits before a power loss may be lost) or `FULL` (every commit synced to disk).
    public var sqliteSynchronous: SQLiteSync = .normal
    /// How many tickets of a list a PostgreSQL text search checks in list order before it asks
    /// the full-text index instead (see `ReadContext.searchPostgres`); tests make it small.
    public var searchWalk = ReadContext.defaultSearchWalk
    /// The address people reach this server at, for links in mail (`SWITCHBOARD_PUBLIC_URL`,
    /// such as https://help.example.com); without it, the address the server listens on.
    public var publicURL: String?
    /// The largest attachment accepted, and the most a message may carry in all
    /// (`SWITCHBOARD_MAX_ATTACHMENT_MB`, default 10; a message takes up to 2.5 times that).
    public var maxAttachmentBytes = 10 * 1_048_576
    /// The largest inbound mail taken (`SWITCHBOARD_MAX_MAIL_MB`, default 25): bigger ones are
    /// refused (the mailgate answers 413; IMAP leaves them on the server and logs it).
    public var maxMailBytes = 25 * 1_048_576
    /// How many messages one sender may send in an hour before more are kept aside instead of
    /// becoming tickets (`SWITCHBOARD_MAIL_SENDER_LIMIT`, default 40).
    public var mailSenderLimit = 40
    /// A PEM file of certificate authorities to trust for mail servers besides the system's
    /// (`SWITCHBOARD_MAIL_CA_FILE`): for servers with a company-internal CA.
    public var mailCAFile: String?
    /// Whether this process runs background jobs and fetches mail (`SWITCHBOARD_WORKERS=0`
    /// turns both off).
    public var runsJobs = true
    /// The load balancers or proxies in front of this server (`SWITCHBOARD_TRUSTED_PROXIES`:
    /// addresses and IPv4 networks, comma-separated); requests through them are counted for the
    /// sign-in throttle by the client address they forward (see `ClientAddress`).
    var trustedProxies: [ClientAddress.Proxy] = []
    /// A setting that could not be read: `configure` refuses to start with it.
    var invalidSetting: String?
    /// How often IMAP mailboxes without IDLE are checked (`SWITCHBOARD_IMAP_POLL_SECONDS`, default 60).
    public var imapPollSeconds = 60

    /// SQLite durability settings.
    public enum SQLiteSync: String, Sendable {
        case normal = "NORMAL"
        case full = "FULL"
    }

    public init(
        database: DatabaseChoice, dataDirectory: String, bcryptCost: Int = 12, firstAdminEmail: String = "admin@example.com",
        firstAdminPassword: String? = nil, sessionLifetime: TimeInterval = 14 * 86_400, maxBodySize: Int = 1_048_576
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.bcryptCost = bcryptCost
        self.firstAdminEmail = firstAdminEmail
        self.firstAdminPassword = firstAdminPassword
        self.sessionLifetime = sessionLifetime
        self.maxBodySize = maxBodySize
    }

    /// Reads `DATABASE_URL`, `SWITCHBOARD_DATA`, `SWITCHBOARD_ADMIN_EMAIL`, `SWITCHBOARD_ADMIN_PASSWORD`.
    public static func fromEnvironment() -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let data = env["SWITCHBOARD_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres") {
            database = .postgres(url, schema: nil)
        } else {
            database = .sqliteFile(data + "/switchboard.sqlite")
        }
        var config = AppConfig(
            database: database, dataDirectory: data, firstAdminEmail: env["SWITCHBOARD_ADMIN_EMAIL"] ?? "admin@example.com",
            firstAdminPassword: env["SWITCHBOARD_ADMIN_PASSWORD"])
        if env["SWITCHBOARD_SQLITE_SYNC"]?.lowercased() == "full" { config.sqliteSynchronous = .full }
        if let mb = env["SWITCHBOARD_MAX_ATTACHMENT_MB"].flatMap(Int.init), mb > 0 { config.maxAttachmentBytes = mb * 1_048_576 }
        if let n = env["SWITCHBOARD_MAIL_SENDER_LIMIT"].flatMap(Int.init), n > 0 { config.mailSenderLimit = n }
        if let mb = env["SWITCHBOARD_MAX_MAIL_MB"].flatMap(Int.init), mb > 0 { config.maxMailBytes = mb * 1_048_576 }
        if let file = env["SWITCHBOARD_MAIL_CA_FILE"], !file.isEmpty { config.mailCAFile = file }
        if env["SWITCHBOARD_WORKERS"] == "0" { config.runsJobs = false }
        if let proxies = env["SWITCHBOARD_TRUSTED_PROXIES"] {
            do { config.trustedProxies = try ClientAddress.proxies(proxies) } catch { config.invalidSetting = "\(error)" }
        }
        // Only the server works in the background; `user create` and the like do not.
        if let command = CommandLine.arguments.dropFirst().first, command != "serve", !command.hasPrefix("-") { config.runsJobs = false }
        if let seconds = env["SWITCHBOARD_IMAP_POLL_SECONDS"].flatMap(Int.init), seconds > 0 { config.imapPollSeconds = seconds }
        if let url = env["SWITCHBOARD_PUBLIC_URL"], !url.isEmpty { config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url }
        return config
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct StoreKey: StorageKey { typealias Value = Store }
    private struct MetricsKey: StorageKey { typealias Value = Metrics }

    /// The configuration the application was built with.
    public var config: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig.fromEnvironment() }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The store; set by `configure`.
    public var store: Store {
        get {
            guard let store = storage[StoreKey.self] else { preconditionFailure("configure(_:) sets the store before use") }
            return store
        }
        set { storage[StoreKey.self] = newValue }
    }

    /// Request counters and latency histograms.
    var metrics: Metrics {
        get {
            if let m = storage[MetricsKey.self] { return m }
            let m = Metrics()
            storage[MetricsKey.self] = m
            return m
        }
        set { storage[MetricsKey.self] = newValue }
    }
}

extension Request {
    /// The application's store.
    public var store: Store { application.store }
}
