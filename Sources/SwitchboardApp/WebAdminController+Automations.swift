import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Admin > Automations: list, create (or dry-run) from the form, turn on or off, delete.
extension WebAdminController {
    struct AutomationForm: Content {
        var name: String?
        var kind: String?
        var events: [String]?
        var match: String?
        var dry_run: String?
        var c0_field, c0_op, c0_value, c1_field, c1_op, c1_value, c2_field, c2_op, c2_value, c3_field, c3_op, c3_value: String?
        var a0_kind, a0_value, a0_subject, a0_body, a1_kind, a1_value, a1_subject, a1_body: String?
        var a2_kind, a2_value, a2_subject, a2_body, a3_kind, a3_value, a3_subject, a3_body: String?

        var model: AdminAutomationsModel {
            var m = AdminAutomationsModel()
            m.name = name ?? ""
            m.kind = kind ?? "trigger"
            m.events = Set(events ?? [])
            m.match = match ?? "all"
            m.conditions = [(c0_field, c0_op, c0_value), (c1_field, c1_op, c1_value), (c2_field, c2_op, c2_value), (c3_field, c3_op, c3_value)]
                .map { AdminAutomationsModel.Row(field: $0.0 ?? "", op: $0.1 ?? "", value: $0.2 ?? "") }
            m.actions = [(a0_kind, a0_value, a0_subject, a0_body), (a1_kind, a1_value, a1_subject, a1_body), (a2_kind, a2_value, a2_subject, a2_body),
                         (a3_kind, a3_value, a3_subject, a3_body)]
                .map { AdminAutomationsModel.ActionRow(kind: $0.0 ?? "", value: $0.1 ?? "", subject: $0.2 ?? "", body: $0.3 ?? "") }
            return m
        }
    }

    @Sendable static func automations(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        return try await automationsPage(req, principal, AdminAutomationsModel())
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

    static func rule(from m: AdminAutomationsModel) throws -> AutomationRule {
        guard let kind = AutomationRule.Kind(rawValue: m.kind) else { throw DomainError.invalid(field: "kind", "has an invalid value: \(m.kind)") }
        var conditions: [AutomationCondition] = []
        for (i, row) in m.conditions.enumerated() where !row.field.isEmpty {
            guard let field = AutomationCondition.Field(rawValue: row.field), let op = AutomationCondition.Operator(rawValue: row.op) else {
                throw DomainError.invalid(field: "c\(i)", "has an invalid value: \(row.field)")
            }
            let numeric = [.assignee, .team, .requester, .organization].contains(field) || field.isTime
            conditions.append(AutomationCondition(field, op, ruleValue(row.value, numeric: numeric)))
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
                    body: row.body.isEmpty ? nil : row.body, url: kindOfAction == .webhook ? row.value : nil))
        }
        return AutomationRule(
            id: 0, name: m.name, kind: kind, events: kind == .trigger ? m.events.compactMap(AutomationRule.Event.init(rawValue:)).sorted { $0.rawValue < $1.rawValue } : [],
            all: m.match == "all" ? conditions : [], any: m.match == "any" ? conditions : [], actions: actions)
    }

    @Sendable static func createAutomation(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let form = try req.content.decode(AutomationForm.self)
        var model = form.model
        let actor = principal.actor
        do {
            let rule = try rule(from: model)
            try rule.validate()
            if form.dry_run == "1" {
                let now = req.store.clock()
                let tickets = try await req.store.read { try await $0.openTickets(before: nil, limit: 1000) }
                let matched = tickets.filter {
                    rule.matches(AutomationFacts(ticket: $0, before: $0, event: rule.events.first, now: now))
                }
                model.dryRun = (tickets.count, matched.count, matched.prefix(10).map { "#\($0.number) \($0.subject)" })
                return try await automationsPage(req, principal, model)
            }
            _ = try await req.store.write { try await $0.saveAutomation(rule, actor: actor) }
            return req.redirect(to: "/admin/automations", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .conflict].contains(error.kind) {
            var field = error.field ?? "form"
            // all[1].value → the second condition row; actions[0].body → the first action row
            if let index = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), let n = Int(field[field.index(after: index)..<close]) {
                field = (field.hasPrefix("actions") ? "a" : "c") + String(n)
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
