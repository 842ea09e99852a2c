import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Admin > Service levels > an SLA policy: its form, saving and deleting.
extension WebAdminController {
    struct PolicyForm: Content {
        var name: String?
        var position: String?
        var active: String?
        var calendar_id: String?
        var priority: [String]?
        var type: [String]?
        var tier: [String]?
        var channel: [String]?
        var team: [String]?
        var target_first_response: String?
        var target_next_response: String?
        var target_resolution: String?
        var pause_on: [String]?
    }

    /// The escalation rows of a submitted policy form (`esc0_when`, `esc0_actions`…, as many
    /// as the form had: a policy keeps every escalation it has, plus empty rows to add more).
    static func escalationRows(_ req: Request) -> [AdminPolicyModel.EscalationRow] {
        var rows: [AdminPolicyModel.EscalationRow] = []
        for i in 0..<AdminPolicyModel.maxEscalations {
            let field = { (name: String) in (try? req.content.get(String.self, at: "esc\(i)_\(name)")) ?? nil }
            guard let when = field("when") else { break }
            rows.append(
                AdminPolicyModel.EscalationRow(
                    metric: field("metric") ?? "", when: when, minutes: field("minutes") ?? "",
                    actions: Set((try? req.content.get([String].self, at: "esc\(i)_actions")) ?? []), team: field("team") ?? ""))
        }
        return rows
    }

    @Sendable static func policy(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        var model = AdminPolicyModel()
        if req.parameters.get("id") != "new" {
            let id = try req.id(what: "SLA policy")
            guard let policy = try await req.store.read({ try await $0.slaPolicy(id: id) }) else { throw DomainError.notFound("SLA policy") }
            model = Self.model(policy)
        }
        return try await policyPage(req, principal, model)
    }

    private static func model(_ p: SLAPolicy) -> AdminPolicyModel {
        var m = AdminPolicyModel(id: p.id, name: p.name, position: String(p.position), active: p.active, calendarId: p.calendarId.map(String.init) ?? "")
        let c = p.conditions
        m.checked = [
            "priority": Set(c.priorities?.map(\.rawValue) ?? []), "type": Set(c.types?.map(\.rawValue) ?? []),
            "tier": Set(c.tiers?.map(\.rawValue) ?? []), "channel": Set(c.channels?.map(\.rawValue) ?? []),
            "team": Set(c.teamIds?.map(String.init) ?? []), "pause_on": Set(p.pauseOn.map(\.rawValue)),
        ]
        for metric in SLAMetric.allCases { m.targets[metric] = p.targets[metric].map(String.init) }
        m.escalations = p.escalations.map { e in
            AdminPolicyModel.EscalationRow(
                metric: e.metric?.rawValue ?? "", when: e.when.rawValue, minutes: e.minutesBefore.map(String.init) ?? "",
                actions: Set(e.actions.map(\.rawValue)), team: e.teamId.map(String.init) ?? "")
        }
        m.addEmptyEscalationRows()
        return m
    }

    private static func policyPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminPolicyModel) async throws -> Response {
        var model = model
        (model.hours, model.teams) = try await req.store.read { ctx in (try await ctx.businessHours(), try await ctx.teams()) }
        let l = req.localizer(for: principal.user)
        let title = model.id == nil ? l.text("sla.new_policy") : model.name
        return WebController.html(
            AdminPolicyView.render(model, frame: WebController.frame(principal, title: title, .admin), l),
            status: model.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func savePolicy(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        let id = req.parameters.get("id").flatMap { Int64($0) }
        let form = try req.content.decode(PolicyForm.self)
        var model = AdminPolicyModel(
            id: id, name: form.name ?? "", position: form.position ?? "", active: form.active == "on", calendarId: form.calendar_id ?? "")
        model.checked = [
            "priority": Set(form.priority ?? []), "type": Set(form.type ?? []), "tier": Set(form.tier ?? []), "channel": Set(form.channel ?? []),
            "team": Set(form.team ?? []), "pause_on": Set(form.pause_on ?? []),
        ]
        model.targets = [.firstResponse: form.target_first_response ?? "", .nextResponse: form.target_next_response ?? "", .resolution: form.target_resolution ?? ""]
        model.escalations = escalationRows(req)
        model.addEmptyEscalationRows()
        let actor = principal.actor
        do {
            let (policy, rowOfEscalation) = try Self.policy(from: model, id: id ?? 0)
            let positionGiven = !model.position.trimmingCharacters(in: .whitespaces).isEmpty
            do {
                _ = try await req.store.write { ctx in
                    var policy = policy
                    if !positionGiven {
                        policy.position = id == nil ? (try await ctx.reader.slaPolicies().map(\.position).max() ?? -1) + 1
                            : (try await ctx.reader.slaPolicy(id: policy.id)?.position ?? 0)
                    }
                    return try await ctx.saveSLAPolicy(policy, actor: actor)
                }
            } catch let error as DomainError {
                // Escalations are numbered among those filled in; the form numbers its rows.
                var mapped = error
                if let field = error.field, field.hasPrefix("escalations["), let close = field.firstIndex(of: "]"),
                    let n = Int(field[field.index(field.startIndex, offsetBy: 12)..<close]), n < rowOfEscalation.count
                {
                    mapped = DomainError(error.kind, field: "escalations[\(rowOfEscalation[n])]" + field[field.index(after: close)...], error.message)
                }
                throw mapped
            }
            return req.redirect(to: "/admin/service-levels", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .conflict, .notFound].contains(error.kind) {
            var field = error.field ?? "form"
            if field.hasPrefix("conditions.") { field = String(field.dropFirst("conditions.".count)) }
            model.errors[field] = FormMessages.text(error, req.localizer(for: principal.user))
            return try await policyPage(req, principal, model)
        }
    }

    /// The policy the form describes, and for each of its escalations the form row it came from.
    static func policy(from m: AdminPolicyModel, id: Int64) throws(DomainError) -> (SLAPolicy, [Int]) {
        func list<T: RawRepresentable>(_ name: String, _ type: T.Type) throws(DomainError) -> [T]? where T.RawValue == String {
            let values = m.checked[name, default: []]
            guard !values.isEmpty else { return nil }
            var out: [T] = []
            for value in values.sorted() {
                guard let v = T(rawValue: value) else { throw .invalid(field: name, "has an invalid value: \(value)") }
                out.append(v)
            }
            return out
        }
        func number(_ text: String, field: String) throws(DomainError) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let n = Int(trimmed) else { throw .invalid(field: field, "must be a whole number") }
            return n
        }
        let teams = m.checked["team", default: []].compactMap { Int64($0) }.sorted()
        let conditions = SLAConditions(
            priorities: try list("priority", TicketPriority.self), types: try list("type", TicketType.self),
            tiers: try list("tier", OrganizationTier.self), channels: try list("channel", ChannelKind.self), teamIds: teams.isEmpty ? nil : teams)
        let targets = SLATargets(
            firstResponse: try number(m.targets[.firstResponse] ?? "", field: "targets.first_response"),
            nextResponse: try number(m.targets[.nextResponse] ?? "", field: "targets.next_response"),
            resolution: try number(m.targets[.resolution] ?? "", field: "targets.resolution"))
        var escalations: [SLAEscalation] = []
        var rows: [Int] = []
        for (i, row) in m.escalations.enumerated() where !row.when.isEmpty {
            guard let when = SLAEscalation.When(rawValue: row.when) else { throw .invalid(field: "escalations[\(i)].when", "has an invalid value: \(row.when)") }
            var actions: [SLAEscalation.Action] = []
            for raw in row.actions.sorted() {
                guard let action = SLAEscalation.Action(rawValue: raw) else { throw .invalid(field: "escalations[\(i)].actions", "has an invalid value: \(raw)") }
                actions.append(action)
            }
            escalations.append(
                SLAEscalation(
                    metric: row.metric.isEmpty ? nil : SLAMetric(rawValue: row.metric), when: when,
                    minutesBefore: when == .atRisk ? try number(row.minutes, field: "escalations[\(i)].minutes_before") : nil, actions: actions,
                    teamId: actions.contains(.moveToTeam) ? Int64(row.team) : nil))
            rows.append(i)
        }
        let policy = SLAPolicy(
            id: id, name: m.name, position: try number(m.position, field: "position") ?? 0, active: m.active, calendarId: Int64(m.calendarId),
            conditions: conditions, targets: targets, pauseOn: try list("pause_on", TicketStatus.self) ?? [], escalations: escalations)
        return (policy, rows)
    }

    @Sendable static func deletePolicy(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        let id = try req.id(what: "SLA policy")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteSLAPolicy(id: id, actor: actor) }
        return req.redirect(to: "/admin/service-levels", redirectType: .normal)
    }
}
