import Foundation
import SQLKit
import SwitchboardCore

/// An agent's availability and capacity, with their open tickets.
public struct AgentStatus: Sendable, Codable, Equatable {
    public var availability: Availability
    public var capacity: Int?
    public var openTickets: Int

    enum CodingKeys: String, CodingKey { case availability, capacity, openTickets = "open_tickets" }
}

extension ReadContext {
    /// An agent's availability and capacity.
    public func agentStatus(userId: Int64) async throws -> AgentStatus? {
        guard let row = try await sql.raw("SELECT availability, capacity FROM users WHERE id = \(bind: userId)").first() else { return nil }
        return AgentStatus(
            availability: Availability(rawValue: try row.decode(column: "availability", as: String.self)) ?? .offline,
            capacity: try row.decode(column: "capacity", as: Int64?.self).map(Int.init),
            openTickets: try await openTicketCounts([userId])[userId] ?? 0)
    }

    /// Open (new or open) tickets per assignee.
    func openTicketCounts(_ userIds: [Int64]) async throws -> [Int64: Int] {
        guard !userIds.isEmpty else { return [:] }
        var out: [Int64: Int] = [:]
        for row in try await sql.raw(
            "SELECT assignee_id, COUNT(*) AS n FROM tickets WHERE assignee_id IN (\(binds: userIds)) AND status IN ('new', 'open') GROUP BY assignee_id"
        ).all() {
            out[try row.decode(column: "assignee_id", as: Int64.self)] = Int(try row.decode(column: "n", as: Int64.self))
        }
        return out
    }

    /// Every skill, by name.
    public func skills() async throws -> [Skill] {
        try await sql.raw("SELECT * FROM skills ORDER BY name").all().map { row in
            Skill(
                id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                rules: try decodeJSONList([Skill.Rule].self, try row.decode(column: "rules", as: String.self)),
                minLevel: Int(try row.decode(column: "min_level", as: Int64.self)))
        }
    }

    /// The skills agents hold: user id → skill id → level.
    public func userSkills(_ userIds: [Int64]) async throws -> [Int64: [Int64: Int]] {
        guard !userIds.isEmpty else { return [:] }
        var out: [Int64: [Int64: Int]] = [:]
        for row in try await sql.raw("SELECT user_id, skill_id, level FROM user_skills WHERE user_id IN (\(binds: userIds))").all() {
            out[try row.decode(column: "user_id", as: Int64.self), default: [:]][try row.decode(column: "skill_id", as: Int64.self)] =
                Int(try row.decode(column: "level", as: Int64.self))
        }
        return out
    }

    /// The last outbox event when some team that routes has a ticket waiting for an agent;
    /// nil when none waits. Routing only has something new to try when that event moved on.
    public func routingWork() async throws -> Int64? {
        guard try await sql.raw(
            """
            SELECT teams.id FROM teams WHERE teams.assignment <> 'manual' AND EXISTS (
              SELECT 1 FROM tickets WHERE tickets.team_id = teams.id AND tickets.assignee_id IS NULL AND tickets.status IN ('new', 'open'))
            LIMIT 1
            """
        ).first() != nil else { return nil }
        return try await sql.raw("SELECT MAX(seq) AS seq FROM outbox").first(decodingColumn: "seq", as: Int64?.self) ?? 0
    }
}

extension WriteContext {
    /// Sets an agent's availability (and capacity, when given: `.some(nil)` for no limit).
    /// Going offline hands their open tickets back to routing in the teams that ask for it.
    public func setAvailability(userId: Int64, _ availability: Availability, capacity: Int??, actor: Actor) async throws -> AgentStatus {
        guard let before = try await reader.agentStatus(userId: userId) else { throw DomainError.notFound("user") }
        if let limit = capacity ?? nil, !(0...1000).contains(limit) {
            throw DomainError.invalid(field: "capacity", "must be between 0 and 1000")
        }
        let newCapacity = capacity ?? before.capacity
        guard availability != before.availability || newCapacity != before.capacity else { return before }
        try await sql.raw(
            "UPDATE users SET availability = \(bind: availability.rawValue), capacity = \(bind: newCapacity.map(Int64.init)) WHERE id = \(bind: userId)"
        ).run()
        var after = before
        after.availability = availability
        after.capacity = newCapacity
        try await record(.userUpdated, entityId: userId, actor: actor, before: JSONText(before), after: JSONText(after))
        if availability == .offline, before.availability != .offline {
            let teams = try await reader.teams().filter { $0.reassignWhenOffline && $0.assignment != .manual && $0.memberIds.contains(userId) }
            if !teams.isEmpty {
                let ids = try await sql.raw(
                    """
                    SELECT id FROM tickets WHERE assignee_id = \(bind: userId) AND team_id IN (\(binds: teams.map(\.id)))
                      AND status IN ('new', 'open') ORDER BY id
                    """
                ).all(decodingColumn: "id", as: Int64.self)
                for id in ids { _ = try await updateTicket(id: id, TicketChanges(assigneeId: .some(nil)), expectedVersion: nil, actor: .system) }
                after.openTickets -= ids.count
            }
        }
        return after
    }

    /// Creates (`skill.id` 0) or changes a skill.
    public func saveSkill(_ input: Skill, actor: Actor) async throws -> Skill {
        var skill = input
        skill.name = skill.name.trimmingCharacters(in: .whitespaces)
        skill.rules = skill.rules.map { Skill.Rule(kind: $0.kind, value: $0.kind == .type ? $0.value : $0.value.trimmingCharacters(in: .whitespaces).lowercased()) }
        try skill.validate()
        if try await sql.raw("SELECT id FROM skills WHERE name = \(bind: skill.name) AND id <> \(bind: skill.id)").first() != nil {
            throw DomainError.conflict(field: "name", "a skill with this name already exists")
        }
        if skill.id == 0 {
            guard let id = try await sql.raw(
                """
                INSERT INTO skills (name, rules, min_level, created_at, updated_at)
                VALUES (\(bind: skill.name), \(bind: encodeJSON(skill.rules)), \(bind: Int64(skill.minLevel)), \(bind: now.ms), \(bind: now.ms)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
            skill.id = id
            try await record(.skillCreated, entityId: id, actor: actor, after: JSONText(skill))
            return skill
        }
        guard let before = try await reader.skills().first(where: { $0.id == skill.id }) else { throw DomainError.notFound("skill") }
        try await sql.raw(
            """
            UPDATE skills SET name = \(bind: skill.name), rules = \(bind: encodeJSON(skill.rules)), min_level = \(bind: Int64(skill.minLevel)),
              updated_at = \(bind: now.ms) WHERE id = \(bind: skill.id)
            """
        ).run()
        try await record(.skillUpdated, entityId: skill.id, actor: actor, before: JSONText(before), after: JSONText(skill))
        return skill
    }

    /// Deletes a skill (agents lose it too).
    public func deleteSkill(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.skills().first(where: { $0.id == id }) else { throw DomainError.notFound("skill") }
        try await sql.raw("DELETE FROM user_skills WHERE skill_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM skills WHERE id = \(bind: id)").run()
        try await record(.skillDeleted, entityId: id, actor: actor, before: JSONText(before))
    }

    /// Replaces the skills an agent holds (skill id → level 1–5).
    public func setUserSkills(userId: Int64, _ levels: [Int64: Int], actor: Actor) async throws -> [Int64: Int] {
        guard try await reader.user(id: userId) != nil else { throw DomainError.notFound("user") }
        let known = Set(try await reader.skills().map(\.id))
        for (skill, level) in levels.sorted(by: { $0.key < $1.key }) {
            guard known.contains(skill) else { throw DomainError.invalid(field: "skills", "skill \(skill) does not exist") }
            guard (1...5).contains(level) else { throw DomainError.invalid(field: "skills", "a level must be between 1 and 5") }
        }
        let before = try await reader.userSkills([userId])[userId] ?? [:]
        guard before != levels else { return levels }
        try await sql.raw("DELETE FROM user_skills WHERE user_id = \(bind: userId)").run()
        for (skill, level) in levels {
            try await sql.raw("INSERT INTO user_skills (user_id, skill_id, level) VALUES (\(bind: userId), \(bind: skill), \(bind: Int64(level)))").run()
        }
        func state(_ l: [Int64: Int]) -> JSONText {
            JSONText(JSONValue.object(["skills": .object(Dictionary(uniqueKeysWithValues: l.map { (String($0.key), JSONValue.int(Int64($0.value))) }))]))
        }
        try await record(.userUpdated, entityId: userId, actor: actor, before: state(before), after: state(levels))
        return levels
    }

    /// Gives waiting tickets (unassigned, new or open, in teams that route) to agents, oldest
    /// first, at most `limit`. Runs inside the writer's transaction, which every instance takes
    /// in turn: two servers never hand out the same ticket. Returns how many were assigned.
    public func routeWaitingTickets(limit: Int) async throws -> Int {
        let teams = Dictionary(uniqueKeysWithValues: try await reader.teams().filter { $0.assignment != .manual }.map { ($0.id, $0) })
        guard !teams.isEmpty else { return 0 }
        var cursors: [Int64: Int64] = [:]
        for row in try await sql.raw("SELECT id, rr_cursor FROM teams WHERE id IN (\(binds: Array(teams.keys)))").all() {
            if let cursor = try row.decode(column: "rr_cursor", as: Int64?.self) { cursors[try row.decode(column: "id", as: Int64.self)] = cursor }
        }
        let memberIds = Array(Set(teams.values.flatMap(\.memberIds)))
        var agents: [Int64: RoutingCandidate] = [:]
        if !memberIds.isEmpty {
            for row in try await sql.raw("SELECT id, role, active, availability, capacity FROM users WHERE id IN (\(binds: memberIds))").all() {
                guard try row.decode(column: "active", as: Int64.self) != 0,
                    let role = Role(rawValue: try row.decode(column: "role", as: String.self)), role.allows(.editTickets)
                else { continue }
                let id = try row.decode(column: "id", as: Int64.self)
                agents[id] = RoutingCandidate(
                    userId: id, availability: Availability(rawValue: try row.decode(column: "availability", as: String.self)) ?? .offline,
                    capacity: try row.decode(column: "capacity", as: Int64?.self).map(Int.init), openTickets: 0)
            }
        }
        for (id, n) in try await reader.openTicketCounts(Array(agents.keys)) { agents[id]?.openTickets = n }
        // Each team's oldest waiting tickets, only for teams with someone free: a team whose
        // agents are all away never holds up another's queue.
        var waiting: [Ticket] = []
        for team in teams.values.sorted(by: { $0.id < $1.id }) where team.memberIds.contains(where: { agents[$0]?.takesWork == true }) {
            waiting += try await sql.raw(
                """
                \(TicketRow.select) WHERE team_id = \(bind: team.id) AND assignee_id IS NULL AND status IN ('new', 'open')
                ORDER BY id LIMIT \(bind: Int64(limit))
                """
            ).all(TicketRow.self).map { try $0.ticket() }
        }
        guard !waiting.isEmpty else { return 0 }
        var skills: [Skill] = []
        var languages: [Int64: String] = [:]
        if teams.values.contains(where: { $0.assignment == .skills }) {
            skills = try await reader.skills()
            for (id, levels) in try await reader.userSkills(Array(agents.keys)) { agents[id]?.skills = levels }
            if skills.contains(where: { $0.rules.contains { $0.kind == .language } }) {
                let requesters = Array(Set(waiting.map(\.requesterId)))
                for row in try await sql.raw("SELECT id, locale FROM contacts WHERE id IN (\(binds: requesters))").all() {
                    if let locale = try row.decode(column: "locale", as: String?.self) { languages[try row.decode(column: "id", as: Int64.self)] = locale }
                }
            }
        }
        var assigned = 0
        for ticket in waiting {
            guard let teamId = ticket.teamId, let team = teams[teamId] else { continue }
            let candidates = team.memberIds.compactMap { agents[$0] }
            let needs = team.assignment == .skills ? Router.needs(of: ticket, language: languages[ticket.requesterId], skills: skills) : [:]
            guard let agent = Router.choose(team.assignment, among: candidates, needs: needs, after: cursors[teamId]) else { continue }
            _ = try await updateTicket(id: ticket.id, TicketChanges(assigneeId: .some(agent)), expectedVersion: nil, actor: .system)
            agents[agent]?.openTickets += 1
            cursors[teamId] = agent
            assigned += 1
        }
        for (team, cursor) in cursors {
            try await sql.raw("UPDATE teams SET rr_cursor = \(bind: cursor) WHERE id = \(bind: team)").run()
        }
        return assigned
    }
}
