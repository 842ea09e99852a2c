import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The ticket page asks every few seconds who else has the ticket open, and says whether its
/// own agent is typing: the collision warning. (The realtime issue will push this instead.)
enum WebPresence {
    struct Reply: Content {
        struct Viewer: Content {
            var name: String
            var typing: Bool
        }
        var viewers: [Viewer]
        /// The sentence to show, in the agent's language; empty when nobody else is there.
        var text: String
    }

    @Sendable static func poll(_ req: Request) async throws -> Response {
        struct Body: Content { var typing: Bool? }
        let principal = try await req.authorize(.viewTickets)
        let id = try req.id(what: "ticket")
        let typing = (try? req.content.decode(Body.self).typing) ?? false
        let userId = principal.user.id
        try await req.store.write { try await $0.notePresence(ticketId: id, userId: userId, typing: typing) }
        let now = req.store.clock()
        let others = try await req.store.read { try await $0.viewers(ticketId: id, except: userId, now: now) }
        let l = req.localizer(for: principal.user)
        var parts: [String] = []
        let typists = others.filter(\.typing).map(\.name)
        let watchers = others.filter { !$0.typing }.map(\.name)
        if !typists.isEmpty { parts.append(l.text("presence.typing", ["names": typists.joined(separator: ", ")])) }
        if !watchers.isEmpty { parts.append(l.text("presence.viewing", ["names": watchers.joined(separator: ", ")])) }
        return try respond(Reply(viewers: others.map { .init(name: $0.name, typing: $0.typing) }, text: parts.joined(separator: " ")))
    }
}
