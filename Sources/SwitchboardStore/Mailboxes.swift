import Foundation
import SQLKit
import SwitchboardCore

/// What creating or changing a mailbox takes (validated by the caller).
public struct MailboxInput: Sendable {
    public var name: String
    public var address: EmailAddress
    public var fromName: String?
    public var teamId: Int64?
    public var signature: String?
    public var acknowledgement: String?
    public var active: Bool
    public var imap: IMAPSettings?
    public var smtp: SMTPSettings?

    public init(
        name: String, address: EmailAddress, fromName: String?, teamId: Int64?, signature: String?, acknowledgement: String? = nil, active: Bool,
        imap: IMAPSettings?, smtp: SMTPSettings?
    ) {
        self.acknowledgement = acknowledgement
        self.name = name
        self.address = address
        self.fromName = fromName
        self.teamId = teamId
        self.signature = signature
        self.active = active
        self.imap = imap
        self.smtp = smtp
    }
}

/// One line of the mail log: a message that came in or went out, and what became of it.
public struct MailLogEntry: Sendable, Equatable {
    public var id: Int64
    public var mailboxId: Int64
    public var direction: String
    public var messageId: String
    public var ticketId: Int64?
    public var messageRowId: Int64?
    public var sender: String?
    public var outcome: InboundOutcome
    public var problems: [String]
    public var rawSHA256: String?
    public var size: Int64
    public var createdAt: Date
}

extension ReadContext {
    public func mailboxes() async throws -> [SupportMailbox] {
        try await sql.raw("SELECT * FROM mailboxes ORDER BY name, id").all().map(Self.mailbox)
    }

    public func mailbox(id: Int64) async throws -> SupportMailbox? {
        try await sql.raw("SELECT * FROM mailboxes WHERE id = \(bind: id)").first().map(Self.mailbox)
    }

    /// Every address of our own mailboxes, lower-cased: mail from them is never taken in.
    public func mailboxAddresses() async throws -> Set<String> {
        Set(try await sql.raw("SELECT address FROM mailboxes").all(decodingColumn: "address", as: String.self))
    }

    /// The secret that signs reply addresses.
    public func mailSecret() async throws -> String {
        try await sql.raw("SELECT mail_secret FROM workspace WHERE id = 1").first(decodingColumn: "mail_secret", as: String.self) ?? ""
    }

    /// The log entry of a message already taken by this mailbox, if any.
    public func mailLog(mailboxId: Int64, direction: String, messageId: String) async throws -> MailLogEntry? {
        try await sql.raw(
            """
            SELECT * FROM mail_log WHERE mailbox_id = \(bind: mailboxId) AND direction = \(bind: direction) AND message_id = \(bind: messageId)
            """
        ).first().map(Self.logEntry)
    }

    /// The ticket of the newest logged message (in or out, any mailbox) among these Message-IDs.
    public func ticketForMessageIds(_ ids: [String]) async throws -> Int64? {
        let ids = Array(Set(ids.filter { !$0.isEmpty }).prefix(100))
        guard !ids.isEmpty else { return nil }
        return try await sql.raw(
            """
            SELECT ticket_id FROM mail_log WHERE message_id IN (\(binds: ids)) AND ticket_id IS NOT NULL ORDER BY id DESC LIMIT 1
            """
        ).first(decodingColumn: "ticket_id", as: Int64.self)
    }

    public func mailLog(id: Int64) async throws -> MailLogEntry? {
        try await sql.raw("SELECT * FROM mail_log WHERE id = \(bind: id)").first().map(Self.logEntry)
    }

    /// A ticket's mail conversation: the Message-IDs of every message it took in or sent, in
    /// order, and the mailbox its last inbound message came to.
    public func mailThread(ticketId: Int64) async throws -> (messageIds: [String], mailboxId: Int64?) {
        let rows = try await sql.raw(
            "SELECT message_id, mailbox_id, direction FROM mail_log WHERE ticket_id = \(bind: ticketId) ORDER BY id"
        ).all()
        var ids: [String] = []
        var mailbox: Int64?
        for row in rows {
            let id = try row.decode(column: "message_id", as: String.self)
            if !id.hasPrefix("sha256:") { ids.append(id) }
            if try row.decode(column: "direction", as: String.self) == "in" { mailbox = try row.decode(column: "mailbox_id", as: Int64.self) }
        }
        return (ids, mailbox)
    }

    /// How many messages came in from `sender` since `since`, in every mailbox.
    public func mailCount(from sender: String, since: Date) async throws -> Int {
        Int(try await sql.raw(
            "SELECT COUNT(*) AS n FROM mail_log WHERE sender = \(bind: sender) AND direction = 'in' AND created_at >= \(bind: since.ms)"
        ).first(decodingColumn: "n", as: Int64.self) ?? 0)
    }

    /// Whether an acknowledgement went to `address` since `since`.
    public func acknowledged(_ address: String, since: Date) async throws -> Bool {
        try await sql.raw(
            "SELECT 1 AS yes FROM mail_log WHERE direction = 'out' AND automatic = 1 AND recipient = \(bind: address) AND created_at >= \(bind: since.ms)"
        ).first() != nil
    }

    /// When mail to `address` last bounced, if it did since its owner last wrote.
    public func bouncedAt(_ address: String) async throws -> Date? {
        try await sql.raw("SELECT bounced_at FROM contact_identities WHERE kind = 'email' AND value = \(bind: address)")
            .first(decodingColumn: "bounced_at", as: Int64?.self).flatMap { $0 }.map(Date.init(ms:))
    }

    /// Newest first; `outcome` narrows to one kind (e.g. the messages that could not be read).
    public func mailLog(outcome: InboundOutcome?, limit: Int) async throws -> [MailLogEntry] {
        let filter: SQLQueryString = outcome.map { "WHERE outcome = \(bind: $0.rawValue)" } ?? ""
        return try await sql.raw("SELECT * FROM mail_log \(filter) ORDER BY id DESC LIMIT \(bind: Int64(limit))").all().map(Self.logEntry)
    }

    static func mailbox(_ row: any SQLRow) throws -> SupportMailbox {
        SupportMailbox(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            address: try row.decode(column: "address", as: String.self), fromName: try row.decode(column: "from_name", as: String?.self),
            teamId: try row.decode(column: "team_id", as: Int64?.self), signature: try row.decode(column: "signature", as: String?.self),
            acknowledgement: try row.decode(column: "acknowledgement", as: String?.self), active: try row.decode(column: "active", as: Int64.self) != 0,
            imap: try row.decode(column: "imap", as: String?.self).map { try decodeJSON(IMAPSettings.self, $0) },
            smtp: try row.decode(column: "smtp", as: String?.self).map { try decodeJSON(SMTPSettings.self, $0) },
            createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(ms: try row.decode(column: "updated_at", as: Int64.self)))
    }

    static func logEntry(_ row: any SQLRow) throws -> MailLogEntry {
        MailLogEntry(
            id: try row.decode(column: "id", as: Int64.self), mailboxId: try row.decode(column: "mailbox_id", as: Int64.self),
            direction: try row.decode(column: "direction", as: String.self), messageId: try row.decode(column: "message_id", as: String.self),
            ticketId: try row.decode(column: "ticket_id", as: Int64?.self), messageRowId: try row.decode(column: "message_row_id", as: Int64?.self),
            sender: try row.decode(column: "sender", as: String?.self),
            outcome: InboundOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .failed,
            problems: try decodeJSONList([String].self, try row.decode(column: "problems", as: String.self)),
            rawSHA256: try row.decode(column: "raw_sha256", as: String?.self), size: try row.decode(column: "size", as: Int64.self),
            createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)))
    }
}

extension WriteContext {
    public func createMailbox(_ input: MailboxInput, actor: Actor) async throws -> SupportMailbox {
        try await checkMailbox(input, id: nil)
        guard let id = try await sql.raw(
            """
            INSERT INTO mailboxes (name, address, from_name, team_id, signature, acknowledgement, active, imap, smtp, created_at, updated_at)
            VALUES (\(bind: input.name), \(bind: input.address.value), \(bind: input.fromName), \(bind: input.teamId), \(bind: input.signature),
              \(bind: input.acknowledgement),
              \(bind: input.active ? 1 : 0 as Int64), \(bind: input.imap.map(encodeJSON)), \(bind: input.smtp.map(encodeJSON)),
              \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        guard let mailbox = try await reader.mailbox(id: id) else { throw StoreError.corrupt("mailbox vanished") }
        try await record(.mailboxCreated, entityId: id, actor: actor, after: JSONText(Self.withoutSecrets(mailbox)))
        return mailbox
    }

    public func updateMailbox(id: Int64, _ input: MailboxInput, actor: Actor) async throws -> SupportMailbox {
        guard let before = try await reader.mailbox(id: id) else { throw DomainError.notFound("mailbox") }
        try await checkMailbox(input, id: id)
        try await sql.raw(
            """
            UPDATE mailboxes SET name = \(bind: input.name), address = \(bind: input.address.value), from_name = \(bind: input.fromName),
              team_id = \(bind: input.teamId), signature = \(bind: input.signature), acknowledgement = \(bind: input.acknowledgement), active = \(bind: input.active ? 1 : 0 as Int64),
              imap = \(bind: input.imap.map(encodeJSON)), smtp = \(bind: input.smtp.map(encodeJSON)), updated_at = \(bind: now.ms)
            WHERE id = \(bind: id)
            """
        ).run()
        guard let after = try await reader.mailbox(id: id) else { throw StoreError.corrupt("mailbox vanished") }
        try await record(
            .mailboxUpdated, entityId: id, actor: actor, before: JSONText(Self.withoutSecrets(before)), after: JSONText(Self.withoutSecrets(after)))
        return after
    }

    /// Marks mail to `address` as bouncing (nil clears it: its owner wrote again).
    public func setBounced(_ address: String, at: Date?) async throws {
        try await sql.raw(
            "UPDATE contact_identities SET bounced_at = \(bind: at?.ms) WHERE kind = 'email' AND value = \(bind: address)"
        ).run()
    }

    /// Logs a message that came in or went out (in the transaction that stored its result).
    public func logMail(
        mailboxId: Int64, direction: String, messageId: String, ticketId: Int64?, messageRowId: Int64?, sender: String?,
        outcome: InboundOutcome, problems: [String], rawSHA256: String?, size: Int, recipient: String? = nil, automatic: Bool = false
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO mail_log (mailbox_id, direction, message_id, ticket_id, message_row_id, sender, outcome, problems, raw_sha256, size,
              recipient, automatic, created_at)
            VALUES (\(bind: mailboxId), \(bind: direction), \(bind: messageId), \(bind: ticketId), \(bind: messageRowId), \(bind: sender),
              \(bind: outcome.rawValue), \(bind: encodeJSON(problems)), \(bind: rawSHA256), \(bind: Int64(size)), \(bind: recipient),
              \(bind: automatic ? 1 : 0 as Int64), \(bind: now.ms))
            """
        ).run()
    }

    private func checkMailbox(_ input: MailboxInput, id: Int64?) async throws {
        if let existing = try await sql.raw("SELECT id FROM mailboxes WHERE address = \(bind: input.address.value)").first(decodingColumn: "id", as: Int64.self),
            existing != id
        {
            throw DomainError.conflict(field: "address", "a mailbox with this address already exists")
        }
        if let team = input.teamId, try await sql.raw("SELECT id FROM teams WHERE id = \(bind: team)").first() == nil {
            throw DomainError.invalid(field: "team_id", "team \(team) does not exist")
        }
    }

    /// The audit trail never holds mail server passwords.
    static func withoutSecrets(_ m: SupportMailbox) -> SupportMailbox {
        var m = m
        if let password = m.imap?.password, !password.isEmpty { m.imap?.password = "********" }
        if let password = m.smtp?.password, !password.isEmpty { m.smtp?.password = "********" }
        return m
    }
}
