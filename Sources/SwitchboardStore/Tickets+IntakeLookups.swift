import SQLKit
import SwitchboardCore

/// What the ticket intake must know about a batch before it writes: who owns the requester
/// emails, which organizations own their domains, and whether the assignees and teams may be
/// used. One query for all of it, because the batch holds the writer's lock while it waits.
struct IntakeLookups {
    /// Contacts (followed through merges) by email.
    var requesters: [String: (id: Int64, organizationId: Int64?)] = [:]
    var organizationByDomain: [String: Int64] = [:]
    /// Active users whose role may work tickets.
    var workers: Set<Int64> = []
    var teams: Set<Int64> = []

    /// Why this assignee and team cannot take a ticket; nil when they can.
    func refusal(assignee: Int64?, team: Int64?) -> DomainError? {
        if let assignee, !workers.contains(assignee) {
            return .invalid(field: "assignee_id", "user \(assignee) does not exist, is inactive or cannot work tickets")
        }
        if let team, !teams.contains(team) { return .invalid(field: "team_id", "team \(team) does not exist") }
        return nil
    }
}

extension WriteContext {
    func intakeLookups(emails: [EmailAddress], userIds: [Int64], teamIds: [Int64]) async throws -> IntakeLookups {
        let addresses = Array(Set(emails.map(\.value)))
        let domains = Array(Set(emails.map(\.domain)))
        let users = Array(Set(userIds))
        let teams = Array(Set(teamIds))
        // Each part answers (kind, key, a, b, c); kinds: requester, domain, user, team.
        var parts: [SQLQueryString] = []
        if !addresses.isEmpty {
            parts.append(
                """
                SELECT 'r' AS kind, ci.value AS key, c.id AS a, c.organization_id AS b, c.merged_into_id AS c
                FROM contact_identities ci JOIN contacts c ON c.id = ci.contact_id
                WHERE ci.kind = 'email' AND ci.value IN (\(binds: addresses))
                """)
            parts.append("SELECT 'd', domain, organization_id, NULL, NULL FROM organization_domains WHERE domain IN (\(binds: domains))")
        }
        if !users.isEmpty { parts.append("SELECT 'u', role, id, active, NULL FROM users WHERE id IN (\(binds: users))") }
        if !teams.isEmpty { parts.append("SELECT 't', '', id, NULL, NULL FROM teams WHERE id IN (\(binds: teams))") }
        var found = IntakeLookups()
        guard !parts.isEmpty else { return found }
        for row in try await sql.raw("\(parts.joined(separator: " UNION ALL "))").all() {
            let key = try row.decode(column: "key", as: String.self)
            let a = try row.decode(column: "a", as: Int64.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "r":
                var contact = (id: a, organizationId: try row.decode(column: "b", as: Int64?.self))
                if let target = try row.decode(column: "c", as: Int64?.self), let merged = try await reader.contact(id: target) {
                    contact = (merged.id, merged.organizationId)
                }
                found.requesters[key] = contact
            case "d":
                found.organizationByDomain[key] = a
            case "u":
                if try row.decode(column: "b", as: Int64?.self) != 0, Role(rawValue: key)?.allows(.editTickets) == true {
                    found.workers.insert(a)
                }
            default:
                found.teams.insert(a)
            }
        }
        return found
    }
}
