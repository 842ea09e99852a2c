import Foundation

/// The kinds of record that changes are about.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case ticket, message, contact, organization, user, team, view, customField = "custom_field"
    case apiToken = "api_token", workspace, session, mailbox
    case slaPolicy = "sla_policy", businessHours = "business_hours", skill, automation, macro
}

/// Who caused a change.
public struct Actor: Sendable, Codable, Equatable {
    public enum Kind: String, Codable, Sendable { case user, contact, system }
    public var kind: Kind
    public var id: Int64?

    public init(kind: Kind, id: Int64?) {
        self.kind = kind
        self.id = id
    }

    public static let system = Actor(kind: .system, id: nil)
    public static func user(_ id: Int64) -> Actor { Actor(kind: .user, id: id) }
    public static func contact(_ id: Int64) -> Actor { Actor(kind: .contact, id: id) }
}

/// Every state change the system makes, named. The outbox stores the raw value as the event type.
public enum DomainEventType: String, Codable, Sendable, CaseIterable {
    case ticketCreated = "ticket.created"
    case ticketUpdated = "ticket.updated"
    case ticketMerged = "ticket.merged"
    case ticketSplit = "ticket.split"
    case ticketLinked = "ticket.linked"
    case ticketUnlinked = "ticket.unlinked"
    case messageAdded = "message.added"
    case contactCreated = "contact.created"
    case contactUpdated = "contact.updated"
    case contactMerged = "contact.merged"
    case organizationCreated = "organization.created"
    case organizationUpdated = "organization.updated"
    case userCreated = "user.created"
    case userUpdated = "user.updated"
    case teamCreated = "team.created"
    case teamUpdated = "team.updated"
    case teamDeleted = "team.deleted"
    case viewCreated = "view.created"
    case viewUpdated = "view.updated"
    case viewDeleted = "view.deleted"
    case customFieldCreated = "custom_field.created"
    case customFieldUpdated = "custom_field.updated"
    case tokenCreated = "api_token.created"
    case tokenRevoked = "api_token.revoked"
    case workspaceCreated = "workspace.created"
    case workspaceUpdated = "workspace.updated"
    case mailboxCreated = "mailbox.created"
    case mailboxUpdated = "mailbox.updated"
    case slaPolicyCreated = "sla_policy.created"
    case slaPolicyUpdated = "sla_policy.updated"
    case slaPolicyDeleted = "sla_policy.deleted"
    case businessHoursCreated = "business_hours.created"
    case businessHoursUpdated = "business_hours.updated"
    case businessHoursDeleted = "business_hours.deleted"
    case skillCreated = "skill.created"
    case skillUpdated = "skill.updated"
    case skillDeleted = "skill.deleted"
    case automationCreated = "automation.created"
    case automationUpdated = "automation.updated"
    case automationDeleted = "automation.deleted"
    case macroCreated = "macro.created"
    case macroUpdated = "macro.updated"
    case macroDeleted = "macro.deleted"
    /// An automation rule acted on a ticket.
    case ticketAutomated = "ticket.automated"
    /// Running SLA targets passed their due time, with the escalations that ran at that time.
    case ticketSLABreached = "ticket.sla_breached"
    /// Escalations acted on a ticket (an SLA round's without a missed target, or an agent's).
    case ticketEscalated = "ticket.escalated"
    /// Staff started a side conversation on a ticket.
    case sideConversationStarted = "ticket.side_conversation_started"
    /// A message was added to a side conversation (its members are told).
    case sideConversationReplied = "ticket.side_conversation_replied"
    /// A side conversation was closed or opened again.
    case sideConversationUpdated = "ticket.side_conversation_updated"

    /// The audit action word for this event ("created", "updated", …).
    /// (Both read the raw value's bytes: every event recorded asks, and splitting was 5 % of an SLA round.)
    public var action: String {
        let raw = rawValue
        guard let dot = raw.utf8.lastIndex(of: UInt8(ascii: ".")) else { return raw }
        return String(raw[raw.utf8.index(after: dot)...])
    }
    /// The entity type the event is about.
    public var entity: EntityType {
        let raw = rawValue
        guard let dot = raw.utf8.firstIndex(of: UInt8(ascii: ".")) else { return EntityType(rawValue: raw) ?? .workspace }
        return EntityType(rawValue: String(raw[..<dot])) ?? .workspace
    }
}

/// One change, as the outbox carries it to consumers (audit, realtime, automations, webhooks).
public struct DomainEvent: Sendable, Equatable {
    /// Position in the outbox; assigned when stored.
    public var sequence: Int64
    public var type: DomainEventType
    public var entityId: Int64
    public var actor: Actor
    public var occurredAt: Date
    /// The state after the change, or the details of the change.
    public var payload: JSONText

    public init(sequence: Int64 = 0, type: DomainEventType, entityId: Int64, actor: Actor, occurredAt: Date, payload: JSONText) {
        self.sequence = sequence
        self.type = type
        self.entityId = entityId
        self.actor = actor
        self.occurredAt = occurredAt
        self.payload = payload
    }
}

/// One append-only audit record. Records form a hash chain: each carries the SHA-256 of its
/// predecessor, so altering or removing one breaks every link after it.
public struct AuditEvent: Sendable, Equatable {
    public var sequence: Int64
    public var occurredAt: Date
    public var actor: Actor
    public var entity: EntityType
    public var entityId: Int64
    public var action: String
    /// The record before and after the change, as stored (canonical JSON text).
    public var before: JSONText?
    public var after: JSONText?
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, occurredAt: Date, actor: Actor, entity: EntityType, entityId: Int64, action: String,
        before: JSONText?, after: JSONText?, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.entity = entity
        self.entityId = entityId
        self.action = action
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the chain's start.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The bytes hashed for this event: every field but `hash`, in a fixed order.
    public var hashInput: Data {
        let ms = Int64((occurredAt.timeIntervalSince1970 * 1000).rounded())
        // The fields joined by U+001F, written straight into one buffer (an SLA round hashes
        // hundreds of thousands of these).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(previousHash.utf8.count + (before?.text.utf8.count ?? 0) + (after?.text.utf8.count ?? 0) + 96)
        func field(_ text: String, last: Bool = false) {
            bytes.append(contentsOf: text.utf8)
            if !last { bytes.append(0x1F) }
        }
        field(previousHash)
        field(String(sequence))
        field(String(ms))
        field(actor.kind.rawValue)
        field(actor.id.map(String.init) ?? "")
        field(entity.rawValue)
        field(String(entityId))
        field(action)
        field(before?.text ?? "")
        field(after?.text ?? "", last: true)
        return Data(bytes)
    }
}

/// Checks an audit chain in sequence order.
public enum AuditChain {
    /// What verification found.
    public enum Finding: Sendable, Equatable {
        case intact(count: Int)
        /// The event whose stored hash does not match its content.
        case altered(sequence: Int64)
        /// An event's predecessor hash does not match the event before it (one was removed or altered).
        case broken(sequence: Int64)
        /// Sequence numbers skip: the events in between were removed.
        case missing(after: Int64, next: Int64)
    }

    /// Verifies `events` (sorted by sequence) with the given hash function (hex SHA-256).
    public static func verify(_ events: [AuditEvent], startingAfter previous: (sequence: Int64, hash: String)? = nil, hash: (Data) -> String) -> Finding {
        var prevHash = previous?.hash ?? AuditEvent.genesisHash
        var prevSeq = previous?.sequence ?? 0
        for e in events {
            if e.sequence != prevSeq + 1 { return .missing(after: prevSeq, next: e.sequence) }
            if e.previousHash != prevHash { return .broken(sequence: e.sequence) }
            if hash(e.hashInput) != e.hash { return .altered(sequence: e.sequence) }
            prevHash = e.hash
            prevSeq = e.sequence
        }
        return .intact(count: events.count)
    }
}
