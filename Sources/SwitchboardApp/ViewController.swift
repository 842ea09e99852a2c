import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/views`: the built-in views plus saved ones (personal or shared), each with a count.
enum ViewController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        let viewer = principal.viewer
        let now = req.store.clock()
        let withCounts = req.query[String.self, at: "counts"] != "false"
        let saved = try await req.store.read { try await $0.views(visibleTo: viewer.userId) }
        var items: [ViewDTO] = BuiltInView.allCases.map { v in
            ViewDTO(id: v.rawValue, name: v.title, builtIn: true, shared: true, ownerId: nil, filter: v.filter(now: now),
                    sort: v.sort.description)
        }
        items += saved.map(dto)
        if withCounts {
            let filters = items.map(\.filter)
            let counts = try await req.store.read { ctx in
                var counts: [Int] = []
                for filter in filters { counts.append(try await ctx.ticketCount(filter: filter, viewer: viewer)) }
                return counts
            }
            for i in items.indices { items[i].count = counts[i] }
        }
        return try respond(Page(items: items, nextCursor: nil))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        if let builtIn = req.parameters.get("id").flatMap(BuiltInView.init(rawValue:)) {
            let filter = builtIn.filter(now: req.store.clock())
            let viewer = principal.viewer
            let count = try await req.store.read { try await $0.ticketCount(filter: filter, viewer: viewer) }
            return try respond(
                ViewDTO(id: builtIn.rawValue, name: builtIn.title, builtIn: true, shared: true, ownerId: nil, filter: filter,
                        sort: builtIn.sort.description, count: count))
        }
        let view = try await visibleView(req, principal: principal)
        var out = dto(view)
        let viewer = principal.viewer
        out.count = try await req.store.read { try await $0.ticketCount(filter: view.filter, viewer: viewer) }
        return try respond(out)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        let body = try req.body(ViewRequest.self)
        let name = try validatedText(body.name, field: "name", max: Limits.viewName) ?? ""
        let shared = body.shared ?? false
        if shared { _ = try await req.authorize(.manageSharedViews) }
        let sort = try body.sort.map { try TicketSort(parsing: $0) } ?? TicketSort()
        let filter = try validated(body.filter ?? TicketFilter())
        let owner = principal.user.id
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            dto(try await ctx.createView(name: name, ownerId: owner, shared: shared, filter: filter, sort: sort, actor: actor))
        }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        var view = try await editableView(req, principal: principal)
        let body = try req.body(ViewRequest.self)
        if let name = body.name { view.name = try validatedText(name, field: "name", max: Limits.viewName) ?? view.name }
        if let shared = body.shared {
            if shared != view.shared { _ = try await req.authorize(.manageSharedViews) }
            view.shared = shared
        }
        if let sort = body.sort { view.sort = try TicketSort(parsing: sort) }
        if let filter = body.filter { view.filter = try validated(filter) }
        let actor = principal.actor
        let updated = view
        let saved = try await req.store.write { try await $0.updateView(updated, actor: actor) }
        return try respond(dto(saved))
    }

    @Sendable static func delete(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        let view = try await editableView(req, principal: principal)
        let actor = principal.actor
        try await req.store.write { try await $0.deleteView(id: view.id, actor: actor) }
        return Response(status: .noContent)
    }

    /// The filter and sort for `GET /tickets`: a view (`view=my_open` or a saved id) narrowed by
    /// query parameters (`status`, `priority`, `type`, `tag`, `assignee`, `team`, `requester`,
    /// `organization`, `channel`, `created_from` … `q`, `sort`).
    static func resolve(_ req: Request, principal: Principal) async throws -> (TicketFilter, TicketSort) {
        var filter = TicketFilter()
        var sort = TicketSort()
        if let name = req.query[String.self, at: "view"] {
            if let builtIn = BuiltInView(rawValue: name) {
                filter = builtIn.filter(now: req.store.clock())
                sort = builtIn.sort
            } else if let id = Int64(name) {
                let view = try await visibleView(req, principal: principal, id: id)
                filter = view.filter
                sort = view.sort
            } else {
                throw DomainError.invalid(
                    field: "view", "must be a saved view id or one of \(BuiltInView.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let q = QueryFilter(req)
        filter = filter.merged(with: try validated(try q.filter()))
        if let raw = req.query[String.self, at: "sort"] {
            sort = try TicketSort(parsing: raw)
        } else if req.query[String.self, at: "q"] != nil {
            sort = TicketSort(field: .id, descending: true)  // text searches: newest first
        }
        return (filter, sort)
    }

    static func validated(_ filter: TicketFilter) throws -> TicketFilter {
        var f = filter
        if let tags = f.tags { f.tags = try Tags.normalize(tags, field: "filter.tag") }
        if let q = f.query, q.count > 500 { throw DomainError.invalid(field: "q", "is longer than 500 characters") }
        return f
    }

    private static func visibleView(_ req: Request, principal: Principal, id: Int64? = nil) async throws -> SavedView {
        let id = try id ?? req.id(what: "view")
        guard let view = try await req.store.read({ try await $0.view(id: id) }), view.shared || view.ownerId == principal.user.id else {
            throw DomainError.notFound("view")
        }
        return view
    }

    private static func editableView(_ req: Request, principal: Principal) async throws -> SavedView {
        let view = try await visibleView(req, principal: principal)
        if view.ownerId != principal.user.id { _ = try await req.authorize(.manageSharedViews) }
        return view
    }

    static func dto(_ v: SavedView) -> ViewDTO {
        ViewDTO(id: String(v.id), name: v.name, builtIn: false, shared: v.shared, ownerId: v.ownerId, filter: v.filter, sort: v.sort.description)
    }
}

/// Reads filter conditions from the query string: comma-separated lists, RFC 3339 times.
struct QueryFilter {
    let req: Request
    init(_ req: Request) { self.req = req }

    func filter() throws -> TicketFilter {
        TicketFilter(
            statuses: try list("status") { TicketStatus(rawValue: $0) },
            priorities: try list("priority") { TicketPriority(rawValue: $0) },
            types: try list("type") { TicketType(rawValue: $0) },
            tags: try list("tag") { $0 },
            assignees: try list("assignee") { s in s == "me" ? .me : s == "none" ? TicketFilter.AssigneeRef.none : Int64(s).map { .user($0) } },
            teamIds: try list("team") { Int64($0) },
            requesterIds: try list("requester") { Int64($0) },
            organizationIds: try list("organization") { Int64($0) },
            channels: try list("channel") { ChannelKind(rawValue: $0) },
            createdFrom: try date("created_from"), createdTo: try date("created_to"),
            updatedFrom: try date("updated_from"), updatedTo: try date("updated_to"),
            query: req.query[String.self, at: "q"], slaDueFrom: try date("sla_due_from"), slaDueTo: try date("sla_due_to"))
    }

    private func list<T>(_ name: String, _ parse: (String) -> T?) throws -> [T]? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        return try raw.split(separator: ",").map { part in
            let s = part.trimmingCharacters(in: .whitespaces)
            guard let v = parse(s) else { throw DomainError.invalid(field: name, "has an invalid value: \(s)") }
            return v
        }
    }

    private func date(_ name: String) throws -> Date? {
        try req.query(name) { APIJSON.date(from: $0) }
    }
}

/// `/api/v1/custom-fields`: admin-defined ticket fields.
enum CustomFieldController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let fields = try await req.store.read { try await $0.customFields() }
        return try respond(Page(items: fields.map(CustomFieldDTO.init), nextCursor: nil))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageFields)
        let body = try req.body(CustomFieldRequest.self)
        try CustomFieldDefinition.validateDefinition(key: body.key, label: body.label, kind: body.kind, options: body.options ?? [])
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            CustomFieldDTO(
                try await ctx.createCustomField(
                    key: body.key, label: body.label, kind: body.kind, options: body.options ?? [], required: body.required ?? false,
                    actor: actor))
        }
    }
}

/// `/api/v1/audit`: the append-only log, filtered; and its verification.
enum AuditController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewAudit)
        let entity = try req.query("entity") { EntityType(rawValue: $0) }
        let query = AuditQuery(
            entity: entity, entityId: try req.query("entity_id") { Int64($0) }, actorId: try req.query("actor_id") { Int64($0) },
            action: req.query[String.self, at: "action"],
            from: try req.query("from") { APIJSON.date(from: $0) },
            to: try req.query("to") { APIJSON.date(from: $0) },
            beforeSequence: try req.query("cursor") { Int64($0) }, limit: try req.limit())
        let events = try await req.store.read { try await $0.auditEvents(query) }
        let next = events.count == query.limit ? events.last.map { String($0.sequence) } : nil
        return try respond(Page(items: events.map(AuditEventDTO.init), nextCursor: next))
    }

    struct VerifyDTO: Content {
        var intact: Bool
        var count: Int?
        var firstBadSequence: Int64?
        var problem: String?
        enum CodingKeys: String, CodingKey {
            case intact, count, problem
            case firstBadSequence = "first_bad_sequence"
        }
    }

    @Sendable static func verify(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewAudit)
        let finding = try await req.store.read { try await $0.verifyAuditChain() }
        return try respond(describe(finding))
    }

    static func describe(_ finding: AuditChain.Finding) -> VerifyDTO {
        switch finding {
        case .intact(let n): VerifyDTO(intact: true, count: n)
        case .altered(let s): VerifyDTO(intact: false, firstBadSequence: s, problem: "event \(s) was altered")
        case .broken(let s): VerifyDTO(intact: false, firstBadSequence: s, problem: "the link before event \(s) is broken (an event was altered or removed)")
        case .missing(let after, let next):
            VerifyDTO(intact: false, firstBadSequence: after + 1, problem: "events after \(after) are missing (next found: \(next))")
        }
    }
}
