import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// A staff member's notification choices (all on when never changed).
    public func notificationSettings(userId: Int64) async throws -> NotificationSettings {
        guard let raw = try await sql.raw("SELECT off FROM notification_settings WHERE user_id = \(bind: userId)").first(decodingColumn: "off", as: String.self)
        else { return NotificationSettings() }
        return NotificationSettings(off: Set(try decodeJSONList([String].self, raw).compactMap(NotificationKind.init(rawValue:))))
    }

    /// The active members of a team.
    public func teamMembers(_ teamId: Int64) async throws -> [Int64] {
        try await sql.raw(
            "SELECT u.id FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = \(bind: teamId) AND u.active = 1 ORDER BY u.id"
        ).all(decodingColumn: "id", as: Int64.self)
    }
}

extension WriteContext {
    public func setNotificationSettings(_ settings: NotificationSettings, userId: Int64, actor: Actor) async throws {
        guard try await reader.user(id: userId) != nil else { throw DomainError.notFound("user") }
        let off = NotificationKind.allCases.filter(settings.off.contains).map(\.rawValue)
        try await sql.raw("DELETE FROM notification_settings WHERE user_id = \(bind: userId)").run()
        try await sql.raw("INSERT INTO notification_settings (user_id, off) VALUES (\(bind: userId), \(bind: encodeJSON(off)))").run()
        try await record(
            .userUpdated, entityId: userId, actor: actor,
            payload: JSONText(JSONValue.object(["notifications_off": .array(off.map { .string($0) })])))
    }
}
