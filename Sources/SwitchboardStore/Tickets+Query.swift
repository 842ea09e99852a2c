import Foundation
import SQLKit
import SwitchboardCore

/// Who is asking, for filters that say "me" or "my teams".
public struct Viewer: Sendable {
    public var userId: Int64
    public var teamIds: [Int64]

    public init(userId: Int64, teamIds: [Int64]) {
        self.userId = userId
        self.teamIds = teamIds
    }
}

/// One page of a ticket list.
public struct TicketPage: Sendable {
    public var items: [Ticket]
    public var nextCursor: PageCursor?
}

extension ReadContext {
    /// Tickets matching `filter`, in `sort` order, after `cursor`, at most `limit`.
    public func tickets(filter: TicketFilter, sort: TicketSort, cursor: PageCursor?, limit: Int, viewer: Viewer) async throws
        -> TicketPage
    {
        if let cursor, cursor.sort != sort.description {
            throw DomainError.invalid(field: "cursor", "belongs to a list sorted by \(cursor.sort), not \(sort.description)")
        }
        let column = Self.sortColumn(sort.field)
        let direction = sort.descending ? "DESC" : "ASC"
        let order: SQLQueryString = "ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), tickets.id \(unsafeRaw: direction)"
        var others = filter
        others.query = nil
        var base = conditions(others, viewer: viewer)
        if let cursor {
            let op: SQLQueryString = sort.descending ? "<" : ">"
            base.append(
                "(\(unsafeRaw: column) \(op) \(bind: cursor.sortValue) OR (\(unsafeRaw: column) = \(bind: cursor.sortValue) AND tickets.id \(op) \(bind: cursor.id)))"
            )
        }
        let text = filter.query ?? ""
        let tsquery = dialect == .postgres ? SearchIndex.tsquery(query: text) : nil
        // Newest first on SQLite, FTS5 walks its matches in descending rowid order and the query
        // stops after one page, instead of collecting every match first.
        let fts = dialect == .sqlite && sort.field == .id && sort.descending ? SearchIndex.ftsExpression(query: text) : nil
        let rows: [TicketRow]
        if let tsquery {
            rows = try await searchPostgres(
                tsquery: tsquery, base: Self.joined(base), order: order, limit: limit, newestFirst: sort.field == .id && sort.descending,
                beforeId: cursor?.id)
        } else if let fts {
            rows = try await sql.raw(
                """
                SELECT \(TicketRow.columns) FROM ticket_fts JOIN tickets ON tickets.id = ticket_fts.rowid
                \(TicketRow.joinSLA) WHERE ticket_fts MATCH \(bind: fts) AND \(Self.joined(base)) ORDER BY ticket_fts.rowid DESC LIMIT \(bind: limit + 1)
                """
            ).all(TicketRow.self)
        } else {
            if let match = SearchIndex.condition(query: text, dialect: dialect) { base.append(match) }
            rows = try await sql.raw("\(TicketRow.select) WHERE \(Self.joined(base)) \(order) LIMIT \(bind: limit + 1)")
                .all(TicketRow.self)
        }
        let items = try rows.prefix(limit).map { try $0.ticket() }
        var next: PageCursor?
        if rows.count > limit, let last = items.last {
            next = PageCursor(sortValue: Self.sortValue(last, sort.field), id: last.id, sort: sort.description)
        }
        return TicketPage(items: items, nextCursor: next)
    }

    /// A text search on PostgreSQL. The planner cannot tell a rare term from a common one (a
    /// prefix term always gets its default estimate), and either of its plans is slow for the
    /// other kind: walking the list in order finds a common term at once but reads every ticket
    /// for a rare one; collecting the matches from the GIN index is quick for a rare term and
    /// slow for a common one. So: walk a window of the list in order, checking each ticket's
    /// document; only when the window holds less than a page of matches (the term is rare)
    /// do the matches come from the index.
    private func searchPostgres(
        tsquery: String, base: SQLQueryString, order: SQLQueryString, limit: Int, newestFirst: Bool, beforeId: Int64?
    ) async throws -> [TicketRow] {
        let q: SQLQueryString = "to_tsquery('simple', \(bind: tsquery))"
        if newestFirst {
            // The search documents by descending id, in id ranges: the cheapest walk (no lookups).
            guard let span = try await sql.raw("SELECT MIN(ticket_id) AS low, MAX(ticket_id) AS high FROM ticket_search").first(),
                let first = try span.decode(column: "low", as: Int64?.self), let last = try span.decode(column: "high", as: Int64?.self)
            else { return [] }
            var upper = min(beforeId ?? last + 1, last + 1)
            var found: [TicketRow] = []
            var width = Int64(searchWalk)
            var walkedIds: Int64 = 0
            while true {
                let lower = upper - width
                // The LIMIT (no more ids than that in the range anyway) keeps the text condition
                // out of the range scan and asks for an ordered index scan that can stop early.
                found += try await sql.raw(
                    """
                    SELECT \(TicketRow.columns) FROM (
                      SELECT ticket_id, doc FROM ticket_search WHERE ticket_id < \(bind: upper) AND ticket_id >= \(bind: lower)
                      ORDER BY ticket_id DESC LIMIT \(bind: width)
                    ) AS w JOIN tickets ON tickets.id = w.ticket_id \(TicketRow.joinSLA)
                    WHERE w.doc @@ \(q) AND \(base) ORDER BY w.ticket_id DESC LIMIT \(bind: limit + 1 - found.count)
                    """
                ).all(TicketRow.self)
                walkedIds += width
                if found.count > limit || lower <= first { return found }
                // Walk on while the matches so far promise the rest of the page within a few
                // more windows; otherwise the term is rare and the index answers faster.
                guard !found.isEmpty else { break }
                let needed = walkedIds * Int64(limit + 1 - found.count) / Int64(found.count)
                guard needed <= 3 * Int64(searchWalk) else { break }
                upper = lower
                width = needed + needed / 4 + 1
            }
        } else {
            // Any other order: the first tickets of the list, each document looked up.
            let window = max(1, searchWalk / 5)
            let walked = try await sql.raw(
                """
                SELECT tickets.* FROM (\(TicketRow.select) WHERE \(base) \(order) LIMIT \(bind: window)) AS tickets
                CROSS JOIN LATERAL (SELECT 1 FROM ticket_search s WHERE s.ticket_id = tickets.id AND s.doc @@ \(q) LIMIT 1) AS hit
                \(order) LIMIT \(bind: limit + 1)
                """
            ).all(TicketRow.self)
            if walked.count > limit { return walked }
            let seen = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(TicketRow.from) WHERE \(base) LIMIT \(bind: window)) AS w")
                .first(decodingColumn: "n", as: Int64.self) ?? 0
            if seen < window { return walked }  // the walk saw the whole list
        }
        let cap = 50_000
        let matches = try await sql.raw(
            "WITH m AS MATERIALIZED (SELECT ticket_id FROM ticket_search WHERE doc @@ \(q)) SELECT ticket_id FROM m LIMIT \(bind: cap + 1)"
        ).all(decodingColumn: "ticket_id", as: Int64.self)
        if matches.isEmpty { return [] }
        if newestFirst, matches.count <= cap {
            // The matches are known: read them newest first in chunks, so a page costs a few
            // dozen rows instead of every match and a sort.
            var found: [TicketRow] = []
            let ordered = matches.sorted(by: >).filter { id in beforeId.map { id < $0 } ?? true }
            for start in stride(from: 0, to: ordered.count, by: max(limit + 1, 250)) {
                let chunk = Array(ordered[start..<min(start + max(limit + 1, 250), ordered.count)])
                found += try await sql.raw(
                    "\(TicketRow.select) WHERE \(base) AND tickets.id = ANY(\(bind: chunk)) \(order) LIMIT \(bind: limit + 1 - found.count)"
                ).all(TicketRow.self)
                if found.count > limit { break }
            }
            return found
        }
        let match: SQLQueryString = matches.count <= cap
            ? "tickets.id = ANY(\(bind: matches))"
            : "tickets.id IN (SELECT ticket_id FROM ticket_search WHERE doc @@ \(q))"
        return try await sql.raw("\(TicketRow.select) WHERE \(base) AND \(match) \(order) LIMIT \(bind: limit + 1)")
            .all(TicketRow.self)
    }

    /// How many tickets match `filter`. A filter on status, assignee and team only (every
    /// built-in view but "recently solved") is answered from `ticket_counts`, which triggers
    /// keep; anything else counts the rows.
    public func ticketCount(filter: TicketFilter, viewer: Viewer) async throws -> Int {
        var onlyCounted = filter
        onlyCounted.statuses = nil
        onlyCounted.assignees = nil
        onlyCounted.teamIds = nil
        onlyCounted.myTeams = nil
        if onlyCounted == TicketFilter() {
            var c: [SQLQueryString] = []
            if let s = filter.statuses { c.append(Self.anyOf("status", s.map(\.rawValue))) }
            if let assignees = filter.assignees {
                let ids = assignees.map { a -> Int64 in
                    switch a {
                    case .me: viewer.userId
                    case .none: 0
                    case .user(let id): id
                    }
                }
                c.append(Self.anyOf("assignee_id", ids))
            }
            var teams = filter.teamIds ?? []
            if filter.myTeams == true { teams += viewer.teamIds }
            if filter.teamIds != nil || filter.myTeams == true { c.append(Self.anyOf("team_id", teams)) }
            let n = try await sql.raw("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM ticket_counts WHERE \(Self.joined(c))")
                .first(decodingColumn: "n", as: Int64.self)
            return Int(n ?? 0)
        }
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM \(TicketRow.from) WHERE \(Self.joined(conditions(filter, viewer: viewer)))")
            .first(decodingColumn: "n", as: Int64.self)
        return Int(n ?? 0)
    }

    /// The tags in use, most used first, with how many tickets carry each.
    public func tagCounts(limit: Int) async throws -> [(tag: String, count: Int)] {
        try await sql.raw("SELECT tag, COUNT(*) AS n FROM ticket_tags GROUP BY tag ORDER BY n DESC, tag LIMIT \(bind: limit)").all().map {
            (try $0.decode(column: "tag", as: String.self), Int(try $0.decode(column: "n", as: Int64.self)))
        }
    }

    /// Every ticket of a requester (for the customer timeline), newest first.
    public func tickets(requesterId: Int64, limit: Int) async throws -> [Ticket] {
        try await sql.raw("\(TicketRow.select) WHERE requester_id = \(bind: requesterId) ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)")
            .all(TicketRow.self).map { try $0.ticket() }
    }

    private func conditions(_ f: TicketFilter, viewer: Viewer) -> [SQLQueryString] {
        var c: [SQLQueryString] = []
        let byDue = f.slaDueFrom != nil || f.slaDueTo != nil
        // SQLite, which has no planner statistics (see `RemovePlannerStatistics`), would walk
        // every open ticket by the status index; `+status` leaves it the due index (see below).
        let status = byDue && dialect == .sqlite ? "+status" : "status"
        if let s = f.statuses { c.append(Self.anyOf(status, s.map(\.rawValue))) }
        if let p = f.priorities { c.append(Self.anyOf("priority", p.map(\.rawValue))) }
        if let t = f.types { c.append(Self.anyOf("type", t.map(\.rawValue))) }
        if let ch = f.channels { c.append(Self.anyOf("channel", ch.map(\.rawValue))) }
        if let tags = f.tags {
            c.append(tags.isEmpty ? "1 = 0" : "tickets.id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN (\(binds: tags)))")
        }
        if let assignees = f.assignees {
            var parts: [SQLQueryString] = []
            var ids: [Int64] = []
            for a in assignees {
                switch a {
                case .me: ids.append(viewer.userId)
                case .user(let id): ids.append(id)
                case .none: parts.append("assignee_id IS NULL")
                }
            }
            if !ids.isEmpty { parts.append("assignee_id IN (\(binds: ids))") }
            c.append(parts.isEmpty ? "1 = 0" : "(\(parts.joined(separator: " OR ")))")
        }
        var teams = f.teamIds ?? []
        if f.myTeams == true { teams += viewer.teamIds }
        if f.teamIds != nil || f.myTeams == true { c.append(Self.anyOf("team_id", teams)) }
        if let r = f.requesterIds { c.append(Self.anyOf("requester_id", r)) }
        if let o = f.organizationIds { c.append(Self.anyOf("organization_id", o)) }
        if let d = f.createdFrom { c.append("created_at >= \(bind: d.ms)") }
        if let d = f.createdTo { c.append("created_at < \(bind: d.ms)") }
        if let d = f.updatedFrom { c.append("updated_at >= \(bind: d.ms)") }
        if let d = f.updatedTo { c.append("updated_at < \(bind: d.ms)") }
        if byDue {
            // From the due index to the tickets: the planners went through every open ticket to
            // its clocks (120 ms a count at a million tickets, two on every inbox page).
            var due: [SQLQueryString] = ["sla_due_at IS NOT NULL"]
            if let d = f.slaDueFrom { due.append("sla_due_at >= \(bind: d.ms)") }
            if let d = f.slaDueTo { due.append("sla_due_at < \(bind: d.ms)") }
            c.append("tickets.id IN (SELECT ticket_id FROM ticket_sla WHERE \(Self.joined(due)))")
        }
        if let q = f.query, let match = SearchIndex.condition(query: q, dialect: dialect) { c.append(match) }
        return c
    }

    private static func anyOf<T: Encodable & Sendable>(_ column: String, _ values: [T]) -> SQLQueryString {
        values.isEmpty ? "1 = 0" : "\(unsafeRaw: column) IN (\(binds: values))"
    }

    private static func joined(_ conditions: [SQLQueryString]) -> SQLQueryString {
        conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
    }

    static func sortColumn(_ field: TicketSort.Field) -> String {
        switch field {
        case .updatedAt: "tickets.updated_at"
        case .createdAt: "tickets.created_at"
        case .priority: "tickets.priority_rank"
        case .number: "tickets.number"
        case .id: "tickets.id"
        case .slaDueAt: "COALESCE(sla_due_at, \(noSLADue))"
        }
    }

    static func sortValue(_ t: Ticket, _ field: TicketSort.Field) -> Int64 {
        switch field {
        case .updatedAt: t.updatedAt.ms
        case .createdAt: t.createdAt.ms
        case .priority: Int64(t.priority.rank)
        case .number: t.number
        case .id: t.id
        case .slaDueAt: t.sla?.dueAt?.ms ?? noSLADue
        }
    }

    /// Where tickets without a running SLA clock sort among due times: after all of them.
    static let noSLADue: Int64 = 4_000_000_000_000
}
