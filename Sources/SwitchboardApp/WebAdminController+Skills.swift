import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Admin > Skills.
extension WebAdminController {
    @Sendable static func skills(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageTeams)
        return try await skillsPage(req, principal, AdminSkillsModel())
    }

    private static func skillsPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminSkillsModel, status: HTTPStatus = .ok) async throws -> Response {
        var model = model
        model.skills = try await req.store.read { try await $0.skills() }
        let l = req.localizer(for: principal.user)
        return WebController.html(AdminSkillsView.render(model, frame: WebController.frame(principal, title: l.text("skills.title"), .admin), l), status: status)
    }

    /// `type:complaint, tag:refund, language:pl` as rules.
    static func parseRules(_ text: String) throws(DomainError) -> [Skill.Rule] {
        try text.split(separator: ",").map { part throws(DomainError) -> Skill.Rule in
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let kind = Skill.Rule.Kind(rawValue: pieces[0].lowercased()) else {
                throw .invalid(field: "rules", "write rules like type:complaint, tag:refund, language:pl")
            }
            return Skill.Rule(kind: kind, value: pieces[1])
        }
    }

    @Sendable static func createSkill(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var rules: String?
            var min_level: String?
        }
        let principal = try await req.webPage(.manageTeams)
        let form = try req.content.decode(Form.self)
        var model = AdminSkillsModel(draft: ["name": form.name ?? "", "rules": form.rules ?? "", "min_level": form.min_level ?? "1"])
        let actor = principal.actor
        do {
            let skill = Skill(id: 0, name: form.name ?? "", rules: try parseRules(form.rules ?? ""), minLevel: Int(form.min_level ?? "1") ?? 1)
            _ = try await req.store.write { try await $0.saveSkill(skill, actor: actor) }
            return req.redirect(to: "/admin/skills", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            let field = error.field.map { $0.hasPrefix("rules") ? "rules" : $0 } ?? "name"
            model.errors[field] = FormMessages.text(error, req.localizer(for: principal.user))
            return try await skillsPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    @Sendable static func deleteSkill(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageTeams)
        let id = try req.id(what: "skill")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteSkill(id: id, actor: actor) }
        return req.redirect(to: "/admin/skills", redirectType: .normal)
    }
}
