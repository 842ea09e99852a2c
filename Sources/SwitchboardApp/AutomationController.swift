import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/automations`: triggers and time rules, and dry runs against existing tickets.
enum AutomationController {
    struct RuleRequest: Content {
        var name: String
        var kind: AutomationRule.Kind
        var active: Bool?
        var position: Int?
        var events: [AutomationRule.Event]?
        var all: [AutomationCondition]?
        var any: [AutomationCondition]?
        var actions: [AutomationAction]

        func rule(id: Int64) -> AutomationRule {
            AutomationRule(
                id: id, name: name, kind: kind, active: active ?? true, position: position ?? 0, events: events ?? [], all: all ?? [],
                any: any ?? [], actions: actions)
        }
    }

    struct List: Content {
        var items: [AutomationRule]
    }

    struct DryRun: Content {
        struct Match: Content {
            var id: Int64
            var number: Int64
            var subject: String
            /// The fields the rule would change: field → value after.
            var changes: [String: String]
            /// What else it would do: the kinds of its note, mail and webhook actions.
            var also: [String]
        }
        var checked: Int
        var matched: Int
        var items: [Match]
    }

    /// Rules are shown without their webhook secrets.
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        return try respond(List(items: try await req.store.read { try await $0.automations() }.map(\.redacted)))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let id = try req.id(what: "automation")
        guard let rule = try await req.store.read({ try await $0.automation(id: id) }) else { throw DomainError.notFound("automation") }
        return try respond(rule.redacted)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageSettings)
        let rule = try req.body(RuleRequest.self).rule(id: 0)
        try rule.validate()
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { try await $0.saveAutomation(rule, actor: actor).redacted }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageSettings)
        let id = try req.id(what: "automation")
        let rule = try req.body(RuleRequest.self).rule(id: id)
        let actor = principal.actor
        return try respond(try await req.store.write { try await $0.saveAutomation(rule, actor: actor) }.redacted)
    }

    @Sendable static func delete(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageSettings)
        let id = try req.id(what: "automation")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteAutomation(id: id, actor: actor) }
        return Response(status: .noContent)
    }

    /// Which of the latest 1,000 tickets not closed the rule in the body would act on, and how;
    /// nothing is changed. A trigger is tried as on its first event, with no field changed (on
    /// replies, with the ticket's latest public message).
    @Sendable static func dryRun(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let rule = try req.body(RuleRequest.self).rule(id: 0)
        try rule.validate()
        let tried = try await tryOn(rule, store: req.store)
        let also = rule.actions.map(\.kind).filter { [.addNote, .emailRequester, .emailAssignee, .emailTeam, .webhook].contains($0) }.map(\.rawValue)
        let matches = tried.matched.prefix(100).map { DryRun.Match(id: $0.ticket.id, number: $0.ticket.number, subject: $0.ticket.subject, changes: $0.changes, also: also) }
        return try respond(DryRun(checked: tried.checked, matched: tried.matched.count, items: Array(matches)))
    }

    /// Which of the latest 1,000 tickets not closed `rule` would act on, each with the fields it
    /// would change (field → value after), seeing what a real run sees: the requester and
    /// organization when the rule looks at them, and for a trigger on replies the ticket's
    /// latest public message. Used by the API's dry run and the admin page's.
    static func tryOn(_ rule: AutomationRule, store: Store) async throws -> (checked: Int, matched: [(ticket: Ticket, changes: [String: String])]) {
        let now = store.clock()
        let event = rule.kind == .trigger ? rule.events.first : nil
        let tried = try await store.read { ctx in
            var tried: [(Ticket, AutomationFacts)] = []
            for ticket in try await ctx.openTickets(before: nil, limit: 1000) {
                var facts = AutomationFacts(ticket: ticket, before: rule.kind == .trigger ? ticket : nil, event: event, now: now)
                if rule.needsPeople { (facts.requesterEmail, facts.organizationTier) = try await Automations.people(of: ticket, ctx) }
                if event == .replied {
                    facts.message = try await ctx.messages(ticketId: ticket.id, includeInternal: false).last?.body
                }
                tried.append((ticket, facts))
            }
            return tried
        }
        var matched: [(ticket: Ticket, changes: [String: String])] = []
        for (ticket, facts) in tried where rule.matches(facts) {
            var after = ticket
            for action in rule.actions { action.apply(to: &after, now: now) }
            var changes: [String: String] = [:]
            if after.status != ticket.status { changes["status"] = after.status.rawValue }
            if after.priority != ticket.priority { changes["priority"] = after.priority.rawValue }
            if after.type != ticket.type { changes["type"] = after.type.rawValue }
            if after.assigneeId != ticket.assigneeId { changes["assignee_id"] = after.assigneeId.map(String.init) ?? "" }
            if after.teamId != ticket.teamId { changes["team_id"] = after.teamId.map(String.init) ?? "" }
            if after.tags != ticket.tags { changes["tags"] = after.tags.joined(separator: ",") }
            matched.append((ticket, changes))
        }
        return (tried.count, matched)
    }
}
