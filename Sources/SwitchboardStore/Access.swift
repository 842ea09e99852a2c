import Foundation
import SQLKit
import SwitchboardCore

/// Sessions, API tokens and the sign-in throttle. Secrets are stored only as SHA-256 hashes.
extension ReadContext {
    /// The active user a session token belongs to, with the session's CSRF token.
    public func session(tokenHash: String, now: Date) async throws -> (user: User, csrf: String)? {
        guard let row = try await sql.raw(
            "SELECT user_id, csrf_token FROM sessions WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: now.ms)"
        ).first() else { return nil }
        guard let user = try await user(id: try row.decode(column: "user_id", as: Int64.self)), user.active else { return nil }
        return (user, try row.decode(column: "csrf_token", as: String.self))
    }

    /// The active user an API token belongs to.
    public func tokenUser(tokenHash: String) async throws -> (user: User, tokenId: Int64, lastUsedAt: Date?)? {
        guard let row = try await sql.raw(
            "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL"
        ).first() else { return nil }
        guard let user = try await user(id: try row.decode(column: "user_id", as: Int64.self)), user.active else { return nil }
        return (user, try row.decode(column: "id", as: Int64.self), try row.decode(column: "last_used_at", as: Int64?.self).map(Date.init(ms:)))
    }

    /// A user's API tokens, newest first.
    public func tokens(userId: Int64) async throws -> [APIToken] {
        try await sql.raw("SELECT * FROM api_tokens WHERE user_id = \(bind: userId) ORDER BY id DESC").all().map(token(from:))
    }

    /// Everyone's API tokens, newest first (for admins).
    public func allTokens(limit: Int) async throws -> [APIToken] {
        try await sql.raw("SELECT * FROM api_tokens ORDER BY id DESC LIMIT \(bind: limit)").all().map(token(from:))
    }

    func token(from row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.decode(column: "id", as: Int64.self), userId: try row.decode(column: "user_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self), prefix: try row.decode(column: "prefix", as: String.self),
            createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)),
            lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self).map(Date.init(ms:)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(ms:)))
    }

    /// Failed sign-ins counted under `key` since `since`.
    /// Whether a reset link can still be used (for showing its form).
    public func passwordResetIsValid(tokenHash: String, now: Date) async throws -> Bool {
        try await sql.raw(
            "SELECT user_id FROM password_resets WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at >= \(bind: now.ms)"
        ).first() != nil
    }

    public func signInFailures(key: String, since: Date) async throws -> Int {
        guard let row = try await sql.raw("SELECT window_start, count FROM sign_in_failures WHERE key = \(bind: key)").first()
        else { return 0 }
        let start = try row.decode(column: "window_start", as: Int64.self)
        return start >= since.ms ? Int(try row.decode(column: "count", as: Int64.self)) : 0
    }
}

extension WriteContext {
    /// Stores a new session.
    public func createSession(tokenHash: String, csrf: String, userId: Int64, expiresAt: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: tokenHash), \(bind: userId), \(bind: csrf), \(bind: now.ms), \(bind: expiresAt.ms))
            """
        ).run()
        try await sql.raw("DELETE FROM sessions WHERE expires_at < \(bind: now.ms)").run()
    }

    /// Notes when a token was last used (callers do this at most once a minute per token).
    public func touchToken(id: Int64) async throws {
        try await sql.raw("UPDATE api_tokens SET last_used_at = \(bind: now.ms) WHERE id = \(bind: id)").run()
    }

    /// Ends a session.
    public func deleteSession(tokenHash: String) async throws {
        try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    /// Stores a new API token (its hash) and returns its public face.
    public func createToken(userId: Int64, name: String, tokenHash: String, prefix: String, actor: Actor) async throws -> APIToken {
        guard let id = try await sql.raw(
            """
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at)
            VALUES (\(bind: userId), \(bind: name), \(bind: tokenHash), \(bind: prefix), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        let token = APIToken(id: id, userId: userId, name: name, prefix: prefix, createdAt: now, lastUsedAt: nil, revokedAt: nil)
        try await record(.tokenCreated, entityId: id, actor: actor, after: JSONText(token))
        return token
    }

    /// Revokes a token of `userId` (or of anyone, when `userId` is nil: an admin).
    public func revokeToken(id: Int64, userId: Int64?, actor: Actor) async throws -> APIToken {
        guard let row = try await sql.raw("SELECT * FROM api_tokens WHERE id = \(bind: id)").first() else {
            throw DomainError.notFound("token")
        }
        let before = try reader.token(from: row)
        if let userId, before.userId != userId { throw DomainError.notFound("token") }
        if before.revokedAt != nil { return before }
        try await sql.raw("UPDATE api_tokens SET revoked_at = \(bind: now.ms) WHERE id = \(bind: id)").run()
        var after = before
        after.revokedAt = now
        try await record(.tokenRevoked, entityId: id, actor: actor, before: JSONText(before), after: JSONText(after))
        return after
    }

    /// Counts a failed sign-in under `key` within a window starting at `since`.
    public func noteSignInFailure(key: String, windowStart since: Date) async throws {
        let current = try await reader.signInFailures(key: key, since: since)
        if current == 0 {
            try await sql.raw("DELETE FROM sign_in_failures WHERE key = \(bind: key)").run()
            try await sql.raw(
                "INSERT INTO sign_in_failures (key, window_start, count) VALUES (\(bind: key), \(bind: now.ms), 1)"
            ).run()
        } else {
            try await sql.raw("UPDATE sign_in_failures SET count = count + 1 WHERE key = \(bind: key)").run()
        }
    }

    /// Stores a one-time password reset link (its hash) for a user.
    public func createPasswordReset(userId: Int64, tokenHash: String, expiresAt: Date) async throws {
        try await sql.raw("DELETE FROM password_resets WHERE expires_at < \(bind: now.ms)").run()
        try await sql.raw(
            """
            INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
            VALUES (\(bind: tokenHash), \(bind: userId), \(bind: now.ms), \(bind: expiresAt.ms))
            """
        ).run()
    }

    /// Uses up a reset link: the user it belongs to when it exists, is unused and has not
    /// expired; nil otherwise. A link works once.
    public func usePasswordReset(tokenHash: String) async throws -> Int64? {
        guard let row = try await sql.raw(
            "SELECT user_id FROM password_resets WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at >= \(bind: now.ms)"
        ).first() else { return nil }
        try await sql.raw("UPDATE password_resets SET used_at = \(bind: now.ms) WHERE token_hash = \(bind: tokenHash)").run()
        return try row.decode(column: "user_id", as: Int64.self)
    }

    /// Forgets the failures under `key` (after a successful sign-in).
    public func clearSignInFailures(key: String) async throws {
        try await sql.raw("DELETE FROM sign_in_failures WHERE key = \(bind: key)").run()
    }
}
