import Foundation
import NIOSSL
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// Agent replies by email. The "mail" consumer of the event outbox turns each public staff
/// reply into a `mail.reply` job; the job composes the mail (threaded onto the conversation,
/// with the ticket's signed reply address and `[#number]` tag, the mailbox's signature and the
/// message's files) and hands it to the mailbox's SMTP server, then logs its Message-ID so the
/// customer's answer finds the ticket.
enum OutboundMail {
    static let consumer = "mail"
    static let replyJob = "mail.reply"
    static let acknowledgeJob = "mail.acknowledge"

    struct AcknowledgePayload: Codable {
        var ticketId: Int64
        var mailboxId: Int64
        var to: String
        var inReplyTo: String?
        enum CodingKeys: String, CodingKey {
            case to
            case ticketId = "ticket_id", mailboxId = "mailbox_id", inReplyTo = "in_reply_to"
        }
    }

    /// Acknowledges a new ticket: automatic mail (Auto-Submitted), threaded onto the customer's
    /// message, at most once a day per address.
    static func acknowledge(_ payload: AcknowledgePayload, app: Application) async throws {
        let store = app.store
        let since = store.clock().addingTimeInterval(-86_400)
        let found = try await store.read { ctx -> (SupportMailbox, Ticket, String, Bool)? in
            guard let box = try await ctx.mailbox(id: payload.mailboxId), let ticket = try await ctx.ticket(id: payload.ticketId) else { return nil }
            return (box, ticket, try await ctx.mailSecret(), try await ctx.acknowledged(payload.to, since: since))
        }
        guard let (box, ticket, secret, already) = found, !already, box.smtp != nil, let text = box.acknowledgement, !text.isEmpty else { return }
        let domain = box.domain
        var mail = OutgoingMessage(
            from: Mailbox(name: box.fromName, address: box.address), to: [Mailbox(name: nil, address: payload.to)],
            subject: SubjectTag().tagged("Re: " + ticket.subject, number: ticket.number),
            text: text.replacingOccurrences(of: "{number}", with: String(ticket.number)), date: store.clock())
        mail.replyTo = Mailbox(name: box.fromName, address: ReplyAddress.make(mailbox: box.address, ticketId: ticket.id, secret: secret))
        mail.messageId = "sb-ack-\(ticket.id)@\(domain)"
        mail.inReplyTo = payload.inReplyTo
        mail.references = payload.inReplyTo.map { [$0] } ?? []
        mail.automatic = true
        let (bytes, messageId) = MailComposer.compose(mail)
        try await deliver(bytes, through: box, to: [payload.to], app: app)
        try await store.write { ctx in
            try await ctx.logMail(
                mailboxId: box.id, direction: "out", messageId: messageId, ticketId: ticket.id, messageRowId: nil, sender: box.address,
                outcome: .sent, problems: [], rawSHA256: nil, size: bytes.count, recipient: payload.to, automatic: true)
        }
    }

    struct ReplyPayload: Codable {
        var messageId: Int64
        enum CodingKeys: String, CodingKey { case messageId = "message_id" }
    }

    /// Hands a composed message to a mailbox's SMTP server (trusting the extra CAs configured).
    static func deliver(_ bytes: [UInt8], through box: SupportMailbox, to recipients: [String], app: Application) async throws {
        guard let smtp = box.smtp else { throw SMTPError(code: nil, message: "\(box.address) has no SMTP settings", permanent: true) }
        var client = SMTPClient(
            host: smtp.host, port: smtp.port, security: smtp.security.client, username: smtp.username, password: smtp.password,
            heloName: box.domain)
        client.extraTrustRoots = app.config.mailCAFile.map { [.file($0)] } ?? []
        _ = try await client.send(bytes, from: box.address, to: recipients)
    }

    /// Queues a reply job for every public staff message since the consumer's position.
    static func queueReplies(_ store: Store) async throws -> Int {
        try await OutboxConsumer.round(store, consumer: consumer, types: [.messageAdded]) { _, events in
            try events.compactMap { event in
                guard let payload = try? JSONDecoder().decode(TicketEventPayloadPeek.self, from: Data(event.payload.text.utf8)),
                    payload.message.authorKind == "staff", payload.message.visibility == "public"
                else { return nil }
                return OutboxConsumer.QueuedJob(kind: replyJob, payload: try encodeJSONText(ReplyPayload(messageId: payload.message.id)))
            }
        }
    }

    /// Sends one reply. Errors the server calls permanent are not retried.
    static func sendReply(_ payload: ReplyPayload, app: Application) async throws {
        let store = app.store
        guard let plan = try await store.read({ try await plan($0, messageId: payload.messageId) }) else { return }
        if try await store.read({ try await $0.mailLog(mailboxId: plan.mailbox.id, direction: "out", messageId: plan.mail.messageId ?? "") }) != nil {
            return  // sent before the job could be marked done
        }
        guard plan.mailbox.smtp != nil else { return }
        var mail = plan.mail
        let files = FileStore(dataDirectory: app.config.dataDirectory)
        mail.files = try plan.attachments.map {
            OutgoingMessage.File(filename: $0.filename, contentType: $0.contentType, data: [UInt8](try files.get($0.sha256)))
        }
        let (bytes, messageId) = MailComposer.compose(mail)
        try await deliver(bytes, through: plan.mailbox, to: mail.to.map(\.address) + mail.cc.map(\.address), app: app)
        let recipient = mail.to.first?.address
        try await store.write { ctx in
            try await ctx.logMail(
                mailboxId: plan.mailbox.id, direction: "out", messageId: messageId, ticketId: plan.ticketId, messageRowId: payload.messageId,
                sender: plan.mailbox.address, outcome: .sent, problems: [], rawSHA256: nil, size: bytes.count,
                recipient: recipient)
        }
    }

    struct Plan: Sendable {
        var mailbox: SupportMailbox
        var ticketId: Int64
        var mail: OutgoingMessage
        var attachments: [Attachment]
    }

    /// What to send for a message, or nil when there is nothing to send (no requester email,
    /// no mailbox that can send).
    static func plan(_ ctx: ReadContext, messageId: Int64) async throws -> Plan? {
        guard let message = try await ctx.message(id: messageId), let ticket = try await ctx.ticket(id: message.ticketId),
            let requester = try await ctx.contact(id: ticket.requesterId), let email = requester.emails.first
        else { return nil }
        let boxes = try await ctx.mailboxes().filter { $0.active && $0.smtp != nil }
        let threadIds = try await ctx.mailThread(ticketId: ticket.id)
        guard let mailbox = boxes.first(where: { $0.id == threadIds.mailboxId }) ?? boxes.first else { return nil }
        let author = try await message.authorId.asyncMap { try await ctx.user(id: $0) } ?? nil
        let secret = try await ctx.mailSecret()
        let domain = mailbox.domain
        var text = message.body
        if let signature = mailbox.signature, !signature.isEmpty { text += "\n\n-- \n" + signature }
        var mail = OutgoingMessage(
            from: Mailbox(name: mailbox.fromName ?? author?.name, address: mailbox.address), to: [Mailbox(name: requester.name, address: email)],
            subject: SubjectTag().tagged(ticket.subject.hasPrefix("Re: ") ? ticket.subject : "Re: " + ticket.subject, number: ticket.number),
            text: text, date: message.createdAt)
        mail.html = htmlBody(text)
        mail.replyTo = Mailbox(name: mailbox.fromName, address: ReplyAddress.make(mailbox: mailbox.address, ticketId: ticket.id, secret: secret))
        mail.messageId = "sb-\(message.id).\(ticket.id)@\(domain)"
        mail.inReplyTo = threadIds.messageIds.last
        mail.references = threadIds.messageIds
        let files = try await ctx.attachments(ticketId: ticket.id)[message.id] ?? []
        return Plan(mailbox: mailbox, ticketId: ticket.id, mail: mail, attachments: files)
    }

    /// The reply as simple HTML: paragraphs and line breaks, everything escaped.
    static func htmlBody(_ text: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").map { paragraph in
            "<p>" + HTMLSanitizer.escape(paragraph, quotes: false).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        }
        return "<!doctype html><html><body>" + paragraphs.joined() + "</body></html>"
    }
}

/// Just enough of a `message.added` payload to decide whether to send mail.
private struct TicketEventPayloadPeek: Decodable {
    struct MessagePeek: Decodable {
        var id: Int64
        var authorKind: String
        var visibility: String
        enum CodingKeys: String, CodingKey {
            case id, visibility
            case authorKind = "author_kind"
        }
    }
    var message: MessagePeek
}

extension MailSecurity {
    var client: SMTPClient.Security {
        switch self {
        case .tls: .tls
        case .starttls: .starttls
        case .none: .none
        }
    }
}

func encodeJSONText<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
}

extension SMTPError: SMTPErrorLike {
    var isPermanent: Bool { permanent }
}
