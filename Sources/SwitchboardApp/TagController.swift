import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/tags`: the tags in use with their ticket counts, and renaming (or merging) a tag
/// on every ticket that has it.
enum TagController {
    struct TagDTO: Content {
        var name: String
        var count: Int
    }

    struct RenameRequest: Content {
        var from: String
        var to: String
    }

    struct RenameDTO: Content {
        var name: String
        var tickets: Int
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let tags = try await req.store.read { try await $0.tagCounts(limit: 1000) }
        return try respond(Page(items: tags.map { TagDTO(name: $0.tag, count: $0.count) }, nextCursor: nil))
    }

    @Sendable static func rename(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageFields)
        let body = try req.body(RenameRequest.self)
        let (name, count) = try await renameEverywhere(req, from: body.from, to: body.to, actor: principal.actor)
        return try respond(RenameDTO(name: name, tickets: count))
    }

    /// Renames in writes of a few hundred tickets each, so other writes get their turn between
    /// them. Returns the new name and how many tickets changed; an unknown tag is not found.
    static func renameEverywhere(_ req: Request, from: String, to: String, actor: Actor) async throws -> (String, Int) {
        let chunk = 200
        var total = 0
        while true {
            let changed = try await req.store.write { try await $0.renameTag(from, to: to, actor: actor, limit: chunk) }
            total += changed
            if changed < chunk { break }
        }
        guard total > 0 else { throw DomainError.notFound("tag", field: "from") }
        return (try WriteContext.validatedRename(from, to).1, total)
    }
}
