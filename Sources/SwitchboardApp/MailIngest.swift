import Foundation
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// Takes one inbound message for a mailbox, however it arrived (mailgate or IMAP): keeps the
/// raw bytes, takes each Message-ID once, ignores our own mail, threads it onto its ticket or
/// opens a new one, stores its files, and logs what became of it, all in one write. Mail that
/// cannot be read is kept raw and logged as failed, never dropped.
enum MailIngest {
    struct Result: Content, Equatable {
        var outcome: InboundOutcome
        var ticketId: Int64?
        var messageId: Int64?
        var problems: [String]

        enum CodingKeys: String, CodingKey {
            case outcome, problems
            case ticketId = "ticket_id", messageId = "message_id"
        }
    }

    static func take(_ raw: [UInt8], mailbox: SupportMailbox, app: Application) async throws -> Result {
        let files = FileStore(dataDirectory: app.config.dataDirectory)
        let rawFile = try files.put(Data(raw), filename: "message.eml", contentType: "message/rfc822")
        let mail = MailParser.parse(raw)
        // A message without a Message-ID is known by its content.
        let messageId = mail.messageId ?? "sha256:" + rawFile.sha256
        let store = app.store
        if let seen = try await store.read({ try await $0.mailLog(mailboxId: mailbox.id, direction: "in", messageId: messageId) }) {
            return Result(outcome: .duplicate, ticketId: seen.ticketId, messageId: seen.messageRowId, problems: [])
        }
        let (ours, secret) = try await store.read { ctx in (try await ctx.mailboxAddresses(), try await ctx.mailSecret()) }
        let log: @Sendable (InboundOutcome, Int64?, Int64?, WriteContext) async throws -> Void = { outcome, ticketId, messageRowId, ctx in
            try await ctx.logMail(
                mailboxId: mailbox.id, direction: "in", messageId: messageId, ticketId: ticketId, messageRowId: messageRowId,
                sender: mail.author?.address, outcome: outcome, problems: mail.problems, rawSHA256: rawFile.sha256, size: raw.count)
        }
        guard let author = mail.author, let sender = try? EmailAddress(author.address) else {
            try await store.write { try await log(.failed, nil, nil, $0) }
            return Result(outcome: .failed, ticketId: nil, messageId: nil, problems: mail.problems + ["no sender address"])
        }
        if ours.contains(sender.value) {
            try await store.write { try await log(.ownAddress, nil, nil, $0) }
            return Result(outcome: .ownAddress, ticketId: nil, messageId: nil, problems: [])
        }
        let hourAgo = store.clock().addingTimeInterval(-3600)
        if try await store.read({ try await $0.mailCount(from: sender.value, since: hourAgo) }) >= app.config.mailSenderLimit {
            try await store.write { try await log(.rateLimited, nil, nil, $0) }
            return Result(outcome: .rateLimited, ticketId: nil, messageId: nil, problems: ["more than \(app.config.mailSenderLimit) messages in an hour"])
        }
        let stored = try mail.attachments.enumerated().map { i, a in
            var file = try files.put(Data(a.data), filename: a.filename ?? "attachment-\(i + 1)", contentType: a.contentType)
            file.contentId = a.contentId
            return file
        }
        let kind = SenderKind.classify(mail)
        let body = Self.body(mail)
        let recipients = (mail.to + mail.cc).map(\.address) + mail.headers.all("Delivered-To") + mail.headers.all("X-Original-To")
        do {
            return try await store.write { ctx in
                let ticketId = try await thread(mail, sender: sender, recipients: recipients, mailbox: mailbox, secret: secret, ctx: ctx)
                let outcome: InboundOutcome
                let ticket: Ticket
                let message: Message
                if kind == .bounce {
                    for address in failedRecipients(mail) { try await ctx.setBounced(address, at: ctx.now) }
                    guard let ticketId else {
                        try await log(.bounce, nil, nil, ctx)
                        return Result(outcome: .bounce, ticketId: nil, messageId: nil, problems: mail.problems)
                    }
                    (ticket, message) = try await ctx.addMessage(
                        ticketId: ticketId, authorKind: .system, authorId: nil, visibility: .internal, channel: .email,
                        body: "Undelivered mail returned to sender (\(sender.value)):\n\n" + body, externalId: messageId, actor: .system)
                    outcome = .bounce
                } else if let ticketId {
                    let contact = try await ctx.findOrCreateContact(email: sender, name: author.name, actor: .system)
                    (ticket, message) = try await ctx.addMessage(
                        ticketId: ticketId, authorKind: .contact, authorId: contact.id, visibility: .public, channel: .email, body: body,
                        externalId: messageId, actor: .contact(contact.id))
                    outcome = .appended
                } else {
                    let subject = (mail.subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    ticket = try await ctx.createTicket(
                        NewTicket(
                            subject: String((subject.isEmpty ? "(no subject)" : subject).prefix(Limits.subject)), body: body,
                            requesterEmail: sender, requesterName: author.name, channel: .email, teamId: mailbox.teamId),
                        actor: .system)
                    guard let first = try await ctx.reader.messages(ticketId: ticket.id).first else { throw StoreError.corrupt("no first message") }
                    message = first
                    outcome = .created
                }
                try await ctx.attach(stored, to: message)
                if let html = mail.html, !html.isEmpty { try await ctx.setMessageHTML(html, messageId: message.id) }
                try await log(outcome, ticket.id, message.id, ctx)
                if kind != .bounce { try await ctx.setBounced(sender.value, at: nil) }
                // A new ticket from a person may be acknowledged; automatic senders never are (two
                // help desks acknowledging each other stop after one), and nobody more than once a day.
                if outcome == .created, kind.mayGetAutomaticAnswer, mailbox.acknowledgement?.isEmpty == false, mailbox.smtp != nil,
                    try await !ctx.reader.acknowledged(sender.value, since: ctx.now.addingTimeInterval(-86_400))
                {
                    try await ctx.enqueueJob(
                        kind: OutboundMail.acknowledgeJob,
                        payload: try encodeJSONText(OutboundMail.AcknowledgePayload(ticketId: ticket.id, mailboxId: mailbox.id, to: sender.value, inReplyTo: mail.messageId)))
                }
                return Result(outcome: outcome, ticketId: ticket.id, messageId: message.id, problems: mail.problems)
            }
        } catch where isUniqueViolation(error) {
            // Another instance took the same message a moment ago.
            let seen = try await store.read { try await $0.mailLog(mailboxId: mailbox.id, direction: "in", messageId: messageId) }
            return Result(outcome: .duplicate, ticketId: seen?.ticketId, messageId: seen?.messageRowId, problems: [])
        }
    }

    /// The ticket a message belongs to, in this order: our signed reply address among its
    /// recipients; a Message-ID it answers that we took in or sent; a `[#number]` tag in its
    /// subject, when the sender is the ticket's requester or wrote on it before.
    static func thread(
        _ mail: MailMessage, sender: EmailAddress, recipients: [String], mailbox: SupportMailbox, secret: String, ctx: WriteContext
    ) async throws -> Int64? {
        if let id = ReplyAddress.ticketId(in: recipients, mailbox: mailbox.address, secret: secret),
            let ticket = try await ctx.reader.ticket(id: id)
        {
            return ticket.mergedIntoId ?? ticket.id
        }
        if let id = try await ctx.reader.ticketForMessageIds(mail.inReplyTo + mail.references.reversed()),
            let ticket = try await ctx.reader.ticket(id: id)
        {
            return ticket.mergedIntoId ?? ticket.id
        }
        if let number = SubjectTag().number(in: mail.subject ?? ""), let ticket = try await ctx.reader.ticket(number: number),
            let contactId = try await ctx.reader.contactId(email: sender.value),
            try await ctx.reader.isParticipant(contactId: contactId, ticketId: ticket.id)
        {
            return ticket.mergedIntoId ?? ticket.id
        }
        return nil
    }

    /// The addresses a delivery status notification reports as failed.
    static func failedRecipients(_ mail: MailMessage) -> [String] {
        let reports = mail.attachments.filter { $0.contentType == "message/delivery-status" }.map { String(decoding: $0.data, as: UTF8.self) }
        var found: [String] = []
        for line in reports.joined(separator: "\n").split(whereSeparator: \.isNewline) {
            let lower = line.lowercased()
            guard lower.hasPrefix("final-recipient:") || lower.hasPrefix("original-recipient:") else { continue }
            let value = line.split(separator: ";", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let address = try? EmailAddress(value), !found.contains(address.value) { found.append(address.value) }
        }
        return found
    }

    /// The text stored on the message: the plain part, else the HTML rendered to text; whole,
    /// quoted history included (the page folds it), cut only at the length a message may have.
    static func body(_ mail: MailMessage) -> String {
        var text = (mail.text ?? mail.html.map(HTMLText.plain) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "(no text)" }
        if text.count > Limits.body { text = String(text.prefix(Limits.body - 40)) + "\n[… cut; the whole message is kept]" }
        return text
    }
}
