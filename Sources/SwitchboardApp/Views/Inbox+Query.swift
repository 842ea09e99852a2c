import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

extension InboxModel {
    /// Reads the inbox for the request's query (`view`, `q`, `status`, `priority`, `sort`,
    /// `cursor` — the same parameters as `GET /api/v1/tickets`). The controller sends a bare
    /// `/inbox` to `/inbox?view=my_open` first.
    static func load(_ req: Request, principal: Principal, l: Localizer) async throws -> InboxModel {
        let viewer = principal.viewer
        let now = req.store.clock()
        let currentKey = req.query[String.self, at: "view"] ?? ""
        let parameters = req.url.query.map(QueryString.parse) ?? []
        let (filter, sort) = try await ViewController.resolve(req, principal: principal)
        let cursor = try req.query[String.self, at: "cursor"].map { try PageCursor(token: $0) }
        // Every view with its count, on one connection.
        let links = try await req.store.read { ctx -> [ViewLink] in
            var links: [ViewLink] = []
            for view in BuiltInView.allCases {
                let count = try await ctx.ticketCount(filter: view.filter(now: now), viewer: viewer)
                links.append(ViewLink(key: view.rawValue, labelKey: "view." + view.rawValue, name: view.rawValue, count: count, current: currentKey == view.rawValue))
            }
            for view in try await ctx.views(visibleTo: viewer.userId) {
                let count = try await ctx.ticketCount(filter: view.filter, viewer: viewer)
                links.append(ViewLink(key: String(view.id), labelKey: nil, name: view.name, count: count, current: currentKey == String(view.id)))
            }
            return links
        }
        let page = try await req.store.read { try await $0.tickets(filter: filter, sort: sort, cursor: cursor, limit: 50, viewer: viewer) }
        let names = try await req.store.read { ctx in
            (try await ctx.contactNames(ids: Array(Set(page.items.map(\.requesterId)))), try await ctx.users(), try await ctx.teams())
        }
        let users = Dictionary(names.1.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let teams = Dictionary(names.2.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = page.items.map { t in
            Row(
                id: t.id, number: t.number, subject: t.subject, requester: names.0[t.requesterId] ?? "#\(t.requesterId)", status: t.status,
                priority: t.priority, assignee: t.assigneeId.flatMap { users[$0] }, team: t.teamId.flatMap { teams[$0] }, updatedAt: t.updatedAt,
                sla: t.sla)
        }
        let base = parameters.filter { !["cursor", "done", "failed", "view_error"].contains($0.0) }
        let current = links.first { $0.current }
        let query = filter.query ?? ""
        let title = !query.isEmpty ? l.text("inbox.results", ["query": query]) : current.map { $0.labelKey.map { l.text($0) } ?? $0.name } ?? l.text("inbox.title")
        return InboxModel(
            views: links, title: title, rows: rows, query: query, statusFilter: filter.statuses ?? [], priorityFilter: filter.priorities ?? [],
            sort: sort.description, nextPage: page.nextCursor.map { QueryString.encode(base + [("cursor", $0.token)]) }, baseQuery: base,
            timeZone: principal.user.pageTimeZone, now: now,
            agents: names.1.filter { $0.active && $0.role.allows(.editTickets) }.map { ($0.id, $0.name) },
            bulkDone: req.query[Int.self, at: "done"], bulkFailed: req.query[String.self, at: "failed"],
            here: "/inbox?" + QueryString.encode(parameters.filter { !["done", "failed", "view_error"].contains($0.0) }),
            canShareViews: principal.user.role.allows(.manageSharedViews), viewError: req.query[String.self, at: "view_error"])
    }
}
