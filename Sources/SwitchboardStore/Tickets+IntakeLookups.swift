import SQLKit
import SwitchboardCore

/// What the ticket intake must know about a batch before it writes: who owns the requester
/// emails, which organizations own their domains, whether the assignees and teams may be
/// used, and (on PostgreSQL) the ids the new rows take. One query for all of it, because the
/// batch holds the writer's lock while it waits; on PostgreSQL it goes out right behind the
/// lock, in the same round trip (see `IntakeLookups.prefetch`).
struct IntakeLookups {
    /// Contacts by email, as stored (`mergedInto` set when the contact was merged away).
    var requesters: [String: (id: Int64, organizationId: Int64?, mergedInto: Int64?)] = [:]
    var organizationByDomain: [String: Int64] = [:]
    /// Active users whose role may work tickets.
    var workers: Set<Int64> = []
    var teams: Set<Int64> = []
    /// Ids reserved by table, ascending; only when the query reserved them.
    var ids: [String: [Int64]] = [:]

    /// Why this assignee and team cannot take a ticket; nil when they can.
    func refusal(assignee: Int64?, team: Int64?) -> DomainError? {
        if let assignee, !workers.contains(assignee) {
            return .invalid(field: "assignee_id", "user \(assignee) does not exist, is inactive or cannot work tickets")
        }
        if let team, !teams.contains(team) { return .invalid(field: "team_id", "team \(team) does not exist") }
        return nil
    }

    /// The query: rows of (kind, key, a, b, c); kinds: r (requester), d (domain), u (user),
    /// t (team). Nil when there is nothing to ask.
    static func query(
        emails: [EmailAddress], userIds: [Int64], teamIds: [Int64], dialect: Dialect
    ) -> SQLQueryString? {
        func among(_ values: [String]) -> SQLQueryString {
            dialect == .postgres ? "= ANY(\(bind: values)::text[])" : "IN (\(binds: values))"
        }
        func among(_ values: [Int64]) -> SQLQueryString {
            dialect == .postgres ? "= ANY(\(bind: values)::int8[])" : "IN (\(binds: values))"
        }
        let addresses = Array(Set(emails.map(\.value)))
        let domains = Array(Set(emails.map(\.domain)))
        let users = Array(Set(userIds))
        let teams = Array(Set(teamIds))
        var parts: [SQLQueryString] = []
        if !addresses.isEmpty {
            parts.append(
                """
                SELECT 'r' AS kind, ci.value AS key, c.id AS a, c.organization_id AS b, c.merged_into_id AS c
                FROM contact_identities ci JOIN contacts c ON c.id = ci.contact_id
                WHERE ci.kind = 'email' AND ci.value \(among(addresses))
                """)
            parts.append("SELECT 'd' AS kind, domain AS key, organization_id AS a, NULL AS b, NULL AS c FROM organization_domains WHERE domain \(among(domains))")
        }
        if !users.isEmpty { parts.append("SELECT 'u' AS kind, role AS key, id AS a, active AS b, NULL AS c FROM users WHERE id \(among(users))") }
        if !teams.isEmpty { parts.append("SELECT 't' AS kind, '' AS key, id AS a, NULL AS b, NULL AS c FROM teams WHERE id \(among(teams))") }
        return parts.isEmpty ? nil : "\(parts.joined(separator: " UNION ALL "))"
    }

    /// The lookups and id reservations of a PostgreSQL batch, run right behind its lock: the
    /// same text whatever the batch (every list is one array bind, empty or not), so the writer
    /// prepares it once (see `PreparedStatements`). Rows of (kind, key, a, b, c), as
    /// `query`'s, every column text.
    static func prefetch(
        emails: [EmailAddress], userIds: [Int64], teamIds: [Int64], reserve: [(table: String, count: Int)]
    ) -> SQLQueryString {
        let reserved = reserve.filter { $0.count > 0 }
        return """
            WITH r AS MATERIALIZED (
                SELECT r.t, r.n, pg_get_serial_sequence(r.t, 'id')::regclass AS s
                FROM unnest(\(bind: reserved.map(\.table))::text[], \(bind: reserved.map { Int64($0.count) })::int8[]) AS r(t, n)
            )
            SELECT 'r' AS kind, ci.value AS key, c.id::text AS a, c.organization_id::text AS b, c.merged_into_id::text AS c
            FROM contact_identities ci JOIN contacts c ON c.id = ci.contact_id
            WHERE ci.kind = 'email' AND ci.value = ANY(\(bind: Array(Set(emails.map(\.value))))::text[])
            UNION ALL SELECT 'd', domain, organization_id::text, NULL, NULL FROM organization_domains WHERE domain = ANY(\(bind: Array(Set(emails.map(\.domain))))::text[])
            UNION ALL SELECT 'u', role, id::text, active::text, NULL FROM users WHERE id = ANY(\(bind: Array(Set(userIds)))::int8[])
            UNION ALL SELECT 't', '', id::text, NULL, NULL FROM teams WHERE id = ANY(\(bind: Array(Set(teamIds)))::int8[])
            UNION ALL SELECT 'i', r.t, nextval(r.s)::text, NULL, NULL FROM r, generate_series(1, r.n)
            """
    }

    /// Takes in one answer row.
    mutating func absorb(kind: String, key: String, a: Int64, b: Int64?, c: Int64?) {
        switch kind {
        case "r": requesters[key] = (a, b, c)
        case "d": organizationByDomain[key] = a
        case "u": if b != 0, Role(rawValue: key)?.allows(.editTickets) == true { workers.insert(a) }
        case "i": ids[key, default: []].append(a)
        default: teams.insert(a)
        }
    }

    /// Reads the answer of `prefetch`.
    init(prefetched rows: [any SQLRow]) throws {
        func number(_ column: String, of row: any SQLRow) throws -> Int64? {
            guard let text = try row.decode(column: column, as: String?.self) else { return nil }
            guard let n = Int64(text) else { throw StoreError.corrupt("intake prefetch \(column) is \(text)") }
            return n
        }
        for row in rows {
            guard let a = try number("a", of: row) else { throw StoreError.corrupt("intake prefetch row without a value") }
            absorb(
                kind: try row.decode(column: "kind", as: String.self), key: try row.decode(column: "key", as: String.self), a: a,
                b: try number("b", of: row), c: try number("c", of: row))
        }
        for key in ids.keys { ids[key]?.sort() }
    }

    init() {}
}

extension WriteContext {
    /// Runs the lookups (see `IntakeLookups.query`) on the write's connection.
    func intakeLookups(emails: [EmailAddress], userIds: [Int64], teamIds: [Int64]) async throws -> IntakeLookups {
        var found = IntakeLookups()
        guard let query = IntakeLookups.query(emails: emails, userIds: userIds, teamIds: teamIds, dialect: dialect) else { return found }
        for row in try await sql.raw(query).all() {
            found.absorb(
                kind: try row.decode(column: "kind", as: String.self), key: try row.decode(column: "key", as: String.self),
                a: try row.decode(column: "a", as: Int64.self), b: try row.decode(column: "b", as: Int64?.self),
                c: try row.decode(column: "c", as: Int64?.self))
        }
        return found
    }

    /// The requesters found, followed through merges to the contact that remains.
    func resolvedRequesters(_ found: IntakeLookups) async throws -> [String: (id: Int64, organizationId: Int64?)] {
        var out: [String: (id: Int64, organizationId: Int64?)] = [:]
        for (email, contact) in found.requesters {
            if let target = contact.mergedInto, let merged = try await reader.contact(id: target) {
                out[email] = (merged.id, merged.organizationId)
            } else {
                out[email] = (contact.id, contact.organizationId)
            }
        }
        return out
    }
}
