import Foundation
import Logging
import SwitchboardApp
import Vapor

/// Reads configuration and runs the command line (`serve` when no command is given).
let config = AppConfig.fromEnvironment()
config.installConcurrencyExecutor()
var env = try Environment.detect()
if ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json" {
    let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &env)
}
let app = try await Application.make(env)
do {
    try await configure(app, config: config)
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
