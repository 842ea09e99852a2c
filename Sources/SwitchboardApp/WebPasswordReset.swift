import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// A forgotten password: a one-time link, valid for an hour, sent to the account's email.
/// The answer is the same whether or not the address has an account.
enum WebPasswordReset {
    static let lifetime: TimeInterval = 3600

    @Sendable static func requestForm(_ req: Request) async throws -> Response {
        let csrf = PreSessionToken.current(req)
        return PreSessionToken.page(req, token: csrf, PasswordResetView.request(email: "", sent: false, csrf: csrf, error: nil, req.localizer))
    }

    @Sendable static func request(_ req: Request) async throws -> Response {
        struct Form: Content {
            var email: String?
            var _csrf: String?
        }
        let form = try req.content.decode(Form.self)
        let l = req.localizer
        let csrf = PreSessionToken.current(req)
        guard PreSessionToken.matches(req, form._csrf) else {
            return PreSessionToken.page(req, token: csrf, status: .forbidden,
                        PasswordResetView.request(email: form.email ?? "", sent: false, csrf: csrf, error: l.text("signin.expired_form"), l))
        }
        guard let email = try? EmailAddress(form.email ?? "") else {
            return PreSessionToken.page(req, token: csrf, status: .unprocessableEntity,
                        PasswordResetView.request(email: form.email ?? "", sent: false, csrf: csrf, error: l.text("reset.bad_email"), l))
        }
        // Asking counts like a failed sign-in, so the form cannot be used to flood a mailbox.
        try await SignInThrottle.check(req.store, email: email.value, address: req.clientAddress)
        try await SignInThrottle.fail(req.store, email: email.value, address: req.clientAddress)
        if let found = try await req.store.read({ try await $0.userForSignIn(email: email.value) }), found.user.active {
            try await sendLink(req, to: found.user, lifetime: lifetime, subject: "reset.mail_subject", body: "reset.mail_body")
        }
        return PreSessionToken.page(req, token: csrf, PasswordResetView.request(email: email.value, sent: true, csrf: csrf, error: nil, l))
    }

    /// Mails `user` a one-time link to choose a password, valid for `lifetime`; `subject` and
    /// `body` are catalogue keys (the body gets `{link}`), in the user's language.
    static func sendLink(_ req: Request, to user: User, lifetime: TimeInterval, subject: String, body: String) async throws {
        let secret = Secrets.token()
        let expires = req.store.clock().addingTimeInterval(lifetime)
        try await req.store.write { try await $0.createPasswordReset(userId: user.id, tokenHash: Secrets.hash(secret), expiresAt: expires) }
        // Never from the request's Host header: a forged one would send the secret elsewhere.
        let link = "\(req.application.config.publicURL ?? localURL(req.application))/reset-password?token=\(secret)"
        let mail = req.localizer(for: user)
        try await req.application.mailer.send(OutgoingMail(to: user.email, subject: mail.text(subject), text: mail.text(body, ["link": link])))
    }

    @Sendable static func chooseForm(_ req: Request) async throws -> Response {
        let secret = req.query[String.self, at: "token"] ?? ""
        let valid = try await req.store.read { [now = req.store.clock()] in try await $0.passwordResetIsValid(tokenHash: Secrets.hash(secret), now: now) }
        let csrf = PreSessionToken.current(req)
        return PreSessionToken.page(req, token: csrf, status: valid ? .ok : .gone, PasswordResetView.choose(token: secret, csrf: csrf, error: nil, valid: valid, req.localizer))
    }

    @Sendable static func choose(_ req: Request) async throws -> Response {
        struct Form: Content {
            var token: String?
            var new_password: String?
            var _csrf: String?
        }
        let form = try req.content.decode(Form.self)
        let l = req.localizer
        let secret = form.token ?? ""
        let csrf = PreSessionToken.current(req)
        guard PreSessionToken.matches(req, form._csrf) else {
            return PreSessionToken.page(req, token: csrf, status: .forbidden,
                        PasswordResetView.choose(token: secret, csrf: csrf, error: l.text("signin.expired_form"), valid: true, l))
        }
        let hash: String
        do {
            hash = try await PasswordRules.hash(form.new_password ?? "", field: "new_password", on: req)
        } catch let error as DomainError {
            return PreSessionToken.page(req, token: csrf, status: .unprocessableEntity, PasswordResetView.choose(token: secret, csrf: csrf, error: FormMessages.text(error, l), valid: true, l))
        }
        let email = try await req.store.write { ctx -> String? in
            guard let userId = try await ctx.usePasswordReset(tokenHash: Secrets.hash(secret)) else { return nil }
            try await ctx.setPassword(userId: userId, hash: hash, actor: .user(userId))
            return try await ctx.reader.user(id: userId)?.email
        }
        guard let email else {
            return PreSessionToken.page(req, token: csrf, status: .gone, PasswordResetView.choose(token: secret, csrf: csrf, error: nil, valid: false, l))
        }
        // Asking for the link counted against the account's sign-ins; the new password starts clean.
        try await SignInThrottle.succeed(req.store, email: email)
        await req.application.principals.clear()
        return req.redirect(to: "/sign-in?reset=1", redirectType: .normal)
    }

    static func localURL(_ app: Application) -> String {
        let server = app.http.server.configuration
        return "http://\(server.hostname):\(server.port)"
    }
}
