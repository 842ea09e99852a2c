import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateStatusCommand(), as: "migrate")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(TokenCommands(), as: "token")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(SLACommands(), as: "sla")
    app.asyncCommands.use(AutomationCommands(), as: "automations")
    app.asyncCommands.use(SeedCommand(), as: "seed")
}

/// `switchboard migrate`: brings the database schema up to date (every start does this too).
struct MigrateStatusCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Brings the database schema up to date (the server also does this when it starts)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        context.console.print("The database schema is up to date (\(Store.migrations.count) migrations).")
    }
}

/// `switchboard user create|reset-password`.
struct UserCommands: AsyncCommandGroup {
    var help: String { "Creates staff accounts and resets passwords." }
    var commands: [String: any AnyAsyncCommand] { ["create": UserCreateCommand(), "reset-password": ResetPasswordCommand()] }
}

struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The user's email address (their sign-in name).") var email: String?
        @Option(name: "name", help: "The user's full name.") var name: String?
        @Option(name: "role", help: "admin, manager, supervisor, senior_agent, agent, qa_analyst or trainer.") var role: String?
        @Option(name: "password", help: "At least 10 characters; generated and printed when left out.") var password: String?
        @Option(name: "title", help: "Free-text job title, e.g. \"Support Hero\".") var title: String?
        @Option(name: "locale", help: "Interface language: en, uk, pl, ru or el (default en).") var locale: String?
        init() {}
    }
    var help: String { "Creates a staff account: --email E --name N --role R [--password P] [--title T] [--locale L]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email, let name = signature.name, let roleName = signature.role else {
            throw CommandLineError("--email, --name and --role are required")
        }
        guard let role = Role(rawValue: roleName) else {
            throw CommandLineError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let password = signature.password ?? Secrets.password()
        let input = UserInput(
            email: try EmailAddress(email), name: try validatedText(name, field: "name", max: Limits.name) ?? name,
            jobTitle: try validatedText(signature.title, field: "title", max: Limits.jobTitle, required: false),
            locale: try validatedLocale(signature.locale ?? "en"), role: role,
            passwordHash: try PasswordRules.hash(password, cost: app.config.bcryptCost), teamIds: [])
        let user = try await app.store.write { try await $0.createUser(input, actor: .system) }
        context.console.print("Created \(user.role.rawValue) \(user.email) (id \(user.id)).")
        if signature.password == nil { context.console.print("Password: \(password)") }
    }
}

struct ResetPasswordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's email address.") var email: String?
        @Option(name: "password", help: "The new password; generated and printed when left out.") var password: String?
        init() {}
    }
    var help: String { "Sets a new password for a staff account and signs it out everywhere: --email E [--password P]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email else { throw CommandLineError("--email is required") }
        guard let found = try await app.store.read({ try await $0.userForSignIn(email: email) }) else {
            throw CommandLineError("no user with the email \(email)")
        }
        let password = signature.password ?? Secrets.password()
        let hash = try PasswordRules.hash(password, cost: app.config.bcryptCost)
        try await app.store.write { try await $0.setPassword(userId: found.user.id, hash: hash, actor: .system) }
        context.console.print("New password for \(found.user.email): \(password)")
    }
}

/// `switchboard token create --user E`: prints a new API token as the last line.
struct TokenCommands: AsyncCommandGroup {
    var help: String { "Creates API tokens." }
    var commands: [String: any AnyAsyncCommand] { ["create": TokenCreateCommand()] }
}

struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "user", help: "The email of the staff account the token acts as.") var user: String?
        @Option(name: "name", help: "A name to tell the token apart (default \"CLI token\").") var name: String?
        init() {}
    }
    var help: String { "Creates an API token for a staff account and prints it as the last line: --user E [--name N]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.user else { throw CommandLineError("--user is required") }
        guard let found = try await app.store.read({ try await $0.userForSignIn(email: email) }) else {
            throw CommandLineError("no user with the email \(email)")
        }
        let issued = TokenIssuer.issue()
        let name = signature.name ?? "CLI token"
        let token = try await app.store.write {
            try await $0.createToken(userId: found.user.id, name: name, tokenHash: issued.hash, prefix: issued.prefix, actor: .system)
        }
        context.console.print("Created token \(token.id) (\(token.name)) for \(found.user.email). It is shown only once:")
        context.console.print(issued.secret)
    }
}

/// `switchboard audit verify`: checks the hash chain and names the first bad event.
struct AuditCommands: AsyncCommandGroup {
    var help: String { "Checks the audit log." }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Verifies the audit log's hash chain; exits non-zero naming the first altered or removed event." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let finding = try await context.application.store.read { try await $0.verifyAuditChain() }
        let result = AuditController.describe(finding)
        if result.intact {
            context.console.print("The audit log is intact: \(result.count ?? 0) events verified.")
        } else {
            throw CommandLineError("The audit log is NOT intact: \(result.problem ?? "")")
        }
    }
}

/// `switchboard sla check`: one SLA round now (the server runs them every second);
/// `switchboard sla retime`: every open ticket re-timed under today's policies and hours.
struct SLACommands: AsyncCommandGroup {
    var help: String { "Service levels." }
    var commands: [String: any AnyAsyncCommand] { ["check": SLACheckCommand(), "retime": SLARetimeCommand()] }
}

struct SLARetimeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "Judge the clocks as if it were this RFC 3339 time (benchmarks over data loaded earlier).")
        var asOf: String?
        init() {}
    }
    var help: String {
        "Re-times every open ticket under the SLA policies and business hours as they are now, as a server does after they change; prints what it did and how long it took."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let asOf = try asOfDate(signature.asOf)
        let store = context.application.store
        let started = ContinuousClock.now
        try await store.write { try await $0.restartSLARetime() }
        let outcome = try await inBackground { try await JobRunner.retimeOpenTickets(store, asOf: asOf) }
        context.console.print(
            "SLA re-time: \(outcome.read) open tickets read, \(outcome.retimed) re-timed, \(outcome.breached) targets missed in "
                + String(format: "%.2f s", seconds(since: started)))
    }
}

struct SLACheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "Act as if it were this RFC 3339 time (tests and benchmarks): what falls due by then is marked and escalated for real.")
        var asOf: String?
        init() {}
    }
    var help: String { "Marks missed SLA targets and runs the escalations due, as a server does every second; prints what it did and how long it took." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let asOf = try asOfDate(signature.asOf)
        let started = ContinuousClock.now
        let store = context.application.store
        let outcome = try await inBackground { try await JobRunner.runSLACycles(store, asOf: asOf) }
        context.console.print(
            "SLA round: \(outcome.checked) tickets checked, \(outcome.breached) targets missed, \(outcome.escalations) escalations in "
                + String(format: "%.2f s", seconds(since: started)))
    }
}

/// `switchboard automations run`: one round of time rules now (the server runs one a minute).
struct AutomationCommands: AsyncCommandGroup {
    var help: String { "Automation rules." }
    var commands: [String: any AnyAsyncCommand] { ["run": TimeRulesCommand()] }
}

struct TimeRulesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "Judge the time rules as if it were this RFC 3339 time (tests and benchmarks): what matches by then is acted on for real.")
        var asOf: String?
        init() {}
    }
    var help: String { "Runs the time rules over the tickets not closed, as a server does once a minute; prints what it did and how long it took." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let asOf = try asOfDate(signature.asOf)
        let started = ContinuousClock.now
        let app = context.application
        let outcome = try await inBackground { try await Automations.runTimeRules(app.store, app: app, asOf: asOf) }
        context.console.print(
            "Time rules: \(outcome.read) tickets read, \(outcome.candidates) candidates, \(outcome.fired) firings in "
                + String(format: "%.2f s", seconds(since: started)))
    }
}

/// Runs a round where the server's job runner runs it (see `BackgroundExecutor`).
private func inBackground<T: Sendable>(_ round: @Sendable () async throws -> T) async throws -> T {
    try await withTaskExecutorPreference(BackgroundExecutor.preferred, operation: round)
}

/// The `--as-of` option's time, if given.
private func asOfDate(_ raw: String?) throws -> Date? {
    guard let raw else { return nil }
    guard let date = APIJSON.date(from: raw) else {
        throw CommandLineError("--as-of must be a time like 2026-11-23T18:00:00Z")
    }
    return date
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// A command-line mistake, printed as is.
struct CommandLineError: Error, CustomStringConvertible, LocalizedError {
    let description: String
    init(_ description: String) { self.description = description }
    var errorDescription: String? { description }
}
