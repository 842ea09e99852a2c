import Foundation
import SQLKit
import SwitchboardCore

/// What creating or changing a staff member takes (already validated by the caller's use case).
public struct UserInput: Sendable {
    public var email: EmailAddress
    public var name: String
    public var jobTitle: String?
    public var locale: String
    public var timeZone: String?
    public var role: Role
    public var passwordHash: String?
    public var teamIds: [Int64]

    public init(
        email: EmailAddress, name: String, jobTitle: String?, locale: String, timeZone: String? = nil, role: Role, passwordHash: String?,
        teamIds: [Int64]
    ) {
        self.timeZone = timeZone
        self.email = email
        self.name = name
        self.jobTitle = jobTitle
        self.locale = locale
        self.role = role
        self.passwordHash = passwordHash
        self.teamIds = teamIds
    }
}

extension ReadContext {
    /// One staff member, or nil.
    public func user(id: Int64) async throws -> User? {
        guard let row = try await sql.raw("SELECT * FROM users WHERE id = \(bind: id)").first(UserRow.self) else { return nil }
        return try row.user(teamIds: try await teamIds(ofUser: id))
    }

    /// A staff member and their password hash, by email, for signing in.
    public func userForSignIn(email: String) async throws -> (user: User, passwordHash: String?)? {
        guard let row = try await sql.raw("SELECT * FROM users WHERE email = \(bind: email.lowercased())").first(UserRow.self)
        else { return nil }
        return (try row.user(teamIds: try await teamIds(ofUser: row.id)), row.passwordHash)
    }

    /// All staff, by name.
    public func users() async throws -> [User] {
        let rows = try await sql.raw("SELECT * FROM users ORDER BY name, id").all(UserRow.self)
        let members = try await sql.raw("SELECT team_id, user_id FROM team_members").all()
        var teams: [Int64: [Int64]] = [:]
        for m in members {
            teams[try m.decode(column: "user_id", as: Int64.self), default: []].append(try m.decode(column: "team_id", as: Int64.self))
        }
        return try rows.map { try $0.user(teamIds: (teams[$0.id] ?? []).sorted()) }
    }

    /// The number of staff accounts.
    public func userCount() async throws -> Int {
        Int(try await sql.raw("SELECT COUNT(*) AS n FROM users").first(decodingColumn: "n", as: Int64.self) ?? 0)
    }

    func teamIds(ofUser id: Int64) async throws -> [Int64] {
        try await sql.raw("SELECT team_id FROM team_members WHERE user_id = \(bind: id) ORDER BY team_id")
            .all(decodingColumn: "team_id", as: Int64.self)
    }
}

extension WriteContext {
    /// Creates a staff member; a taken email is a conflict on `email`.
    public func createUser(_ input: UserInput, actor: Actor) async throws -> User {
        if try await sql.raw("SELECT id FROM users WHERE email = \(bind: input.email.value)").first() != nil {
            throw DomainError.conflict(field: "email", "a user with this email already exists")
        }
        try await checkTeams(input.teamIds)
        guard let id = try await sql.raw(
            """
            INSERT INTO users (email, name, job_title, locale, time_zone, role, password_hash, active, created_at, updated_at)
            VALUES (\(bind: input.email.value), \(bind: input.name), \(bind: input.jobTitle), \(bind: input.locale), \(bind: input.timeZone),
              \(bind: input.role.rawValue), \(bind: input.passwordHash), 1, \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        try await setTeams(ofUser: id, input.teamIds)
        guard let user = try await reader.user(id: id) else { throw StoreError.corrupt("user vanished") }
        try await record(.userCreated, entityId: id, actor: actor, after: JSONText(user))
        return user
    }

    /// Applies `change` to a staff member and records before and after.
    public func updateUser(id: Int64, actor: Actor, _ change: @Sendable (inout User) throws -> Void) async throws -> User {
        guard let before = try await reader.user(id: id) else { throw DomainError.notFound("user") }
        var user = before
        try change(&user)
        if user == before { return user }
        if user.email != before.email,
            try await sql.raw("SELECT id FROM users WHERE email = \(bind: user.email) AND id <> \(bind: id)").first() != nil
        {
            throw DomainError.conflict(field: "email", "a user with this email already exists")
        }
        try await checkTeams(user.teamIds)
        try await sql.raw(
            """
            UPDATE users SET email = \(bind: user.email), name = \(bind: user.name), job_title = \(bind: user.jobTitle),
              locale = \(bind: user.locale), time_zone = \(bind: user.timeZone), role = \(bind: user.role.rawValue), active = \(bind: user.active ? 1 : 0 as Int64),
              updated_at = \(bind: now.ms) WHERE id = \(bind: id)
            """
        ).run()
        if user.teamIds != before.teamIds { try await setTeams(ofUser: id, user.teamIds) }
        if !user.active { try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run() }
        user.updatedAt = now
        try await record(.userUpdated, entityId: id, actor: actor, before: JSONText(before), after: JSONText(user))
        return user
    }

    /// Sets a new password hash and signs the user out everywhere.
    public func setPassword(userId: Int64, hash: String, actor: Actor) async throws {
        guard try await reader.user(id: userId) != nil else { throw DomainError.notFound("user") }
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash), updated_at = \(bind: now.ms) WHERE id = \(bind: userId)").run()
        try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId)").run()
        try await record(.userUpdated, entityId: userId, actor: actor, payload: JSONText(JSONValue.object(["password": .string("changed")])))
    }

    func checkTeams(_ ids: [Int64]) async throws {
        for teamId in Set(ids) where try await sql.raw("SELECT id FROM teams WHERE id = \(bind: teamId)").first() == nil {
            throw DomainError.invalid(field: "team_ids", "team \(teamId) does not exist")
        }
    }

    func setTeams(ofUser id: Int64, _ teamIds: [Int64]) async throws {
        try await sql.raw("DELETE FROM team_members WHERE user_id = \(bind: id)").run()
        for teamId in Set(teamIds) {
            try await sql.raw("INSERT INTO team_members (team_id, user_id) VALUES (\(bind: teamId), \(bind: id))").run()
        }
    }
}
