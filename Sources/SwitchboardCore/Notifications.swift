import Foundation

/// What a staff member is told by email.
public enum NotificationKind: String, Sendable, Codable, CaseIterable {
    /// A new ticket in one of my teams.
    case newInTeam = "new_in_team"
    /// A ticket was assigned to me.
    case assigned
    /// The customer answered on a ticket I am assigned to or follow.
    case customerReplied = "customer_replied"
    /// Someone mentioned me in an internal note.
    case mentioned
    /// An SLA target of a ticket I work (or my team's, as supervisor) is at risk or missed.
    case slaEscalation = "sla_escalation"
    /// A colleague asked me in a side conversation, or wrote in one I take part in.
    case sideConversation = "side_conversation"
}

/// A staff member's choice per kind; all on unless turned off.
public struct NotificationSettings: Sendable, Codable, Equatable {
    public var off: Set<NotificationKind>

    public init(off: Set<NotificationKind> = []) { self.off = off }

    public func wants(_ kind: NotificationKind) -> Bool { !off.contains(kind) }
}

/// Who an internal note mentions: `@olena` (the part of their email before the @) or
/// `@olena@example.com`, case-insensitive, not inside a longer word.
public enum Mentions {
    public static func userIds(in text: String, among users: [User]) -> [Int64] {
        let lower = text.lowercased()
        var found: [Int64] = []
        for user in users where user.active {
            let email = user.email.lowercased()
            let handle = String(email.prefix { $0 != "@" })
            for token in ["@" + email, "@" + handle] where contains(lower, token) {
                found.append(user.id)
                break
            }
        }
        return found
    }

    /// Whether `token` occurs with no word character right before or after it (a full stop
    /// after it counts as the end of a sentence).
    private static func contains(_ text: String, _ token: String) -> Bool {
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || "_-@.".contains($0) }
        var search = text[...]
        while let range = search.range(of: token) {
            defer { search = text[range.upperBound...] }
            if range.lowerBound > text.startIndex, isWord(text[text.index(before: range.lowerBound)]) { continue }
            guard range.upperBound < text.endIndex else { return true }
            let after = text[range.upperBound]
            if after == "." {
                let next = text.index(after: range.upperBound)
                if next == text.endIndex || text[next].isWhitespace { return true }
                continue
            }
            if !isWord(after) { return true }
        }
        return false
    }
}
