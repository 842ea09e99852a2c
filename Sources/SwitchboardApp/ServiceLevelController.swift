import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/business-hours`, `/api/v1/sla-policies`, `/api/v1/escalation-tiers` and
/// `POST /api/v1/tickets/{id}/escalate`: service levels as admins, managers and supervisors
/// set them, and an agent's own escalation.
enum ServiceLevelController {
    struct BusinessHoursRequest: Content {
        var name: String
        var timeZone: String
        var week: [[BusinessCalendar.Interval]]
        var holidays: [String]?

        enum CodingKeys: String, CodingKey { case name, timeZone = "time_zone", week, holidays }

        func calendar() throws -> BusinessCalendar {
            try BusinessCalendar(timeZone: timeZone, week: week, holidays: Set(holidays ?? []))
        }
    }

    struct PolicyRequest: Content {
        var name: String
        var position: Int?
        var active: Bool?
        var calendarId: Int64?
        var conditions: SLAConditions?
        var targets: SLATargets
        var pauseOn: [TicketStatus]?
        var escalations: [SLAEscalation]?
        /// Taken and ignored (the path names the policy): a policy as GET answers it can be
        /// sent back changed.
        var id: Int64?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, position, active, conditions, targets, escalations
            case calendarId = "calendar_id", pauseOn = "pause_on", id
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            position = try c.decodeIfPresent(Int.self, forKey: .position)
            active = try c.decodeIfPresent(Bool.self, forKey: .active)
            calendarId = try c.decodeIfPresent(Int64.self, forKey: .calendarId)
            conditions = try c.decodeIfPresent(SLAConditions.self, forKey: .conditions)
            targets = try c.decode(SLATargets.self, forKey: .targets)
            pauseOn = try c.decodeIfPresent([TicketStatus].self, forKey: .pauseOn)
            escalations = try c.decodeIfPresent([SLAEscalation].self, forKey: .escalations)
            id = try c.decodeIfPresent(Int64.self, forKey: .id)
        }

        func policy(id: Int64, defaultPosition: Int) -> SLAPolicy {
            SLAPolicy(
                id: id, name: name, position: position ?? defaultPosition, active: active ?? true, calendarId: calendarId,
                conditions: conditions ?? SLAConditions(), targets: targets, pauseOn: pauseOn ?? [], escalations: escalations ?? [])
        }
    }

    struct TiersDTO: Content {
        /// The teams of tier 2 (senior agents) and tier 3 (support engineers).
        var tierTeams: [Int64?]
        enum CodingKeys: String, CodingKey { case tierTeams = "tier_teams" }
    }

    /// A one-page list of Core values.
    struct List<Item: Codable & Sendable>: Content {
        var items: [Item]
    }

    struct EscalateRequest: Content {
        var note: String?
        var version: Int64?
    }

    // MARK: business hours

    @Sendable static func listHours(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        return try respond(List(items: try await req.store.read { try await $0.businessHours() }))
    }

    @Sendable static func showHours(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "business hours")
        guard let hours = try await req.store.read({ try await $0.businessHours(id: id) }) else { throw DomainError.notFound("business hours") }
        return try respond(hours)
    }

    @Sendable static func createHours(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let body = try req.body(BusinessHoursRequest.self)
        let calendar = try body.calendar()
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            try await ctx.saveBusinessHours(id: nil, name: body.name, calendar: calendar, actor: actor)
        }
    }

    @Sendable static func updateHours(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let id = try req.id(what: "business hours")
        let body = try req.body(BusinessHoursRequest.self)
        let calendar = try body.calendar()
        let actor = principal.actor
        return try respond(try await req.store.write { try await $0.saveBusinessHours(id: id, name: body.name, calendar: calendar, actor: actor) })
    }

    @Sendable static func deleteHours(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let id = try req.id(what: "business hours")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteBusinessHours(id: id, actor: actor) }
        return Response(status: .noContent)
    }

    // MARK: SLA policies

    @Sendable static func listPolicies(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        return try respond(List(items: try await req.store.read { try await $0.slaPolicies() }))
    }

    @Sendable static func showPolicy(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "SLA policy")
        guard let policy = try await req.store.read({ try await $0.slaPolicy(id: id) }) else { throw DomainError.notFound("SLA policy") }
        return try respond(policy)
    }

    @Sendable static func createPolicy(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let body = try req.body(PolicyRequest.self)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            let last = try await ctx.reader.slaPolicies().map(\.position).max() ?? -1
            return try await ctx.saveSLAPolicy(body.policy(id: 0, defaultPosition: last + 1), actor: actor)
        }
    }

    @Sendable static func updatePolicy(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let id = try req.id(what: "SLA policy")
        let body = try req.body(PolicyRequest.self)
        let actor = principal.actor
        return try respond(
            try await req.store.write { ctx in
                guard let current = try await ctx.reader.slaPolicy(id: id) else { throw DomainError.notFound("SLA policy") }
                return try await ctx.saveSLAPolicy(body.policy(id: id, defaultPosition: current.position), actor: actor)
            })
    }

    @Sendable static func deletePolicy(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let id = try req.id(what: "SLA policy")
        let actor = principal.actor
        try await req.store.write { try await $0.deleteSLAPolicy(id: id, actor: actor) }
        return Response(status: .noContent)
    }

    // MARK: tiers and escalation

    @Sendable static func tiers(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        return try respond(TiersDTO(tierTeams: try await req.store.read { try await $0.tierTeams() }))
    }

    @Sendable static func setTiers(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageServiceLevels)
        let body = try req.body(TiersDTO.self)
        let actor = principal.actor
        return try respond(TiersDTO(tierTeams: try await req.store.write { try await $0.setTierTeams(body.tierTeams, actor: actor) }))
    }

    struct TransferRequest: Content {
        var teamId: Int64
        var note: String
        var version: Int64?
        enum CodingKeys: String, CodingKey { case note, version, teamId = "team_id" }
    }

    struct InviteRequest: Content {
        var userIds: [Int64]
        var note: String
        enum CodingKeys: String, CodingKey { case note, userIds = "user_ids" }
    }

    /// `POST /api/v1/tickets/{id}/transfer`: to another department's team, with a note.
    @Sendable static func transfer(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(TransferRequest.self)
        let actor = principal.actor
        let ticket = try await req.store.write {
            try await $0.transferTicket(id: id, teamId: body.teamId, note: body.note, expectedVersion: body.version, actor: actor)
        }
        return try respond(TicketDTO(ticket))
    }

    /// `POST /api/v1/tickets/{id}/collaborators`: colleagues from other teams into the internal conversation.
    @Sendable static func invite(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(InviteRequest.self)
        let actor = principal.actor
        let ticket = try await req.store.write { try await $0.inviteCollaborators(ticketId: id, userIds: body.userIds, note: body.note, actor: actor) }
        return try respond(TicketDTO(ticket))
    }

    @Sendable static func escalate(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editTickets)
        let id = try req.id(what: "ticket")
        let body = try req.body(EscalateRequest.self)
        let actor = principal.actor
        let ticket = try await req.store.write {
            try await $0.escalateTicket(id: id, note: body.note, expectedVersion: body.version, actor: actor)
        }
        return try respond(TicketDTO(ticket))
    }
}
