import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/users`: staff accounts.
enum UserController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let users = try await req.store.read { try await $0.users() }
        return try respond(Page(items: users.map(UserDTO.init), nextCursor: nil))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let id = try req.id(what: "user")
        guard let user = try await req.store.read({ try await $0.user(id: id) }) else { throw DomainError.notFound("user") }
        return try respond(UserDTO(user))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageUsers)
        let body = try req.body(UserRequest.self)
        guard let rawEmail = body.email else { throw DomainError.invalid(field: "email", "is required") }
        guard let role = body.role else { throw DomainError.invalid(field: "role", "is required") }
        let hash: String? = if let password = body.password { try await PasswordRules.hash(password, on: req) } else { nil }
        let input = UserInput(
            email: try EmailAddress(rawEmail), name: try validatedText(body.name, field: "name", max: Limits.name) ?? "",
            jobTitle: try validatedText(body.jobTitle, field: "job_title", max: Limits.jobTitle, required: false),
            locale: try body.locale.map { try validatedLocale($0) } ?? "en", timeZone: try body.timeZone.flatMap { try validatedTimeZone($0) },
            role: role, passwordHash: hash, teamIds: body.teamIds ?? [])
        let actor = principal.actor
        let active = body.active ?? true
        let invite = body.sendInvite ?? false
        if invite, hash != nil || !active {
            throw DomainError.invalid(field: "send_invite", "needs an active member without a password")
        }
        let response = try await Idempotency.create(req, principal: principal) { ctx in
            let user = try await ctx.createUser(input, actor: actor)
            guard !active else { return UserDTO(user) }
            return UserDTO(try await ctx.updateUser(id: user.id, actor: actor) { $0.active = false })
        }
        // Mail the invitation once the member is stored, and not again for a replayed request.
        if invite, response.status == .created, response.headers.first(name: "Idempotent-Replayed") == nil,
            let user = try await req.store.read({ try await $0.userForSignIn(email: input.email.value) })?.user
        {
            try await WebPasswordReset.sendLink(
                req, to: user, lifetime: WebAdminController.inviteLifetime, subject: "invite.mail_subject", body: "invite.mail_body")
        }
        return response
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.principal()
        let id = try req.id(what: "user")
        let body = try req.body(UserRequest.self)
        let isSelf = principal.user.id == id
        let admin = principal.user.role.allows(.manageUsers)
        guard admin || isSelf else { throw DomainError.forbidden("you may only change your own profile") }
        if !admin, body.role != nil || body.teamIds != nil || body.active != nil || body.email != nil {
            throw DomainError.forbidden("only admins change email, role, teams or active state")
        }
        if isSelf, body.active == false { throw DomainError.invalid(field: "active", "you cannot deactivate yourself") }
        let email = try body.email.map { try EmailAddress($0) }
        let name = try body.name.map { try validatedText($0, field: "name", max: Limits.name) ?? "" }
        let jobTitle = try body.jobTitle.map { try validatedText($0, field: "job_title", max: Limits.jobTitle, required: false) }
        let locale = try body.locale.map { try validatedLocale($0) }
        let timeZone = try body.timeZone.map { try validatedTimeZone($0) }
        let hash: String? = if let password = body.password { try await PasswordRules.hash(password, on: req) } else { nil }
        let actor = principal.actor
        let user = try await req.store.write { ctx in
            let user = try await ctx.updateUser(id: id, actor: actor) { u in
                if let email { u.email = email.value }
                if let name { u.name = name }
                if let jobTitle { u.jobTitle = jobTitle }
                if let locale { u.locale = locale }
                if let timeZone { u.timeZone = timeZone }
                if let role = body.role { u.role = role }
                if let teams = body.teamIds { u.teamIds = Array(Set(teams)).sorted() }
                if let active = body.active { u.active = active }
            }
            if let hash { try await ctx.setPassword(userId: id, hash: hash, actor: actor) }
            return user
        }
        await req.application.principals.clear()
        return try respond(UserDTO(user))
    }
}

/// Password policy: 10 to 200 characters.
enum PasswordRules {
    static func hash(_ password: String, cost: Int, field: String = "password") throws -> String {
        try check(password, field: field)
        return try Bcrypt.hash(password, cost: cost)
    }

    /// Hashes on the application's thread pool: bcrypt takes a quarter of a second on purpose,
    /// and a request must not hold one of the few concurrency threads (one per core) that long.
    static func hash(_ password: String, field: String = "password", on req: Request) async throws -> String {
        try check(password, field: field)
        let cost = req.application.config.bcryptCost
        return try await req.application.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`, checked on the application's thread pool.
    static func verify(_ password: String, hash: String, on req: Request) async -> Bool {
        (try? await req.application.threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }) ?? false
    }

    private static func check(_ password: String, field: String) throws {
        guard password.count >= 10 else { throw DomainError.invalid(field: field, "must be at least 10 characters") }
        guard password.count <= 200 else { throw DomainError.invalid(field: field, "must be at most 200 characters") }
    }
}

/// `/api/v1/teams`.
enum TeamController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let teams = try await req.store.read { try await $0.teams() }
        return try respond(Page(items: teams.map(TeamDTO.init), nextCursor: nil))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let id = try req.id(what: "team")
        guard let team = try await req.store.read({ try await $0.team(id: id) }) else { throw DomainError.notFound("team") }
        return try respond(TeamDTO(team))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageTeams)
        let body = try req.body(TeamRequest.self)
        let name = try validatedText(body.name, field: "name", max: Limits.teamName) ?? ""
        let description = try validatedText(body.description, field: "description", max: 1000, required: false)
        let actor = principal.actor
        let response = try await Idempotency.create(req, principal: principal) { ctx in
            var team = try await ctx.createTeam(name: name, description: description, memberIds: body.memberIds ?? [], actor: actor)
            if body.assignment != nil || body.reassignWhenOffline != nil {
                team = try await ctx.updateTeam(
                    id: team.id, name: nil, description: nil, memberIds: nil, assignment: body.assignment,
                    reassignWhenOffline: body.reassignWhenOffline, actor: actor)
            }
            return TeamDTO(team)
        }
        await req.application.principals.clear()
        return response
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageTeams)
        let id = try req.id(what: "team")
        let body = try req.body(TeamRequest.self)
        let name = try body.name.map { try validatedText($0, field: "name", max: Limits.teamName) ?? "" }
        let description = try body.description.map { try validatedText($0, field: "description", max: 1000, required: false) }
        let actor = principal.actor
        let team = try await req.store.write {
            try await $0.updateTeam(
                id: id, name: name, description: description, memberIds: body.memberIds, assignment: body.assignment,
                reassignWhenOffline: body.reassignWhenOffline, actor: actor)
        }
        await req.application.principals.clear()
        return try respond(TeamDTO(team))
    }
}
