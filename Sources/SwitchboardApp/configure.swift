import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Builds the application: database, migrations, first-run setup, middleware, routes, commands.
/// `main` only reads configuration and calls this; tests call it with an in-memory database.
public func configure(_ app: Application, config: AppConfig) async throws {
    if let problem = config.invalidSetting { throw CommandLineError(problem) }
    app.config = config
    APIJSON.install()
    app.catalogs = try Catalogs.load()
    _ = try Assets.loaded.get()  // fails the start when a file is missing
    try configureDatabase(app, config.database, dataDirectory: config.dataDirectory)
    app.migrations.add(Store.migrations)
    let writerLoop = app.eventLoopGroup.any()
    let writer: Store.WriterChoice
    if case .sqliteFile(let path) = config.database {
        // In WAL mode NORMAL keeps the database consistent on power loss and syncs at
        // checkpoints instead of every commit; FULL also syncs every commit.
        // The writer starts the log over after the checkpointer's restarts and cuts it back then.
        let setup = [
            "PRAGMA synchronous = \(config.sqliteSynchronous.rawValue)", "PRAGMA wal_autocheckpoint = 0",
            "PRAGMA journal_size_limit = \(Checkpointer.sizeLimit)",
            // 32 MiB of pages: SQLite's default 2 MiB no longer held the index leaves the
            // writer's inserts land on once the audit log grew, and each miss was a read.
            "PRAGMA cache_size = -32768",
        ]
        writer = .sqliteFile(path: path, setup: setup, eventLoop: writerLoop, logger: app.logger)
        app.lifecycle.use(Checkpointer())
    } else {
        guard let database = app.databases.database(logger: app.logger, on: writerLoop) else {
            throw CommandLineError("no database configured")
        }
        writer = .database(database)
    }
    // Not `app.db`: that traps once the databases shut down, while a request may still be running.
    let databases = app.databases
    let logger = app.logger
    let loops = app.eventLoopGroup
    let store = try Store(
        database: { databases.database(logger: logger, on: loops.any()) }, writer: writer, searchWalk: config.searchWalk)
    app.store = store
    app.principals = PrincipalCache()
    try await app.autoMigrate()
    if case .sqliteFile = config.database, let sql = app.db as? any SQLDatabase {
        // WAL lets readers work while the writer commits; the mode is stored in the file.
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
    try await Bootstrap.run(app)
    if config.runsJobs {
        app.lifecycle.use(JobRunner())
        app.lifecycle.use(MailFetcher())
    }

    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: config.maxBodySize)
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ProblemMiddleware())
    try routes(app)
    registerCommands(app)
}

private func configureDatabase(_ app: Application, _ choice: AppConfig.DatabaseChoice, dataDirectory: String) throws {
    switch choice {
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: .trace), as: .sqlite)
        // A connection of its own for WAL checkpoints, so copying the log never stalls a request's reads.
        app.databases.use(
            .sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: .trace), as: Checkpointer.databaseID, isDefault: false)
    case .sqliteMemory(let identifier):
        app.databases.use(.sqlite(SQLiteConfiguration(storage: .memory(identifier: identifier)), sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url, let schema):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        app.databases.use(
            .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: 8, encodingContext: .default, decodingContext: .default,
                sqlLogLevel: .trace),
            as: .psql)
    }
}
