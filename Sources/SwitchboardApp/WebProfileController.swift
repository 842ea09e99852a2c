import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The signed-in user's own page: name, job title, language, password and API tokens.
enum WebProfileController {
    // MARK: Profile

    @Sendable static func profile(_ req: Request) async throws -> Response {
        let principal = try await req.webPage()
        return try await profilePage(req, principal, saved: req.query[String.self, at: "saved"] != nil)
    }

    @Sendable static func updateProfile(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var job_title: String?
            var locale: String?
            var time_zone: String?
        }
        let principal = try await req.webPage()
        let form = try req.content.decode(Form.self)
        let draft = ["name": form.name ?? "", "job_title": form.job_title ?? "", "locale": form.locale ?? "", "time_zone": form.time_zone ?? ""]
        let id = principal.user.id
        let actor = principal.actor
        do {
            let name = try validatedText(form.name, field: "name", max: Limits.name) ?? ""
            let title = try validatedText(form.job_title, field: "job_title", max: Limits.jobTitle, required: false)
            let locale = try validatedLocale(form.locale ?? "en")
            let timeZone = try validatedTimeZone(form.time_zone ?? "")
            _ = try await req.store.write {
                try await $0.updateUser(id: id, actor: actor) { u in
                    u.name = name
                    u.jobTitle = title
                    u.locale = locale
                    u.timeZone = timeZone
                }
            }
            await req.application.principals.clear()
            return req.redirect(to: "/profile?saved=1", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            return try await profilePage(req, principal, draft: draft, errors: [error.field ?? "name": FormMessages.text(error, req.localizer(for: principal.user))], status: .unprocessableEntity)
        }
    }

    @Sendable static func updateNotifications(_ req: Request) async throws -> Response {
        struct Form: Content { var on: [String]? }
        let principal = try await req.webPage()
        let on = Set((try req.content.decode(Form.self).on ?? []).compactMap(NotificationKind.init(rawValue:)))
        let settings = NotificationSettings(off: Set(NotificationKind.allCases).subtracting(on))
        let id = principal.user.id
        let actor = principal.actor
        try await req.store.write { try await $0.setNotificationSettings(settings, userId: id, actor: actor) }
        return req.redirect(to: "/profile?saved=1", redirectType: .normal)
    }

    @Sendable static func changePassword(_ req: Request) async throws -> Response {
        struct Form: Content {
            var current_password: String?
            var new_password: String?
        }
        let principal = try await req.webPage()
        let form = try req.content.decode(Form.self)
        let l = req.localizer(for: principal.user)
        let found = try await req.store.read { [email = principal.user.email] in try await $0.userForSignIn(email: email) }
        guard let hash = found?.passwordHash, await PasswordRules.verify(form.current_password ?? "", hash: hash, on: req) else {
            return try await profilePage(req, principal, errors: ["current_password": l.text("profile.wrong_password")], status: .unprocessableEntity)
        }
        do {
            let newHash = try await PasswordRules.hash(form.new_password ?? "", field: "new_password", on: req)
            let id = principal.user.id
            let actor = principal.actor
            // A new password ends every session of the account, elsewhere too; this browser gets a new one.
            try await req.store.write { try await $0.setPassword(userId: id, hash: newHash, actor: actor) }
            await req.application.principals.clear()
            let session = try await SessionController.issueSession(req, user: principal.user)
            let response = req.redirect(to: "/profile?saved=1", redirectType: .normal)
            session.setCookie(on: response, req)
            return response
        } catch let error as DomainError where error.kind == .invalid {
            return try await profilePage(req, principal, errors: ["new_password": FormMessages.text(error, req.localizer(for: principal.user))], status: .unprocessableEntity)
        }
    }

    @Sendable static func createToken(_ req: Request) async throws -> Response {
        struct Form: Content { var token_name: String? }
        let principal = try await req.webPage(.manageOwnTokens)
        let form = try req.content.decode(Form.self)
        do {
            let name = try validatedText(form.token_name?.isEmpty == false ? form.token_name : "API token", field: "token_name", max: 100) ?? "API token"
            let issued = TokenIssuer.issue()
            let id = principal.user.id
            let actor = principal.actor
            _ = try await req.store.write {
                try await $0.createToken(userId: id, name: name, tokenHash: issued.hash, prefix: issued.prefix, actor: actor)
            }
            return try await profilePage(req, principal, newToken: issued.secret, status: .created)
        } catch let error as DomainError where error.kind == .invalid {
            return try await profilePage(req, principal, errors: ["token_name": FormMessages.text(error, req.localizer(for: principal.user))], status: .unprocessableEntity)
        }
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageOwnTokens)
        let tokenId = try req.id(what: "token")
        let owner = principal.user.id
        let actor = principal.actor
        _ = try await req.store.write { try await $0.revokeToken(id: tokenId, userId: owner, actor: actor) }
        await req.application.principals.clear()
        return req.redirect(to: "/profile", redirectType: .normal)
    }

    private static func profilePage(
        _ req: Request, _ principal: WebPrincipal, draft: [String: String] = [:], errors: [String: String] = [:], newToken: String? = nil,
        saved: Bool = false, status: HTTPStatus = .ok
    ) async throws -> Response {
        let id = principal.user.id
        let (user, tokens, notifications) = try await req.store.read { ctx in
            (try await ctx.user(id: id), try await ctx.tokens(userId: id), try await ctx.notificationSettings(userId: id))
        }
        let current = user ?? principal.user
        let l = req.localizer(for: current)
        let model = ProfileModel(
            user: current, tokens: tokens, draft: draft, errors: errors, newToken: newToken, saved: saved, timeZone: current.pageTimeZone,
            notifications: notifications)
        return WebController.html(ProfileView.render(model, frame: WebController.frame(principal, title: l.text("profile.title"), .other), l), status: status)
    }
}
