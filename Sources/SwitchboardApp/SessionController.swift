import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/session`: password sign-in (cookie session stored in the database), sign-out, who am I.
enum SessionController {
    struct SessionDTO: Content {
        var user: UserDTO
        var csrfToken: String?
        enum CodingKeys: String, CodingKey {
            case user
            case csrfToken = "csrf_token"
        }
    }

    @Sendable static func signIn(_ req: Request) async throws -> Response {
        let body = try req.body(SignInRequest.self)
        let session = try await startSession(req, email: body.email, password: body.password)
        let response = try respond(SessionDTO(user: UserDTO(session.user), csrfToken: session.csrf), status: .created)
        session.setCookie(on: response, req)
        return response
    }

    /// A new session after checking the password (throttled per account and address).
    struct NewSession {
        let user: User
        let token: String
        let csrf: String
        let expires: Date
        let lifetime: TimeInterval

        func setCookie(on response: Response, _ req: Request) {
            response.cookies[SessionCookie.name] = HTTPCookies.Value(
                string: token, expires: expires, maxAge: Int(lifetime), path: "/", isSecure: req.url.scheme == "https",
                isHTTPOnly: true, sameSite: .lax)
        }
    }

    static func startSession(_ req: Request, email: String, password: String) async throws -> NewSession {
        let store = req.store
        let address = req.clientAddress
        try await SignInThrottle.check(store, email: email, address: address)
        let found = try await store.read { try await $0.userForSignIn(email: email.trimmingCharacters(in: .whitespaces)) }
        let valid: Bool
        if let found, found.user.active, let hash = found.passwordHash {
            valid = await PasswordRules.verify(password, hash: hash, on: req)
        } else {
            // Same work for unknown accounts, so timing does not tell which emails exist.
            _ = await PasswordRules.verify(password, hash: "$2b$12$C6UzMDM.H6dfI/f/IKxGhuTRD/M7m9c2mvxGf.9nmJ1QEWP0Qy8Vq", on: req)
            valid = false
        }
        guard valid, let user = found?.user else {
            try await SignInThrottle.fail(store, email: email, address: address)
            throw DomainError(.unauthorized, field: "password", "the email or password is not right")
        }
        try await SignInThrottle.succeed(store, email: email)
        return try await issueSession(req, user: user)
    }

    /// A new session for a user who proved who they are.
    static func issueSession(_ req: Request, user: User) async throws -> NewSession {
        let store = req.store
        let token = Secrets.token()
        let csrf = Secrets.token(bytes: 24)
        let lifetime = req.application.config.sessionLifetime
        let expires = store.clock().addingTimeInterval(lifetime)
        try await store.write { try await $0.createSession(tokenHash: Secrets.hash(token), csrf: csrf, userId: user.id, expiresAt: expires) }
        return NewSession(user: user, token: token, csrf: csrf, expires: expires, lifetime: lifetime)
    }

    @Sendable static func current(_ req: Request) async throws -> Response {
        let principal = try await req.principal()
        var csrf: String?
        if case .session(let token) = principal.method { csrf = token }
        return try respond(SessionDTO(user: UserDTO(principal.user), csrfToken: csrf))
    }

    @Sendable static func signOut(_ req: Request) async throws -> Response {
        try await endSession(req, answering: Response(status: .noContent))
    }

    /// Ends the request's session (after checking it, CSRF included) and clears its cookie on `response`.
    static func endSession(_ req: Request, answering response: Response) async throws -> Response {
        _ = try await req.principal()
        if let cookie = req.cookies[SessionCookie.name]?.string {
            try await req.store.write { try await $0.deleteSession(tokenHash: Secrets.hash(cookie)) }
            await req.application.principals.clear()
        }
        response.cookies[SessionCookie.name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}

/// `/api/v1/tokens`: the signed-in user's API tokens (admins see and revoke anyone's).
enum TokenController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageOwnTokens)
        let userId = principal.user.id
        let tokens = try await req.store.read { try await $0.tokens(userId: userId) }
        return try respond(Page(items: tokens.map { TokenDTO($0) }, nextCursor: nil))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageOwnTokens)
        let hasBody = (req.body.data?.readableBytes ?? 0) > 0
        let body = hasBody ? try req.body(TokenRequest.self) : TokenRequest(name: nil)
        let name = try validatedText(body.name ?? "API token", field: "name", max: 100) ?? "API token"
        let issued = TokenIssuer.issue()
        let userId = principal.user.id
        let actor = principal.actor
        // A replayed create does not show the secret again: it is never stored.
        return try await Idempotency.create(req, principal: principal, storing: { var t = $0; t.token = nil; return t }) { ctx in
            TokenDTO(
                try await ctx.createToken(userId: userId, name: name, tokenHash: issued.hash, prefix: issued.prefix, actor: actor),
                secret: issued.secret)
        }
    }

    @Sendable static func revoke(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageOwnTokens)
        let id = try req.id(what: "token")
        let owner: Int64? = principal.user.role.allows(.manageUsers) ? nil : principal.user.id
        let actor = principal.actor
        let token = try await req.store.write { try await $0.revokeToken(id: id, userId: owner, actor: actor) }
        await req.application.principals.clear()
        return try respond(TokenDTO(token))
    }
}

/// Makes API token secrets: `sb_` and 43 random characters; only the hash is stored.
enum TokenIssuer {
    static func issue() -> (secret: String, hash: String, prefix: String) {
        let secret = "sb_" + Secrets.token()
        return (secret, Secrets.hash(secret), String(secret.prefix(10)))
    }
}
