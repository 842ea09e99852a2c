import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/users/{id}/availability`, `/api/v1/users/{id}/skills` and `/api/v1/skills`: what
/// routing needs to know about agents. Each agent sets their own availability; managers set
/// anyone's, and capacities and skills.
enum RoutingController {
    struct AvailabilityRequest: Content {
        var availability: Availability
        var capacity: Int??

        enum CodingKeys: String, CodingKey { case availability, capacity }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            availability = try c.decode(Availability.self, forKey: .availability)
            // Absent keeps the capacity; null removes the limit.
            capacity = c.contains(.capacity) ? .some(try c.decodeNil(forKey: .capacity) ? nil : try c.decode(Int.self, forKey: .capacity)) : nil
        }
    }

    struct SkillLevel: Content {
        var skillId: Int64
        var level: Int
        enum CodingKeys: String, CodingKey { case skillId = "skill_id", level }
    }

    struct SkillsDTO: Content {
        var skills: [SkillLevel]
    }

    struct SkillRequest: Content {
        var name: String
        var rules: [Skill.Rule]?
        var minLevel: Int?
        enum CodingKeys: String, CodingKey { case name, rules, minLevel = "min_level" }
    }

    struct SkillList: Content {
        var items: [Skill]
    }

    @Sendable static func availability(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let id = try req.id(what: "user")
        guard let status = try await req.store.read({ try await $0.agentStatus(userId: id) }) else { throw DomainError.notFound("user") }
        return try respond(status)
    }

    @Sendable static func setAvailability(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.viewTickets)
        let id = try req.id(what: "user")
        let body = try req.body(AvailabilityRequest.self)
        // Agents set their own availability; capacities and other people's are for those who manage staff.
        if id != principal.user.id || body.capacity != nil {
            guard principal.user.role.allows(.manageUsers) else { throw DomainError.forbidden("you may only change your own availability") }
        }
        let actor = principal.actor
        let status = try await req.store.write { try await $0.setAvailability(userId: id, body.availability, capacity: body.capacity, actor: actor) }
        return try respond(status)
    }

    @Sendable static func userSkills(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        let id = try req.id(what: "user")
        guard try await req.store.read({ try await $0.user(id: id) }) != nil else { throw DomainError.notFound("user") }
        let levels = try await req.store.read { try await $0.userSkills([id])[id] ?? [:] }
        return try respond(SkillsDTO(skills: levels.sorted { $0.key < $1.key }.map { SkillLevel(skillId: $0.key, level: $0.value) }))
    }

    @Sendable static func setUserSkills(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageUsers)
        let id = try req.id(what: "user")
        let body = try req.body(SkillsDTO.self)
        var levels: [Int64: Int] = [:]
        for item in body.skills {
            guard levels[item.skillId] == nil else { throw DomainError.invalid(field: "skills", "contains duplicates") }
            levels[item.skillId] = item.level
        }
        let actor = principal.actor
        let saved = try await req.store.write { [levels] in try await $0.setUserSkills(userId: id, levels, actor: actor) }
        return try respond(SkillsDTO(skills: saved.sorted { $0.key < $1.key }.map { SkillLevel(skillId: $0.key, level: $0.value) }))
    }

    @Sendable static func skills(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewUsers)
        return try respond(SkillList(items: try await req.store.read { try await $0.skills() }))
    }

    @Sendable static func createSkill(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageTeams)
        let body = try req.body(SkillRequest.self)
        let skill = Skill(id: 0, name: body.name, rules: body.rules ?? [], minLevel: body.minLevel ?? 1)
        try skill.validate()
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { try await $0.saveSkill(skill, actor: actor) }
    }

    @Sendable static func updateSkill(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageTeams)
        let id = try req.id(what: "skill")
        let body = try req.body(SkillRequest.self)
        let skill = Skill(id: id, name: body.name, rules: body.rules ?? [], minLevel: body.minLevel ?? 1)
        let actor = principal.actor
        return try respond(try await req.store.write { try await $0.saveSkill(skill, actor: actor) })
    }

    @Sendable static func deleteSkill(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageTeams)
        let id = try req.id(what: "skill")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteSkill(id: id, actor: actor) }
        return Response(status: .noContent)
    }
}
