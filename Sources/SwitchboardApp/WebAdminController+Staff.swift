import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// An admin changes a staff member: name, email, job title, role, language and teams.
extension WebAdminController {
    @Sendable static func user(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageUsers)
        let id = try req.id(what: "user")
        guard let user = try await req.store.read({ try await $0.user(id: id) }) else { throw DomainError.notFound("user") }
        return try await userPage(req, principal, AdminUserEditModel(user: user))
    }

    @Sendable static func updateUser(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var email: String?
            var job_title: String?
            var role: String?
            var locale: String?
            var team_ids: [Int64]?
        }
        let principal = try await req.webPage(.manageUsers)
        let id = try req.id(what: "user")
        guard let existing = try await req.store.read({ try await $0.user(id: id) }) else { throw DomainError.notFound("user") }
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            let name = try validatedText(form.name, field: "name", max: Limits.name) ?? ""
            let email = try EmailAddress(form.email ?? "", field: "email")
            let title = try validatedText(form.job_title, field: "job_title", max: Limits.jobTitle, required: false)
            let locale = try validatedLocale(form.locale ?? existing.locale)
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw DomainError.invalid(field: "role", "has an invalid value: \(form.role ?? "")")
            }
            if id == principal.user.id, role != existing.role {
                throw DomainError.invalid(field: "role", "you cannot change your own role")
            }
            let teams = Array(Set(form.team_ids ?? [])).sorted()
            _ = try await req.store.write {
                try await $0.updateUser(id: id, actor: actor) { u in
                    u.name = name
                    u.email = email.value
                    u.jobTitle = title
                    u.locale = locale
                    u.role = role
                    u.teamIds = teams
                }
            }
            await req.application.principals.clear()
            return req.redirect(to: "/admin/users", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            var model = AdminUserEditModel(user: existing)
            model.draft = ["name": form.name ?? "", "email": form.email ?? "", "job_title": form.job_title ?? "", "role": form.role ?? "",
                           "locale": form.locale ?? ""]
            model.draftTeams = Set(form.team_ids ?? [])
            model.errors = [error.field ?? "name": FormMessages.text(error, req.localizer(for: principal.user))]
            return try await userPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    private static func userPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminUserEditModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        let id = model.user.id
        (model.teams, model.status, model.skills, model.levels) = try await req.store.read { ctx in
            (try await ctx.teams(), try await ctx.agentStatus(userId: id), try await ctx.skills(), try await ctx.userSkills([id])[id] ?? [:])
        }
        let l = req.localizer(for: principal.user)
        return WebController.html(
            AdminUserEditView.render(model, frame: WebController.frame(principal, title: model.user.name, .admin), l), status: status)
    }

    /// Capacity and skill levels from the staff member's page.
    @Sendable static func updateRouting(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageUsers)
        let id = try req.id(what: "user")
        guard let user = try await req.store.read({ try await $0.user(id: id) }) else { throw DomainError.notFound("user") }
        let fields = try req.content.decode([String: String].self)
        let actor = principal.actor
        let capacityText = (fields["capacity"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            var capacity: Int?
            if !capacityText.isEmpty {
                guard let n = Int(capacityText) else { throw DomainError.invalid(field: "capacity", "must be a whole number") }
                capacity = n
            }
            var levels: [Int64: Int] = [:]
            for (key, value) in fields where key.hasPrefix("skill_") {
                if let skill = Int64(key.dropFirst(6)), let level = Int(value) { levels[skill] = level }
            }
            let chosen = levels
            let limit = capacity
            _ = try await req.store.write { ctx in
                guard let current = try await ctx.reader.agentStatus(userId: id) else { throw DomainError.notFound("user") }
                _ = try await ctx.setAvailability(userId: id, current.availability, capacity: .some(limit), actor: actor)
                return try await ctx.setUserSkills(userId: id, chosen, actor: actor)
            }
            return req.redirect(to: "/admin/users/\(id)", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            var model = AdminUserEditModel(user: user)
            model.draft["capacity"] = capacityText
            model.errors[error.field ?? "capacity"] = FormMessages.text(error, req.localizer(for: principal.user))
            return try await userPage(req, principal, model, status: .unprocessableEntity)
        }
    }
}
