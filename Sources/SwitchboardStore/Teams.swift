import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// All teams with their members, by name.
    public func teams() async throws -> [Team] {
        let rows = try await sql.raw("SELECT id, name, description, assignment, reassign_offline FROM teams ORDER BY name").all()
        let members = try await sql.raw("SELECT team_id, user_id FROM team_members ORDER BY user_id").all()
        var byTeam: [Int64: [Int64]] = [:]
        for m in members {
            byTeam[try m.decode(column: "team_id", as: Int64.self), default: []].append(try m.decode(column: "user_id", as: Int64.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return Team(
                id: id, name: try row.decode(column: "name", as: String.self),
                description: try row.decode(column: "description", as: String?.self), memberIds: byTeam[id] ?? [],
                assignment: AssignmentStrategy(rawValue: try row.decode(column: "assignment", as: String.self)) ?? .manual,
                reassignWhenOffline: try row.decode(column: "reassign_offline", as: Int64.self) != 0)
        }
    }

    /// One team, or nil.
    public func team(id: Int64) async throws -> Team? {
        try await teams().first { $0.id == id }
    }
}

extension WriteContext {
    /// Creates a team; names are unique.
    public func createTeam(name: String, description: String?, memberIds: [Int64], actor: Actor) async throws -> Team {
        if try await sql.raw("SELECT id FROM teams WHERE name = \(bind: name)").first() != nil {
            throw DomainError.conflict(field: "name", "a team with this name already exists")
        }
        guard let id = try await sql.raw(
            "INSERT INTO teams (name, description, created_at, updated_at) VALUES (\(bind: name), \(bind: description), \(bind: now.ms), \(bind: now.ms)) RETURNING id"
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        try await setMembers(team: id, memberIds)
        let team = Team(id: id, name: name, description: description, memberIds: memberIds.sorted())
        try await record(.teamCreated, entityId: id, actor: actor, after: JSONText(team))
        return team
    }

    /// Renames a team or changes its members.
    public func updateTeam(
        id: Int64, name: String?, description: String??, memberIds: [Int64]?, assignment: AssignmentStrategy? = nil,
        reassignWhenOffline: Bool? = nil, actor: Actor
    ) async throws -> Team {
        guard let before = try await reader.team(id: id) else { throw DomainError.notFound("team") }
        var team = before
        if let name, name != before.name {
            if try await sql.raw("SELECT id FROM teams WHERE name = \(bind: name)").first() != nil {
                throw DomainError.conflict(field: "name", "a team with this name already exists")
            }
            team.name = name
        }
        if let description { team.description = description }
        if let memberIds { team.memberIds = Array(Set(memberIds)).sorted() }
        if let assignment { team.assignment = assignment }
        if let reassignWhenOffline { team.reassignWhenOffline = reassignWhenOffline }
        guard team != before else { return team }
        try await sql.raw(
            """
            UPDATE teams SET name = \(bind: team.name), description = \(bind: team.description), assignment = \(bind: team.assignment.rawValue),
              reassign_offline = \(bind: team.reassignWhenOffline ? 1 : 0 as Int64), updated_at = \(bind: now.ms) WHERE id = \(bind: id)
            """
        ).run()
        if team.memberIds != before.memberIds { try await setMembers(team: id, team.memberIds) }
        try await record(.teamUpdated, entityId: id, actor: actor, before: JSONText(before), after: JSONText(team))
        return team
    }

    private func setMembers(team: Int64, _ userIds: [Int64]) async throws {
        try await sql.raw("DELETE FROM team_members WHERE team_id = \(bind: team)").run()
        for userId in Set(userIds) {
            guard try await sql.raw("SELECT id FROM users WHERE id = \(bind: userId)").first() != nil else {
                throw DomainError.invalid(field: "member_ids", "user \(userId) does not exist")
            }
            try await sql.raw("INSERT INTO team_members (team_id, user_id) VALUES (\(bind: team), \(bind: userId))").run()
        }
    }
}

extension ReadContext {
    /// Whether the workspace exists (the first start creates it).
    public func workspaceExists() async throws -> Bool {
        try await sql.raw("SELECT id FROM workspace WHERE id = 1").first() != nil
    }
}

extension WriteContext {
    /// Creates the workspace once; returns false when it already existed.
    public func createWorkspace(name: String) async throws -> Bool {
        if try await reader.workspaceExists() { return false }
        // The secret that signs reply addresses (see the email channel).
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try await sql.raw(
            """
            INSERT INTO workspace (id, name, next_ticket_number, created_at, mail_secret)
            VALUES (1, \(bind: name), 1, \(bind: now.ms), \(bind: secret))
            """
        ).run()
        try await record(.workspaceCreated, entityId: 1, actor: .system, after: JSONText(JSONValue.object(["name": .string(name)])))
        return true
    }
}
