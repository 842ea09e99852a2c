import Foundation

/// An internal conversation beside a ticket, with its own subject and people (Zendesk's side
/// conversations): an agent asks colleagues of another team (sales, billing, engineering)
/// without the customer seeing it and without filling the ticket's timeline.
public struct SideConversation: Sendable, Codable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case open, closed
    }

    /// One message in it, always by staff.
    public struct Entry: Sendable, Codable, Equatable {
        public var id: Int64
        public var authorId: Int64?
        public var body: String
        public var createdAt: Date

        enum CodingKeys: String, CodingKey { case id, authorId = "author_id", body, createdAt = "created_at" }

        public init(id: Int64, authorId: Int64?, body: String, createdAt: Date) {
            self.id = id
            self.authorId = authorId
            self.body = body
            self.createdAt = createdAt
        }
    }

    public var id: Int64
    public var ticketId: Int64
    public var subject: String
    public var status: Status
    /// Who takes part (the one who started it first); each hears of every new message.
    public var memberIds: [Int64]
    public var createdAt: Date
    public var updatedAt: Date
    public var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case id, ticketId = "ticket_id", subject, status, memberIds = "member_ids", createdAt = "created_at", updatedAt = "updated_at"
        case entries = "messages"
    }

    public init(
        id: Int64, ticketId: Int64, subject: String, status: Status = .open, memberIds: [Int64], createdAt: Date, updatedAt: Date? = nil,
        entries: [Entry] = []
    ) {
        self.id = id
        self.ticketId = ticketId
        self.subject = subject
        self.status = status
        self.memberIds = memberIds
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.entries = entries
    }
}
