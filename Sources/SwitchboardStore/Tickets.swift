import Foundation
import SQLKit
import SwitchboardCore

/// A new ticket as submitted; the first message is the requester's unless `authorUserId` is set.
public struct NewTicket: Sendable {
    public var subject: String
    public var body: String
    public var requesterEmail: EmailAddress
    public var requesterName: String?
    public var priority: TicketPriority
    public var type: TicketType
    public var channel: ChannelKind
    public var tags: [String]
    public var customFields: [String: CustomFieldValue]
    public var assigneeId: Int64?
    public var teamId: Int64?
    public var status: TicketStatus
    /// When staff open the ticket on the customer's behalf.
    public var authorUserId: Int64?
    public var createdAt: Date?

    public init(
        subject: String, body: String, requesterEmail: EmailAddress, requesterName: String?, priority: TicketPriority = .normal,
        type: TicketType = .question, channel: ChannelKind = .api, tags: [String] = [], customFields: [String: CustomFieldValue] = [:],
        assigneeId: Int64? = nil, teamId: Int64? = nil, status: TicketStatus = .new, authorUserId: Int64? = nil, createdAt: Date? = nil
    ) {
        self.subject = subject
        self.body = body
        self.requesterEmail = requesterEmail
        self.requesterName = requesterName
        self.priority = priority
        self.type = type
        self.channel = channel
        self.tags = tags
        self.customFields = customFields
        self.assigneeId = assigneeId
        self.teamId = teamId
        self.status = status
        self.authorUserId = authorUserId
        self.createdAt = createdAt
    }
}

extension ReadContext {
    /// One ticket, or nil.
    public func ticket(id: Int64) async throws -> Ticket? {
        // SQLite prepared this statement anew for every id bound to it: the planner looks at
        // the value to see whether the SLA table's partial indexes could serve the join. As
        // `+?` the id is an expression, not a value, and the writer's kept statement is reused.
        let key: SQLQueryString = dialect == .sqlite ? "+\(bind: id)" : "\(bind: id)"
        return try await sql.raw("\(TicketRow.select) WHERE tickets.id = \(key)").first(TicketRow.self)?.ticket()
    }

    /// One ticket by its human number.
    public func ticket(number: Int64) async throws -> Ticket? {
        try await sql.raw("\(TicketRow.select) WHERE number = \(bind: number)").first(TicketRow.self)?.ticket()
    }

    /// A ticket's timeline, oldest first.
    public func messages(ticketId: Int64, includeInternal: Bool = true) async throws -> [Message] {
        let visibility: SQLQueryString = includeInternal ? "" : " AND visibility = 'public'"
        return try await sql.raw("SELECT * FROM messages WHERE ticket_id = \(bind: ticketId)\(visibility) ORDER BY id")
            .all(MessageRow.self).map { try $0.message() }
    }

    /// One message.
    public func message(id: Int64) async throws -> Message? {
        try await sql.raw("SELECT * FROM messages WHERE id = \(bind: id)").first(MessageRow.self)?.message()
    }

    /// Links of a ticket to others.
    public func links(ticketId: Int64) async throws -> [(kind: TicketLinkKind, otherId: Int64)] {
        try await sql.raw("SELECT kind, other_id FROM ticket_links WHERE ticket_id = \(bind: ticketId) ORDER BY created_at, other_id")
            .all().compactMap { row in
                guard let kind = TicketLinkKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                return (kind, try row.decode(column: "other_id", as: Int64.self))
            }
    }

    /// Active custom field definitions.
    public func customFields() async throws -> [CustomFieldDefinition] {
        try await sql.raw("SELECT * FROM custom_fields ORDER BY id").all().map { row in
            guard let kind = CustomFieldDefinition.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.corrupt("custom field kind")
            }
            return CustomFieldDefinition(
                id: try row.decode(column: "id", as: Int64.self), key: try row.decode(column: "key", as: String.self),
                label: try row.decode(column: "label", as: String.self), kind: kind,
                options: try decodeJSON([String].self, try row.decode(column: "options", as: String.self)),
                required: try row.decode(column: "required", as: Int64.self) != 0,
                active: try row.decode(column: "active", as: Int64.self) != 0)
        }
    }
}

extension WriteContext {
    /// Opens a ticket with its first message.
    public func createTicket(_ new: NewTicket, actor: Actor) async throws -> Ticket {
        guard let result = try await createTickets([(new, actor)]).first else { throw StoreError.corrupt("no result") }
        return try result.get()
    }

    /// The stored columns of a ticket, and its values in that order: one list for insert and update.
    static let ticketColumns = [
        "id", "number", "subject", "status", "priority", "priority_rank", "type", "channel", "requester_id", "organization_id",
        "assignee_id", "team_id", "tags", "custom_fields", "followers", "version", "created_at", "updated_at", "first_reply_at",
        "solved_at", "closed_at", "reopen_count", "merged_into_id", "escalation_level", "pending_since",
    ]

    /// The ticket's values in `ticketColumns` order (its SLA clocks go to `ticket_sla`, see `saveSLA`).
    static func row(_ t: Ticket) -> [any Encodable & Sendable] {
        [
            t.id, t.number, t.subject, t.status.rawValue, t.priority.rawValue, Int64(t.priority.rank), t.type.rawValue,
            t.channel.rawValue, t.requesterId, t.organizationId, t.assigneeId, t.teamId, encodeJSON(t.tags),
            encodeJSON(t.customFields), encodeJSON(t.followerIds), t.version, t.createdAt.ms, t.updatedAt.ms, t.firstReplyAt?.ms,
            t.solvedAt?.ms, t.closedAt?.ms, Int64(t.reopenCount), t.mergedIntoId, Int64(t.escalationLevel), t.pendingSince?.ms,
        ]
    }

    /// Whether two values of a `row` column (integers, text, or nil) are the same. Any other
    /// kind counts as changed, so it is written.
    static func same(_ a: any Encodable & Sendable, _ b: any Encodable & Sendable) -> Bool {
        switch (a, b) {
        case let (a as Int64, b as Int64): a == b
        case let (a as String, b as String): a == b
        case let (a as Int64?, b as Int64?): a == b
        case let (a as String?, b as String?): a == b
        default: false
        }
    }

    static let messageColumns = ["id", "ticket_id", "author_kind", "author_id", "visibility", "channel", "body", "external_id", "created_at"]

    static func row(_ m: Message) -> [any Encodable & Sendable] {
        [m.id, m.ticketId, m.authorKind.rawValue, m.authorId, m.visibility.rawValue, m.channel.rawValue, m.body, m.externalId, m.createdAt.ms]
    }

    /// Stores a new ticket under a freshly reserved id and returns the id.
    func insert(_ t: Ticket) async throws -> Int64 {
        guard let id = try await reserveIds([("tickets", 1)])["tickets"]?.first else { throw StoreError.corrupt("no ticket id") }
        var ticket = t
        ticket.id = id
        try await insertRows("tickets", Self.ticketColumns, [Self.row(ticket)])
        if ticket.sla != nil { try await saveSLA([ticket], engine: try await slaEngine()) }
        return id
    }

    /// Writes the fields of `t` that differ from `before` as stored, and its SLA clocks when
    /// they changed (or it was solved or reopened: that moves its next check). The caller
    /// checked the version. The row goes out with the batch's last statement inside
    /// `deferringWrites`.
    ///
    /// Only the changed columns: SQLite rewrites the entry of every index on a column an
    /// `UPDATE` names, changed or not, and the whole row named four indexes (number, requester,
    /// organization, created) no update changes: a page each in the log at every commit.
    func save(_ t: Ticket, before: Ticket) async throws {
        let row = Self.row(t), stored = Self.row(before)
        let changed = (1..<row.count).filter { !Self.same(row[$0], stored[$0]) }
        if !changed.isEmpty {
            try await runDeferred(
                RowUpdate(table: "tickets", columns: changed.map { Self.ticketColumns[$0] }, values: changed.map { row[$0] }, id: t.id),
                binds: changed.count + 1)
        }
        if t.sla != before.sla || t.status.isUnsolved != before.status.isUnsolved { try await saveSLA([t], engine: try await slaEngine()) }
    }

    /// Stores `tags` as the ticket's tags where `before` are stored: writes only the difference,
    /// in a statement for the removed and one for the added (an update adding a tag to four
    /// sent five), held back inside `deferringWrites`.
    func setTags(ticket id: Int64, _ tags: [String], before: [String]) async throws {
        let kept = Set(tags), had = Set(before)
        let removed = before.filter { !kept.contains($0) }
        if !removed.isEmpty {
            try await runDeferred(
                SQLQueryString("DELETE FROM ticket_tags WHERE ticket_id = \(bind: id) AND tag IN (\(binds: removed))"), binds: removed.count + 1)
        }
        try await insertRows("ticket_tags", ["tag", "ticket_id"], tags.filter { !had.contains($0) }.map { [$0, id] }, deferred: true)
    }

    func insertMessage(
        ticketId: Int64, authorKind: AuthorKind, authorId: Int64?, visibility: MessageVisibility, channel: ChannelKind,
        body: String, externalId: String? = nil, createdAt: Date? = nil
    ) async throws -> Message {
        guard let id = try await reserveIds([("messages", 1)])["messages"]?.first else { throw StoreError.corrupt("no message id") }
        let message = Message(
            id: id, ticketId: ticketId, authorKind: authorKind, authorId: authorId, visibility: visibility, channel: channel,
            body: body, externalId: externalId, createdAt: createdAt ?? now)
        try await insertRows("messages", Self.messageColumns, [Self.row(message)])
        return message
    }

    func validatedCustomFields(_ values: [String: CustomFieldValue], existing: [String: CustomFieldValue]) async throws
        -> [String: CustomFieldValue]
    {
        let definitions = try await customFieldDefinitions()
        let cleaned = try CustomFieldValidator.validate(values, definitions: definitions)
        var merged = existing
        for (key, value) in cleaned { merged[key] = value == .null ? nil : value }
        try CustomFieldValidator.checkRequired(merged, definitions: definitions)
        return merged
    }

    func checkAssignment(assigneeId: Int64?, teamId: Int64?) async throws {
        if let assigneeId {
            guard let user = try await reader.user(id: assigneeId), user.active else {
                throw DomainError.invalid(field: "assignee_id", "user \(assigneeId) does not exist or is inactive")
            }
            guard user.role.allows(.editTickets) else {
                throw DomainError.invalid(field: "assignee_id", "user \(assigneeId) cannot work tickets")
            }
        }
        if let teamId, try await sql.raw("SELECT id FROM teams WHERE id = \(bind: teamId)").first() == nil {
            throw DomainError.invalid(field: "team_id", "team \(teamId) does not exist")
        }
    }

    /// Creates a custom field definition.
    public func createCustomField(
        key: String, label: String, kind: CustomFieldDefinition.Kind, options: [String], required: Bool, actor: Actor
    ) async throws -> CustomFieldDefinition {
        try CustomFieldDefinition.validateDefinition(key: key, label: label, kind: kind, options: options)
        if try await sql.raw("SELECT id FROM custom_fields WHERE key = \(bind: key)").first() != nil {
            throw DomainError.conflict(field: "key", "a custom field with this key already exists")
        }
        guard let id = try await sql.raw(
            """
            INSERT INTO custom_fields (key, label, kind, options, required, active, created_at, updated_at)
            VALUES (\(bind: key), \(bind: label), \(bind: kind.rawValue), \(bind: encodeJSON(options)),
              \(bind: required ? 1 : 0 as Int64), 1, \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        let def = CustomFieldDefinition(id: id, key: key, label: label, kind: kind, options: options, required: required)
        customFieldsChanged = true
        try await record(.customFieldCreated, entityId: id, actor: actor, after: JSONText(def))
        return def
    }
}

/// The outbox payload of events that carry a ticket and one of its messages.
struct TicketEventPayload: Encodable {
    let ticket: Ticket
    let message: Message
    var cause: AutomationCause?
}

/// The outbox payload of `ticket.updated`: the ticket now and as it was, so consumers
/// (notifications, automations, webhooks) see what changed.
struct TicketUpdatePayload: Encodable {
    let ticket: Ticket
    let before: Ticket
    /// Set when automations made the change.
    var cause: AutomationCause?

    /// The payload's JSON built from the two tickets' texts, which the audit event takes too:
    /// the text `JSONText(self)` gives (tested), with two ticket encodings fewer an update
    /// (encoding was a third of an update's time in the writer).
    static func text(ticket: JSONText, before: JSONText, cause: AutomationCause?) -> JSONText {
        // Keys in the encoder's (sorted) order.
        var text = #"{"before":"# + before.text
        if let cause { text += #","cause":"# + JSONText(cause).text }
        return JSONText(stored: text + #","ticket":"# + ticket.text + "}")
    }
}

extension WriteContext {
    /// Records a change of a ticket: the audit event with before and after, and the outbox event.
    func recordTicketUpdate(_ before: Ticket, _ after: Ticket, actor: Actor) async throws {
        let (beforeText, afterText) = (JSONText(before), JSONText(after))
        try await record(
            .ticketUpdated, entityId: after.id, actor: actor, before: beforeText, after: afterText,
            payload: TicketUpdatePayload.text(ticket: afterText, before: beforeText, cause: automationCause))
    }
}
