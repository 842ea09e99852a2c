import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

extension TicketPageModel {
    /// Reads everything the ticket page shows; 404 when the ticket does not exist.
    static func load(_ req: Request, id: Int64) async throws -> TicketPageModel {
        let principal = try await req.principal()
        let timeZone = principal.user.pageTimeZone
        let (userId, teamIds) = (principal.user.id, principal.viewer.teamIds)
        return try await req.store.read { ctx in
            guard let ticket = try await ctx.ticket(id: id) else { throw DomainError.notFound("ticket") }
            let requester = try await ctx.contact(id: ticket.requesterId)
            let organization = try await ticket.organizationId.asyncMap { try await ctx.organization(id: $0)?.name } ?? nil
            let users = try await ctx.users()
            let staff = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let messages = try await ctx.messages(ticketId: id)
            let entries = messages.map { m in
                let author: String =
                    switch m.authorKind {
                    case .staff: m.authorId.flatMap { staff[$0] } ?? "—"
                    case .contact: requester?.name ?? "—"
                    case .system: "Switchboard"
                    }
                return Entry(message: m, author: author)
            }
            let others = try await ctx.tickets(requesterId: ticket.requesterId, limit: 6).filter { $0.id != id }.prefix(5)
            let audit = try await ctx.history(ticketId: id)
            let events = audit.flatMap { event -> [TimelineEvent] in
                let after = event.after.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.text.utf8)) }
                let actor = event.actor.kind == .user ? event.actor.id.flatMap { staff[$0] } ?? "—" : "Switchboard"
                func metric(_ value: JSONValue?) -> SLAMetric? { if case .string(let m)? = value { SLAMetric(rawValue: m) } else { nil } }
                func list(_ key: String) -> [JSONValue] { if case .array(let items)? = after?[key] { items } else { [] } }
                func escalated(_ record: JSONValue?) -> TimelineEvent {
                    let level: Int? = if case .number(let n)? = record?["level"] { Int(n) } else { nil }
                    let actions: [JSONValue] = if case .array(let items)? = record?["actions"] { items } else { [] }
                    return TimelineEvent(
                        at: event.occurredAt, kind: .escalated, metric: metric(record?["metric"]), level: level,
                        nextTier: actions.contains(.string(SLAEscalation.Action.nextTier.rawValue)), actor: actor)
                }
                // One SLA event lists the targets missed and the escalations that ran at one time
                // (events written before they were grouped held one of either).
                let breaches = list("breached").map {
                    TimelineEvent(at: event.occurredAt, kind: .breached, metric: metric($0), actor: actor)
                }
                let escalations = list("escalations").map(escalated)
                switch event.action {
                case "sla_breached":
                    let old =
                        after?["metric"] == nil
                        ? [] : [TimelineEvent(at: event.occurredAt, kind: .breached, metric: metric(after?["metric"]), actor: actor)]
                    return old + breaches + escalations
                case "escalated":
                    return after?["escalations"] == nil ? [escalated(after)] : escalations
                case "automated":
                    guard case .string(let name)? = after?["name"] else { return [] }
                    return [TimelineEvent(at: event.occurredAt, kind: .automated, name: name, actor: actor)]
                default: return []
                }
            }
            let history = audit.map { event in
                HistoryItem(
                    at: event.occurredAt,
                    actor: event.actor.kind == .user ? event.actor.id.flatMap { staff[$0] } ?? "—" : "Switchboard",
                    action: Self.historyAction(event), changes: event.changes)
            }
            var links: [Link] = []
            for (kind, otherId) in try await ctx.links(ticketId: id) {
                if let other = try await ctx.ticket(id: otherId) { links.append(Link(kind: kind, other: other)) }
            }
            let inactive = try await ctx.inactiveTicketTypes()
            var model = TicketPageModel(
                ticket: ticket, customFields: try await ctx.customFields(), history: history, links: links,
                attachments: try await ctx.attachments(ticketId: id), requester: requester, organization: organization, entries: entries,
                agents: users.filter { $0.active && $0.role.allows(.editTickets) }.map { Option(id: $0.id, name: $0.name) },
                teams: try await ctx.teams().map { Option(id: $0.id, name: $0.name) }, otherTickets: Array(others),
                timeZone: timeZone)
            model.events = events
            model.sideConversations = try await ctx.sideConversations(ticketId: id)
            model.staffNames = staff
            model.types = TicketType.allCases.filter { !inactive.contains($0) || $0 == ticket.type }
            model.htmlMessages = try await ctx.messagesWithHTML(ticketId: id)
            model.macros = try await ctx.macros(for: userId, teamIds: teamIds).map { Option(id: $0.id, name: $0.name) }
            for email in requester?.emails ?? [] {
                if let at = try await ctx.bouncedAt(email) { model.bounced[email] = at }
            }
            return model
        }
    }

    /// The word for an event in the history: a merge reads differently on the ticket that
    /// took the other in (its record after has no pointer to another ticket).
    static func historyAction(_ event: AuditEvent) -> String {
        guard event.action == "merged", let after = event.after?.text else { return event.action }
        guard case .object(let fields)? = try? JSONParser.parse(after), case .number? = fields["merged_into_id"] else { return "merged_in" }
        return event.action
    }
}
