import Foundation

/// The lifecycle state of a ticket: `new → open → pending | on_hold → solved → closed`.
public enum TicketStatus: String, Codable, Sendable, CaseIterable {
    case new
    case open
    case pending
    case onHold = "on_hold"
    case solved
    case closed

    /// Whether a ticket in this status still needs work from the team.
    public var isUnsolved: Bool { self != .solved && self != .closed }

    /// The statuses a ticket may move to from this one.
    ///
    /// A ticket never goes back to `new`, and `closed` is final: a reply to a closed ticket
    /// opens a follow-up ticket instead.
    public var allowedTargets: Set<TicketStatus> {
        switch self {
        case .new: [.open, .pending, .onHold, .solved, .closed]
        case .open: [.pending, .onHold, .solved, .closed]
        case .pending: [.open, .onHold, .solved, .closed]
        case .onHold: [.open, .pending, .solved, .closed]
        case .solved: [.open, .pending, .onHold, .closed]
        case .closed: []
        }
    }

    /// Checks a transition; staying in the same status is always allowed (a no-op).
    public func transition(to target: TicketStatus) throws(DomainError) -> TicketStatus {
        if target == self { return self }
        guard allowedTargets.contains(target) else {
            if self == .closed {
                throw .invalidTransition(field: "status", "a closed ticket is final; reply to open a follow-up ticket")
            }
            throw .invalidTransition(field: "status", "a ticket cannot move from \(rawValue) to \(target.rawValue)")
        }
        return target
    }

    /// The status after a customer replies: a solved ticket reopens, pending goes back to open.
    public var afterCustomerReply: TicketStatus {
        switch self {
        case .new: .new
        case .open, .pending, .onHold, .solved: .open
        case .closed: .closed
        }
    }

    /// The status after a message: a customer's reopens (`afterCustomerReply`), the team's first
    /// public reply opens a new ticket, an internal note changes nothing.
    public func afterMessage(by author: AuthorKind, visibility: MessageVisibility) -> TicketStatus {
        switch (author, visibility) {
        case (.contact, _): afterCustomerReply
        case (.staff, .public): self == .new ? .open : self
        default: self
        }
    }
}

/// How urgent a ticket is.
public enum TicketPriority: String, Codable, Sendable, CaseIterable {
    case low, normal, high, urgent

    /// Higher is more urgent; used for sorting.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }
}

/// What kind of request a ticket is.
public enum TicketType: String, Codable, Sendable, CaseIterable {
    case question, incident, problem, task, complaint
    case returnExchange = "return_exchange"
    case feedback
}

/// Where a ticket or message came from.
public enum ChannelKind: String, Codable, Sendable, CaseIterable {
    case email, chat, phone, web, messaging, api
}
