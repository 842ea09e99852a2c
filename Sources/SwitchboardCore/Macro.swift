import Foundation

/// A macro (or canned response): a reply in several languages with placeholders, and field
/// changes, applied by an agent to a ticket in one go. Personal, for a team, or for everyone.
public struct Macro: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    /// Set for a personal macro.
    public var ownerId: Int64?
    /// Set for a team's macro.
    public var teamId: Int64?
    /// Field changes (status, priority, type, assignee, team, tags).
    public var actions: [AutomationAction]
    /// The reply by language (`en`, `uk`, `pl`…); placeholders are filled in when applied.
    public var replies: [String: String]
    /// How often agents applied it.
    public var usageCount: Int

    enum CodingKeys: String, CodingKey {
        case id, name, actions, replies
        case ownerId = "owner_id", teamId = "team_id", usageCount = "usage_count"
    }

    public init(
        id: Int64, name: String, ownerId: Int64? = nil, teamId: Int64? = nil, actions: [AutomationAction] = [], replies: [String: String] = [:],
        usageCount: Int = 0
    ) {
        self.id = id
        self.name = name
        self.ownerId = ownerId
        self.teamId = teamId
        self.actions = actions
        self.replies = replies
        self.usageCount = usageCount
    }

    public static let fieldActions: Set<AutomationAction.Kind> = [.setStatus, .setPriority, .setType, .assign, .setTeam, .addTags, .removeTags]

    /// Checks the macro, naming the field.
    public func validate() throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid(field: "name", "is required") }
        guard trimmed.count <= Limits.name else { throw .invalid(field: "name", "is longer than \(Limits.name) characters") }
        guard ownerId == nil || teamId == nil else { throw .invalid(field: "team_id", "a macro is personal or for a team, not both") }
        guard !actions.isEmpty || replies.values.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
            throw .invalid(field: "replies", "a macro needs a reply or a field change")
        }
        for (i, action) in actions.enumerated() {
            guard Self.fieldActions.contains(action.kind) else {
                throw .invalid(field: "actions[\(i)].kind", "macros change fields; use an automation for \(action.kind.rawValue)")
            }
            try action.validate(field: "actions[\(i)]")
        }
        for (language, text) in replies.sorted(by: { $0.key < $1.key }) {
            guard Self.isLanguageTag(language) else {
                throw .invalid(field: "replies", "\(language) is not a language tag like en, uk or pl")
            }
            guard text.count <= Limits.body else { throw .invalid(field: "replies.\(language)", "is too long") }
            try Placeholders.validate(text, field: "replies.\(language)")
        }
    }

    /// `en`, `uk`, `pt-br`: two or three lower-case letters, optionally a region.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isLetter && $0.isLowercase }
            && (parts.count == 1 || (2...4).contains(parts[1].count))
    }

    /// The reply for a customer speaking `language` (`pl-PL` finds `pl`), else English, else any.
    public func reply(for language: String?) -> String? {
        let wanted = (language ?? "").lowercased()
        if let exact = replies[wanted] { return exact }
        if let base = wanted.split(separator: "-").first.map(String.init), let text = replies[base] { return text }
        return replies["en"] ?? replies.sorted { $0.key < $1.key }.first?.value
    }
}
