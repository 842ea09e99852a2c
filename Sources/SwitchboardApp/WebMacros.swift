import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The macros page: list, create, change, delete.
enum WebMacros {
    @Sendable static func page(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.editTickets)
        return try await render(req, principal, draft: [:], errors: [:])
    }

    /// The page with the form filled in from a macro the agent may change.
    @Sendable static func edit(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.editTickets)
        let macro = try await changeable(req, principal)
        var draft: [String: String] = ["name": macro.name, "scope": macro.ownerId != nil ? "" : macro.teamId.map { "team:\($0)" } ?? "shared"]
        for (language, text) in macro.replies { draft["reply_" + language] = text }
        for action in macro.actions {
            switch action.kind {
            case .setStatus: draft["set_status"] = AdminAutomationsView.display(action.value)
            case .setPriority: draft["set_priority"] = AdminAutomationsView.display(action.value)
            case .setType: draft["set_type"] = AdminAutomationsView.display(action.value)
            case .addTags: draft["add_tags"] = action.tags.joined(separator: ", ")
            default: break
            }
        }
        return try await render(req, principal, draft: draft, errors: [:], editing: macro.id)
    }

    /// The macro of the request's id, when the agent may change it: their own, or a shared or
    /// team one with the right to share.
    private static func changeable(_ req: Request, _ principal: WebPrincipal) async throws -> Macro {
        let id = try req.id(what: "macro")
        guard let macro = try await req.store.read({ try await $0.macro(id: id) }) else { throw DomainError.notFound("macro") }
        if let owner = macro.ownerId {
            guard owner == principal.user.id else { throw DomainError.notFound("macro") }
        } else {
            _ = try await req.webPage(.manageSharedViews)
        }
        return macro
    }

    private static func render(
        _ req: Request, _ principal: WebPrincipal, draft: [String: String], errors: [String: String], editing: Int64? = nil
    ) async throws -> Response {
        let (userId, teamIds) = (principal.user.id, principal.principal.viewer.teamIds)
        let (macros, teams) = try await req.store.read { ctx in (try await ctx.macros(for: userId, teamIds: teamIds), try await ctx.teams()) }
        let model = MacrosModel(
            macros: macros, teams: teams, userId: userId, canShare: principal.user.role.allows(.manageSharedViews), draft: draft, errors: errors,
            editing: editing)
        let l = req.localizer(for: principal.user)
        return WebController.html(
            MacrosView.render(model, frame: WebController.frame(principal, title: l.text("macros.title"), .other), l),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        try await save(req, editing: nil)
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.editTickets)
        return try await save(req, editing: try await changeable(req, principal))
    }

    /// Creates a macro from the form, or changes `editing`: the form's fields replace its name,
    /// scope, replies and field changes; actions the form has no field for are kept.
    private static func save(_ req: Request, editing: Macro?) async throws -> Response {
        struct Form: Content {
            var name: String?
            var scope: String?
            var reply_en, reply_uk, reply_pl, reply_ru, reply_el: String?
            var set_status, set_priority, set_type, add_tags: String?
        }
        let principal = try await req.webPage(.editTickets)
        let form = try req.content.decode(Form.self)
        let draft: [String: String] = [
            "name": form.name ?? "", "scope": form.scope ?? "", "reply_en": form.reply_en ?? "", "reply_uk": form.reply_uk ?? "",
            "reply_pl": form.reply_pl ?? "", "reply_ru": form.reply_ru ?? "", "reply_el": form.reply_el ?? "", "set_status": form.set_status ?? "",
            "set_priority": form.set_priority ?? "", "set_type": form.set_type ?? "", "add_tags": form.add_tags ?? "",
        ]
        var replies: [String: String] = [:]
        for language in MacrosModel.languages {
            let text = (draft["reply_" + language] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { replies[language] = text }
        }
        let inForm: Set<AutomationAction.Kind> = [.setStatus, .setPriority, .setType, .addTags]
        var actions = (editing?.actions ?? []).filter { !inForm.contains($0.kind) }
        if let status = form.set_status, !status.isEmpty { actions.append(AutomationAction(.setStatus, .string(status))) }
        if let priority = form.set_priority, !priority.isEmpty { actions.append(AutomationAction(.setPriority, .string(priority))) }
        if let type = form.set_type, !type.isEmpty { actions.append(AutomationAction(.setType, .string(type))) }
        if let tags = form.add_tags?.trimmingCharacters(in: .whitespaces), !tags.isEmpty { actions.append(AutomationAction(.addTags, .string(tags))) }
        let scope = form.scope ?? ""
        var macro = Macro(id: editing?.id ?? 0, name: form.name ?? "", ownerId: principal.user.id, actions: actions, replies: replies)
        macro.usageCount = editing?.usageCount ?? 0
        if scope == "shared" || scope.hasPrefix("team:") {
            guard principal.user.role.allows(.manageSharedViews) else { throw DomainError.forbidden("your role may not share macros") }
            macro.ownerId = nil
            macro.teamId = scope.hasPrefix("team:") ? Int64(scope.dropFirst(5)) : nil
        }
        let actor = principal.actor
        do {
            let toSave = macro
            _ = try await req.store.write { try await $0.saveMacro(toSave, actor: actor) }
            return req.redirect(to: "/macros", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            var field = error.field ?? "form"
            if field.hasPrefix("actions") { field = "actions" }
            if !["name", "team_id", "actions"].contains(field) && !field.hasPrefix("replies.") { field = "form" }
            return try await render(
                req, principal, draft: draft, errors: [field: FormMessages.text(error, req.localizer(for: principal.user))], editing: editing?.id)
        }
    }

    @Sendable static func delete(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.editTickets)
        let id = try await changeable(req, principal).id
        let actor = principal.actor
        try await req.store.write { try await $0.deleteMacro(id: id, actor: actor) }
        return req.redirect(to: "/macros", redirectType: .normal)
    }
}
