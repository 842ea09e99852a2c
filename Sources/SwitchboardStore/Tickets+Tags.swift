import Foundation
import SQLKit
import SwitchboardCore

extension WriteContext {
    /// Renames the tag `from` to `to` on at most `limit` tickets and returns how many changed;
    /// the caller repeats until none are left. Where a ticket already has `to`, the two become
    /// one (renaming onto an existing tag merges them). Closed tickets change too: a tag is a
    /// label for finding tickets, not part of the conversation. Each ticket gets a new version
    /// and an audit event, but keeps its updated time, so housekeeping does not reorder inboxes.
    public func renameTag(_ from: String, to: String, actor: Actor, limit: Int) async throws -> Int {
        let (from, to) = try Self.validatedRename(from, to)
        let ids = try await sql.raw(
            "SELECT ticket_id FROM ticket_tags WHERE tag = \(bind: from) ORDER BY ticket_id LIMIT \(bind: Int64(limit))"
        ).all(decodingColumn: "ticket_id", as: Int64.self)
        for id in ids {
            guard let before = try await reader.ticket(id: id) else { continue }
            var ticket = before
            var seen = Set<String>()
            ticket.tags = before.tags.map { $0 == from ? to : $0 }.filter { seen.insert($0).inserted }
            ticket.version += 1
            try await save(ticket, before: before)
            try await setTags(ticket: id, ticket.tags, before: before.tags)
            try await recordTicketUpdate(before, ticket, actor: actor)
        }
        return ids.count
    }

    /// Both names normalized as tags are; they must differ.
    public static func validatedRename(_ from: String, _ to: String) throws(DomainError) -> (String, String) {
        let old = try Tags.normalize([from], field: "from")
        let new = try Tags.normalize([to], field: "to")
        guard let old = old.first, let new = new.first else { throw .invalid(field: "to", "is required") }
        guard old != new else { throw .invalid(field: "to", "is the same tag") }
        return (old, new)
    }
}
