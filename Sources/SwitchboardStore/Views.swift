import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// The saved views a user can see: their own and the shared ones.
    public func views(visibleTo userId: Int64) async throws -> [SavedView] {
        try await sql.raw("SELECT * FROM views WHERE owner_id = \(bind: userId) OR shared = 1 ORDER BY name, id").all().map(view(from:))
    }

    /// One saved view, or nil.
    public func view(id: Int64) async throws -> SavedView? {
        try await sql.raw("SELECT * FROM views WHERE id = \(bind: id)").first().map(view(from:))
    }

    private func view(from row: any SQLRow) throws -> SavedView {
        SavedView(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            ownerId: try row.decode(column: "owner_id", as: Int64.self), shared: try row.decode(column: "shared", as: Int64.self) != 0,
            filter: try decodeJSON(TicketFilter.self, try row.decode(column: "filter", as: String.self)),
            sort: try TicketSort(parsing: try row.decode(column: "sort", as: String.self)))
    }
}

extension WriteContext {
    /// Saves a new view.
    public func createView(name: String, ownerId: Int64, shared: Bool, filter: TicketFilter, sort: TicketSort, actor: Actor) async throws
        -> SavedView
    {
        guard let id = try await sql.raw(
            """
            INSERT INTO views (name, owner_id, shared, filter, sort, created_at, updated_at)
            VALUES (\(bind: name), \(bind: ownerId), \(bind: shared ? 1 : 0 as Int64), \(bind: encodeJSON(filter)),
              \(bind: sort.description), \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        let view = SavedView(id: id, name: name, ownerId: ownerId, shared: shared, filter: filter, sort: sort)
        try await record(.viewCreated, entityId: id, actor: actor, after: JSONText(view))
        return view
    }

    /// Replaces a view's definition.
    public func updateView(_ view: SavedView, actor: Actor) async throws -> SavedView {
        guard let before = try await reader.view(id: view.id) else { throw DomainError.notFound("view") }
        try await sql.raw(
            """
            UPDATE views SET name = \(bind: view.name), shared = \(bind: view.shared ? 1 : 0 as Int64), filter = \(bind: encodeJSON(view.filter)),
              sort = \(bind: view.sort.description), updated_at = \(bind: now.ms) WHERE id = \(bind: view.id)
            """
        ).run()
        try await record(.viewUpdated, entityId: view.id, actor: actor, before: JSONText(before), after: JSONText(view))
        return view
    }

    /// Deletes a view.
    public func deleteView(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.view(id: id) else { throw DomainError.notFound("view") }
        try await sql.raw("DELETE FROM views WHERE id = \(bind: id)").run()
        try await record(.viewDeleted, entityId: id, actor: actor, before: JSONText(before))
    }
}
