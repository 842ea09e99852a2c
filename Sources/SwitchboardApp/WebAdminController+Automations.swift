import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Admin > Automations: list, create (or dry-run) from the form, turn on or off, delete.
extension WebAdminController {
    /// The form's fields: conditions `c<i>_field`, `_op`, `_value`, `_list` (all or any) and
    /// actions `a<i>_kind`, `_value`, `_subject`, `_body`, `_secret`, as many rows as the page had.
    struct AutomationForm: Decodable {
        var model = AdminAutomationsModel()
        var dryRun = false

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyCodingKey.self)
            func text(_ key: String) throws -> String { try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: key)) ?? "" }
            model.name = try text("name")
            model.kind = try text("kind").isEmpty ? "trigger" : try text("kind")
            model.events = Set(try c.decodeIfPresent([String].self, forKey: AnyCodingKey(stringValue: "events")) ?? [])
            dryRun = try text("dry_run") == "1"
            model.conditions = try (0..<AdminAutomationsModel.maxRows).map { i in
                AdminAutomationsModel.Row(
                    field: try text("c\(i)_field"), op: try text("c\(i)_op"), value: try text("c\(i)_value"),
                    list: try text("c\(i)_list") == "any" ? "any" : "all")
            }
            model.actions = try (0..<AdminAutomationsModel.maxRows).map { i in
                AdminAutomationsModel.ActionRow(
                    kind: try text("a\(i)_kind"), value: try text("a\(i)_value"), subject: try text("a\(i)_subject"), body: try text("a\(i)_body"),
                    secret: try text("a\(i)_secret"))
            }
            model.trimRows()
        }
    }

    @Sendable static func automations(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        return try await automationsPage(req, principal, AdminAutomationsModel())
    }

    /// The page with the form filled in from a rule, to change it.
    @Sendable static func automation(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let id = try req.id(what: "automation")
        guard let rule = try await req.store.read({ try await $0.automation(id: id) }) else { throw DomainError.notFound("automation") }
        return try await automationsPage(req, principal, AdminAutomationsModel(editing: rule))
    }

    private static func automationsPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminAutomationsModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        model.rules = try await req.store.read { try await $0.automations() }
        let l = req.localizer(for: principal.user)
        return WebController.html(AdminAutomationsView.render(model, frame: WebController.frame(principal, title: l.text("automations.title"), .admin), l), status: status)
    }

    /// A typed value as the rule wants it: ids and hours as numbers, "none" or nothing as null,
    /// tags as a list, the rest as text.
    static func ruleValue(_ text: String, numeric: Bool) -> JSONValue? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t == "none" { return numeric ? .null : nil }
        if numeric, let n = Double(t) { return .number(n) }
        return .string(t)
    }

    static func rule(from m: AdminAutomationsModel, id: Int64 = 0) throws -> AutomationRule {
        guard let kind = AutomationRule.Kind(rawValue: m.kind) else { throw DomainError.invalid(field: "kind", "has an invalid value: \(m.kind)") }
        var all: [AutomationCondition] = []
        var any: [AutomationCondition] = []
        for (i, row) in m.conditions.enumerated() where !row.field.isEmpty {
            guard let field = AutomationCondition.Field(rawValue: row.field), let op = AutomationCondition.Operator(rawValue: row.op) else {
                throw DomainError.invalid(field: "c\(i)", "has an invalid value: \(row.field)")
            }
            let numeric = [.assignee, .team, .requester, .organization].contains(field) || field.isTime
            let condition = AutomationCondition(field, op, ruleValue(row.value, numeric: numeric))
            if row.list == "any" { any.append(condition) } else { all.append(condition) }
        }
        var actions: [AutomationAction] = []
        for (i, row) in m.actions.enumerated() where !row.kind.isEmpty {
            guard let kindOfAction = AutomationAction.Kind(rawValue: row.kind) else { throw DomainError.invalid(field: "a\(i)", "has an invalid value: \(row.kind)") }
            let value: JSONValue?
            switch kindOfAction {
            case .assign, .setTeam: value = ruleValue(row.value, numeric: true)
            case .addTags, .removeTags:
                value = .array(row.value.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            default: value = ruleValue(row.value, numeric: false)
            }
            actions.append(
                AutomationAction(
                    kindOfAction, kindOfAction == .webhook ? nil : value, subject: row.subject.isEmpty ? nil : row.subject,
                    body: row.body.isEmpty ? nil : row.body, url: kindOfAction == .webhook ? row.value : nil,
                    secret: kindOfAction == .webhook && !row.secret.isEmpty ? row.secret : nil))
        }
        return AutomationRule(
            id: id, name: m.name, kind: kind, active: m.active,
            events: kind == .trigger ? m.events.compactMap(AutomationRule.Event.init(rawValue:)).sorted { $0.rawValue < $1.rawValue } : [],
            all: all, any: any, actions: actions)
    }

    @Sendable static func createAutomation(_ req: Request) async throws -> Response {
        try await saveAutomation(req, id: nil)
    }

    @Sendable static func updateAutomation(_ req: Request) async throws -> Response {
        try await saveAutomation(req, id: try req.id(what: "automation"))
    }

    /// Creates a rule from the form (`id` nil) or changes rule `id` (its on/off state kept; a
    /// webhook secret left blank keeps the one it had); or, asked for, tries it without saving.
    private static func saveAutomation(_ req: Request, id: Int64?) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let form = try req.content.decode(AutomationForm.self)
        var model = form.model
        let actor = principal.actor
        do {
            if let id {
                guard let before = try await req.store.read({ try await $0.automation(id: id) }) else { throw DomainError.notFound("automation") }
                (model.editing, model.active) = (id, before.active)
            }
            let rule = try rule(from: model, id: id ?? 0)
            try rule.validate()
            if form.dryRun {
                let tried = try await AutomationController.tryOn(rule, store: req.store)
                model.dryRun = (tried.checked, tried.matched.count, tried.matched.prefix(10).map { "#\($0.ticket.number) \($0.ticket.subject)" })
                return try await automationsPage(req, principal, model)
            }
            _ = try await req.store.write { try await $0.saveAutomation(rule, actor: actor) }
            return req.redirect(to: "/admin/automations", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .conflict].contains(error.kind) {
            var field = error.field ?? "form"
            // all[1].value → the row of the second "all" condition; actions[0].body → the first action row
            if let index = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), let n = Int(field[field.index(after: index)..<close]) {
                if field.hasPrefix("actions") {
                    field = "a" + String(n)
                } else {
                    let list = field.hasPrefix("any") ? "any" : "all"
                    let rows = model.conditions.indices.filter { !model.conditions[$0].field.isEmpty && model.conditions[$0].list == list }
                    field = n < rows.count ? "c" + String(rows[n]) : "form"
                }
            }
            if !["name", "kind", "events"].contains(field) && !field.hasPrefix("a") && !field.hasPrefix("c") { field = "form" }
            if field == "actions" || field == "all" || field == "any" { field = "form" }
            model.errors[field] = FormMessages.text(error, req.localizer(for: principal.user))
            return try await automationsPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    @Sendable static func toggleAutomation(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let id = try req.id(what: "automation")
        let actor = principal.actor
        _ = try await req.store.write { ctx in
            guard var rule = try await ctx.reader.automation(id: id) else { throw DomainError.notFound("automation") }
            rule.active.toggle()
            return try await ctx.saveAutomation(rule, actor: actor)
        }
        return req.redirect(to: "/admin/automations", redirectType: .normal)
    }

    @Sendable static func deleteAutomation(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let id = try req.id(what: "automation")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteAutomation(id: id, actor: actor) }
        return req.redirect(to: "/admin/automations", redirectType: .normal)
    }
}
