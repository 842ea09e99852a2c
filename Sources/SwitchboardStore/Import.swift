import Foundation
import SQLKit
import SwitchboardCore

/// A message of an imported conversation, with its original time.
public struct ImportedMessage: Sendable {
    public var authorKind: AuthorKind
    public var authorId: Int64?
    public var visibility: MessageVisibility
    public var body: String
    public var createdAt: Date

    public init(authorKind: AuthorKind, authorId: Int64?, visibility: MessageVisibility, body: String, createdAt: Date) {
        self.authorKind = authorKind
        self.authorId = authorId
        self.visibility = visibility
        self.body = body
        self.createdAt = createdAt
    }
}

extension WriteContext {
    /// Stores a ticket with its past conversation as it happened (demo data, imports from
    /// other help desks): times are kept, report timestamps derived from the messages.
    public func importTicket(_ draft: Ticket, messages: [ImportedMessage], actor: Actor) async throws -> Ticket {
        guard let first = messages.first else { throw DomainError.invalid(field: "messages", "a ticket needs at least one message") }
        var ticket = draft
        ticket.number = try takeTicketNumber()
        ticket.tags = try Tags.normalize(ticket.tags)
        let last = messages.map(\.createdAt).max() ?? first.createdAt
        ticket.createdAt = first.createdAt
        ticket.updatedAt = last
        ticket.firstReplyAt = messages.first { $0.authorKind == .staff && $0.visibility == .public }?.createdAt
        if ticket.status == .solved || ticket.status == .closed { ticket.solvedAt = last }
        if ticket.status == .closed { ticket.closedAt = last }
        if ticket.status == .pending { ticket.pendingSince = last }
        try await replaySLA(&ticket, messages: messages)
        ticket.id = try await insert(ticket)
        try await setTags(ticket: ticket.id, ticket.tags, before: [])
        for m in messages {
            _ = try await insertMessage(
                ticketId: ticket.id, authorKind: m.authorKind, authorId: m.authorId, visibility: m.visibility, channel: ticket.channel,
                body: m.body, createdAt: m.createdAt)
        }
        try await SearchIndex.append(([ticket.subject] + messages.map(\.body)).joined(separator: "\n"), ticket: ticket.id, on: sql)
        try await record(.ticketCreated, entityId: ticket.id, actor: actor, after: JSONText(ticket))
        return ticket
    }
}

extension WriteContext {
    /// Runs the SLA clocks through an imported conversation: opened by its first message,
    /// answered and asked again by the public ones that follow, ending in its status.
    private func replaySLA(_ ticket: inout Ticket, messages: [ImportedMessage]) async throws {
        guard let first = messages.first, !(try await slaEngine().policies.isEmpty) else { return }
        let final = ticket
        ticket.status = .open
        ticket.firstReplyAt = nil
        try await applySLA(&ticket, before: nil, activity: .opened(byStaff: first.authorKind == .staff), at: first.createdAt)
        for m in messages.dropFirst() where m.visibility == .public && m.authorKind != .system {
            let before = ticket
            if m.authorKind == .staff, ticket.firstReplyAt == nil { ticket.firstReplyAt = m.createdAt }
            try await applySLA(&ticket, before: before, activity: m.authorKind == .staff ? .staffReplied : .customerWrote, at: m.createdAt)
        }
        let before = ticket
        ticket = final
        ticket.sla = before.sla
        try await applySLA(&ticket, before: before, activity: nil, at: final.updatedAt)
    }
}

extension ReadContext {
    /// How many tickets are stored.
    public func ticketTotal() async throws -> Int {
        Int(try await sql.raw("SELECT COUNT(*) AS n FROM tickets").first(decodingColumn: "n", as: Int64.self) ?? 0)
    }
}
