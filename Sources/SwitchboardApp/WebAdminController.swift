import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The admin pages: staff, teams, custom fields, API tokens and the audit log (tags and ticket
/// types are in WebAdminController+Tickets.swift).
enum WebAdminController {
    // MARK: API tokens (admin)

    @Sendable static func tokens(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageUsers)
        let (tokens, users) = try await req.store.read { ctx in (try await ctx.allTokens(limit: 500), try await ctx.users()) }
        let model = AdminTokensModel(
            tokens: tokens, owners: Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            timeZone: principal.user.pageTimeZone)
        let l = req.localizer(for: principal.user)
        return WebController.html(AdminTokensView.render(model, frame: WebController.frame(principal, title: l.text("tokens.title"), .admin), l))
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageUsers)
        let id = try req.id(what: "token")
        let actor = principal.actor
        _ = try await req.store.write { try await $0.revokeToken(id: id, userId: nil, actor: actor) }
        await req.application.principals.clear()
        return req.redirect(to: "/admin/tokens", redirectType: .normal)
    }

    // MARK: Audit log (admin)

    @Sendable static func audit(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.viewAudit)
        let entity = req.query[String.self, at: "entity"] ?? ""
        let action = req.query[String.self, at: "action"] ?? ""
        let actor = req.query[String.self, at: "actor"] ?? ""
        let query = AuditQuery(
            entity: EntityType(rawValue: entity), actorId: Int64(actor), action: action.isEmpty ? nil : action,
            beforeSequence: req.query[Int64.self, at: "before"], limit: 100)
        let (events, users) = try await req.store.read { ctx in (try await ctx.auditEvents(query), try await ctx.users()) }
        let next = events.count == query.limit ? events.last.map {
            QueryString.encode([("entity", entity), ("action", action), ("actor", actor), ("before", String($0.sequence))])
        } : nil
        let model = AuditLogModel(
            events: events, actors: Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }), entity: entity, action: action,
            actorId: actor, nextPage: next, timeZone: principal.user.pageTimeZone)
        let l = req.localizer(for: principal.user)
        return WebController.html(AuditLogView.render(model, frame: WebController.frame(principal, title: l.text("audit.title"), .admin), l))
    }

    // MARK: Teams (admin)

    @Sendable static func teams(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageTeams)
        return try await teamsPage(req, principal, AdminTeamsModel(teams: [], users: []))
    }

    @Sendable static func createTeam(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var description: String?
            var member_ids: [Int64]?
        }
        let principal = try await req.webPage(.manageTeams)
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            let name = try validatedText(form.name, field: "name", max: Limits.teamName) ?? ""
            let description = try validatedText(form.description, field: "description", max: 1000, required: false)
            _ = try await req.store.write {
                try await $0.createTeam(name: name, description: description, memberIds: form.member_ids ?? [], actor: actor)
            }
            await req.application.principals.clear()
            return req.redirect(to: "/admin/teams", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            var model = AdminTeamsModel(teams: [], users: [])
            model.draft = ["name": form.name ?? "", "description": form.description ?? ""]
            model.errors = [error.field ?? "name": FormMessages.text(error, req.localizer(for: principal.user))]
            return try await teamsPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    @Sendable static func updateTeamMembers(_ req: Request) async throws -> Response {
        struct Form: Content {
            var member_ids: [Int64]?
            var assignment: String?
            var reassign_when_offline: String?
        }
        let principal = try await req.webPage(.manageTeams)
        let id = try req.id(what: "team")
        let form = try req.content.decode(Form.self)
        let members = form.member_ids ?? []
        let assignment = form.assignment.flatMap(AssignmentStrategy.init(rawValue:))
        let reassign = form.assignment == nil ? nil : form.reassign_when_offline == "on"
        let actor = principal.actor
        _ = try await req.store.write {
            try await $0.updateTeam(
                id: id, name: nil, description: nil, memberIds: members, assignment: assignment, reassignWhenOffline: reassign, actor: actor)
        }
        await req.application.principals.clear()
        return req.redirect(to: "/admin/teams", redirectType: .normal)
    }

    private static func teamsPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminTeamsModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        (model.teams, model.users) = try await req.store.read { ctx in (try await ctx.teams(), try await ctx.users()) }
        let l = req.localizer(for: principal.user)
        return WebController.html(AdminTeamsView.render(model, frame: WebController.frame(principal, title: l.text("teams.title"), .admin), l), status: status)
    }

    // MARK: Custom fields (admin)

    @Sendable static func fields(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageFields)
        return try await fieldsPage(req, principal, AdminFieldsModel(definitions: []))
    }

    @Sendable static func createField(_ req: Request) async throws -> Response {
        struct Form: Content {
            var label: String?
            var key: String?
            var kind: String?
            var options: String?
            var required: String?
        }
        let principal = try await req.webPage(.manageFields)
        let form = try req.content.decode(Form.self)
        var model = AdminFieldsModel(definitions: [])
        model.draft = ["label": form.label ?? "", "key": form.key ?? "", "kind": form.kind ?? "", "options": form.options ?? "",
                       "required": form.required ?? ""]
        let actor = principal.actor
        do {
            guard let kind = form.kind.flatMap(CustomFieldDefinition.Kind.init(rawValue:)) else {
                throw DomainError.invalid(field: "kind", req.localizer(for: principal.user).text("error.choose"))
            }
            let options = (form.options ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let label = form.label ?? ""
            let key = form.key ?? ""
            let required = form.required == "true"
            _ = try await req.store.write {
                try await $0.createCustomField(key: key, label: label, kind: kind, options: options, required: required, actor: actor)
            }
            return req.redirect(to: "/admin/fields", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            model.errors = [error.field ?? "key": FormMessages.text(error, req.localizer(for: principal.user))]
            return try await fieldsPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    private static func fieldsPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminFieldsModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        model.definitions = try await req.store.read { try await $0.customFields() }
        let l = req.localizer(for: principal.user)
        return WebController.html(AdminFieldsView.render(model, frame: WebController.frame(principal, title: l.text("fields.title"), .admin), l), status: status)
    }

    // MARK: Staff (admin)

    @Sendable static func users(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageUsers)
        return try await usersPage(req, principal, AdminUsersModel(users: [], teams: []))
    }

    @Sendable static func createUser(_ req: Request) async throws -> Response {
        struct Form: Content {
            var email: String?
            var name: String?
            var job_title: String?
            var role: String?
            var locale: String?
            var team_ids: [Int64]?
            var password: String?
        }
        let principal = try await req.webPage(.manageUsers)
        let form = try req.content.decode(Form.self)
        var model = AdminUsersModel(users: [], teams: [])
        model.draft = ["email": form.email ?? "", "name": form.name ?? "", "job_title": form.job_title ?? "", "role": form.role ?? "",
                       "locale": form.locale ?? "en"]
        do {
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw DomainError.invalid(field: "role", req.localizer(for: principal.user).text("error.choose"))
            }
            let email = try EmailAddress(form.email ?? "", field: "email")
            // Without a password the new member is invited by mail to choose one.
            let invite = (form.password ?? "").isEmpty
            let hash = invite ? nil : try await PasswordRules.hash(form.password ?? "", on: req)
            let input = UserInput(
                email: email, name: try validatedText(form.name, field: "name", max: Limits.name) ?? "",
                jobTitle: try validatedText(form.job_title, field: "job_title", max: Limits.jobTitle, required: false),
                locale: try validatedLocale(form.locale ?? "en"), role: role, passwordHash: hash, teamIds: form.team_ids ?? [])
            let actor = principal.actor
            let user = try await req.store.write { try await $0.createUser(input, actor: actor) }
            await req.application.principals.clear()
            if invite {
                try await WebPasswordReset.sendLink(
                    req, to: user, lifetime: inviteLifetime, subject: "invite.mail_subject", body: "invite.mail_body")
            }
            model.draft = [:]
            model.created = (user.email, invite)
            return try await usersPage(req, principal, model, status: .created)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            model.errors = [error.field ?? "email": FormMessages.text(error, req.localizer(for: principal.user))]
            return try await usersPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    /// How long an invitation's link works.
    static let inviteLifetime: TimeInterval = 7 * 24 * 3600

    @Sendable static func setActive(_ req: Request) async throws -> Response {
        struct Form: Content { var active: String? }
        let principal = try await req.webPage(.manageUsers)
        let id = try req.id(what: "user")
        let active = try req.content.decode(Form.self).active == "true"
        guard active || id != principal.user.id else {
            throw DomainError.invalid(field: "active", "you cannot deactivate yourself")
        }
        let actor = principal.actor
        _ = try await req.store.write { try await $0.updateUser(id: id, actor: actor) { $0.active = active } }
        await req.application.principals.clear()
        return req.redirect(to: "/admin/users", redirectType: .normal)
    }

    private static func usersPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminUsersModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        (model.users, model.teams) = try await req.store.read { ctx in (try await ctx.users(), try await ctx.teams()) }
        let l = req.localizer(for: principal.user)
        return WebController.html(
            AdminUsersView.render(model, frame: WebController.frame(principal, title: l.text("admin.users.title"), .admin), l), status: status)
    }
}
