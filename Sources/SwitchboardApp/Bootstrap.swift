import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// First start on an empty database: creates the workspace and the first admin, and says on
/// the console how that admin signs in.
enum Bootstrap {
    static func run(_ app: Application) async throws {
        let store = app.store
        let hasUsers = try await store.read { try await $0.userCount() > 0 }
        _ = try await store.write { try await $0.createWorkspace(name: "Switchboard") }
        guard !hasUsers else { return }
        let config = app.config
        let password = config.firstAdminPassword ?? Secrets.password()
        let hash = try Bcrypt.hash(password, cost: config.bcryptCost)
        let email = try EmailAddress(config.firstAdminEmail, field: "SWITCHBOARD_ADMIN_EMAIL")
        let user = try await store.write { ctx in
            try await ctx.createUser(
                UserInput(email: email, name: "Administrator", jobTitle: nil, locale: "en", role: .admin, passwordHash: hash, teamIds: []),
                actor: .system)
        }
        let notice = """
            First start: created the workspace and its first admin.
              Sign in as \(user.email) with the password: \(password)
              (API: POST /api/v1/session {"email": "\(user.email)", "password": "…"}; change the password after signing in,
              or set a new one with `switchboard user reset-password --email \(user.email)`.)
            """
        // Said once and never again: a log level above notice must not swallow it.
        if app.logger.logLevel > .notice {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
        } else {
            app.logger.notice("\(notice)")
        }
    }
}

/// Random secrets: session tokens, API tokens, generated passwords.
enum Secrets {
    /// `count` random bytes as URL-safe base64 without padding.
    static func token(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A readable generated password (20 characters from an unambiguous alphabet).
    static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// SHA-256 hex of a secret, as stored.
    static func hash(_ secret: String) -> String { AuditHash.hex(Data(secret.utf8)) }

    /// Compares two secrets in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
