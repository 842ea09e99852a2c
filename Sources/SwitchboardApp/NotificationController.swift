import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/users/{id}/notifications`: which email notifications a staff member gets (their
/// own, or anyone's for an admin).
enum NotificationController {
    struct SettingsDTO: Content {
        var newInTeam: Bool?
        var assigned: Bool?
        var customerReplied: Bool?
        var mentioned: Bool?
        var slaEscalation: Bool?
        var sideConversation: Bool?

        enum CodingKeys: String, CodingKey {
            case assigned, mentioned
            case newInTeam = "new_in_team", customerReplied = "customer_replied", slaEscalation = "sla_escalation"
            case sideConversation = "side_conversation"
        }

        init(_ s: NotificationSettings) {
            newInTeam = s.wants(.newInTeam)
            assigned = s.wants(.assigned)
            customerReplied = s.wants(.customerReplied)
            mentioned = s.wants(.mentioned)
            slaEscalation = s.wants(.slaEscalation)
            sideConversation = s.wants(.sideConversation)
        }

        /// `current` with the choices this body makes.
        func applied(to current: NotificationSettings) -> NotificationSettings {
            var off = current.off
            for (kind, on) in [(NotificationKind.newInTeam, newInTeam), (.assigned, assigned), (.customerReplied, customerReplied), (.mentioned, mentioned),
                                  (.slaEscalation, slaEscalation), (.sideConversation, sideConversation)] {
                guard let on else { continue }
                if on { off.remove(kind) } else { off.insert(kind) }
            }
            return NotificationSettings(off: off)
        }
    }

    static func target(_ req: Request) async throws -> (Principal, Int64) {
        let principal = try await req.authorize(.viewTickets)
        let id = try req.id(what: "user")
        guard id == principal.user.id || principal.user.role.allows(.manageUsers) else {
            throw DomainError.forbidden("you may only change your own notifications")
        }
        return (principal, id)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let (_, id) = try await target(req)
        guard try await req.store.read({ try await $0.user(id: id) }) != nil else { throw DomainError.notFound("user") }
        return try respond(SettingsDTO(try await req.store.read { try await $0.notificationSettings(userId: id) }))
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let (principal, id) = try await target(req)
        let body = try req.body(SettingsDTO.self)
        let actor = principal.actor
        let settings = try await req.store.write { ctx in
            let settings = body.applied(to: try await ctx.reader.notificationSettings(userId: id))
            try await ctx.setNotificationSettings(settings, userId: id, actor: actor)
            return settings
        }
        return try respond(SettingsDTO(settings))
    }
}
