import Foundation
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// Email notifications for staff: a new ticket in my team, a ticket assigned to me, the
/// customer answered on my ticket (or one I follow), I was mentioned in a note. The "notify"
/// consumer of the event outbox turns events into `mail.notify` jobs; each job checks the
/// person's settings when it runs and sends automatic mail in their language from the first
/// mailbox that can send.
enum Notifications {
    static let consumer = "notify"
    static let job = "mail.notify"

    struct Payload: Codable {
        var userId: Int64
        var ticketId: Int64
        var kind: NotificationKind
        var messageId: Int64?
        /// The event's place in the outbox, for notices that carry no message (escalations).
        var eventSeq: Int64?
        enum CodingKeys: String, CodingKey {
            case kind
            case userId = "user_id", ticketId = "ticket_id", messageId = "message_id", eventSeq = "event_seq"
        }
    }

    private struct TicketPeek: Decodable {
        var id: Int64
        var assigneeId: Int64?
        var teamId: Int64?
        var followerIds: [Int64]?
        enum CodingKeys: String, CodingKey {
            case id
            case assigneeId = "assignee_id", teamId = "team_id", followerIds = "follower_ids"
        }
    }

    private struct MessagePeek: Decodable {
        var id: Int64
        var authorKind: String
        var authorId: Int64?
        var visibility: String
        var body: String
        enum CodingKeys: String, CodingKey {
            case id, visibility, body
            case authorKind = "author_kind", authorId = "author_id"
        }
    }

    private struct EscalationPeek: Decodable {
        var actions: [String]
        /// Who had the ticket at this step: its assignee before and after, and its team after
        /// (in the `escalations` of events written since they are grouped).
        var previousAssigneeId: Int64?
        var assigneeId: Int64?
        var teamId: Int64?
        enum CodingKeys: String, CodingKey {
            case actions
            case previousAssigneeId = "previous_assignee_id", assigneeId = "assignee_id", teamId = "team_id"
        }
    }

    private struct EventPeek: Decodable {
        var ticket: TicketPeek
        var message: MessagePeek?
        var before: TicketPeek?
        /// An SLA event's escalations (one `escalation` in events written before they were grouped).
        var escalations: [EscalationPeek]?
        var escalation: EscalationPeek?
        var conversation: ConversationPeek?
    }

    private struct ConversationPeek: Decodable {
        var memberIds: [Int64]
        enum CodingKeys: String, CodingKey { case memberIds = "member_ids" }
    }

    /// Queues a job per person to tell, for the events since the consumer's position.
    static func queue(_ store: Store) async throws -> Int {
        let types: Set<DomainEventType> = [
            .ticketCreated, .ticketUpdated, .messageAdded, .ticketEscalated, .ticketSLABreached, .sideConversationStarted, .sideConversationReplied,
        ]
        return try await OutboxConsumer.round(store, consumer: consumer, types: types) { reader, events in
            var queued: [OutboxConsumer.QueuedJob] = []
            var staff: [User]?
            for event in events {
                guard let peek = try? JSONDecoder().decode(EventPeek.self, from: Data(event.payload.text.utf8))
                else { continue }
                let actor = event.actor.kind == .user ? event.actor.id : nil
                var tell: [(Int64, NotificationKind)] = []
                let ticket = peek.ticket
                switch event.type {
                case .ticketCreated:
                    if let assignee = ticket.assigneeId { tell.append((assignee, .assigned)) }
                    if let team = ticket.teamId { tell += try await reader.teamMembers(team).map { ($0, .newInTeam) } }
                case .ticketUpdated:
                    if let assignee = ticket.assigneeId, assignee != peek.before?.assigneeId { tell.append((assignee, .assigned)) }
                case .messageAdded:
                    guard let message = peek.message else { break }
                    if message.authorKind == "contact", message.visibility == "public" {
                        tell += ([ticket.assigneeId].compactMap { $0 } + (ticket.followerIds ?? [])).map { ($0, .customerReplied) }
                    } else if message.authorKind == "staff", message.visibility == "internal", message.body.contains("@") {
                        if staff == nil { staff = try await reader.users() }
                        tell += Mentions.userIds(in: message.body, among: staff ?? []).map { ($0, .mentioned) }
                    }
                case .ticketEscalated, .ticketSLABreached:
                    // Each step tells who had the ticket then; an event written before they were
                    // grouped holds one `escalation`, the ticket after it and `before`.
                    var steps = peek.escalations ?? []
                    if var one = peek.escalation {
                        (one.previousAssigneeId, one.assigneeId, one.teamId) = (peek.before?.assigneeId, ticket.assigneeId, ticket.teamId)
                        steps.append(one)
                    }
                    for step in steps {
                        if step.actions.contains(SLAEscalation.Action.notifyAssignee.rawValue) {
                            if let assignee = step.assigneeId ?? step.previousAssigneeId {
                                tell.append((assignee, .slaEscalation))
                            } else if let team = step.teamId {
                                tell += try await reader.teamMembers(team).map { ($0, .slaEscalation) }
                            }
                        }
                        if step.actions.contains(SLAEscalation.Action.notifySupervisor.rawValue) {
                            if staff == nil { staff = try await reader.users() }
                            let members = try await step.teamId.asyncMap { Set(try await reader.teamMembers($0)) }
                            tell += (staff ?? []).filter { user in
                                user.active && [.supervisor, .manager].contains(user.role) && (members?.contains(user.id) ?? true)
                            }.map { ($0.id, .slaEscalation) }
                        }
                    }
                case .sideConversationStarted, .sideConversationReplied:
                    tell += (peek.conversation?.memberIds ?? []).map { ($0, .sideConversation) }
                default:
                    break
                }
                var told = Set<Int64>()
                for (userId, kind) in tell where userId != actor && told.insert(userId).inserted {
                    // What they wanted when it happened; the job asks again when it runs.
                    guard try await reader.notificationSettings(userId: userId).wants(kind) else { continue }
                    let payload = Payload(userId: userId, ticketId: ticket.id, kind: kind, messageId: peek.message?.id, eventSeq: event.sequence)
                    queued.append(OutboxConsumer.QueuedJob(kind: job, payload: try encodeJSONText(payload)))
                }
            }
            return queued
        }
    }

    /// Sends one notification, unless the person turned that kind off, left, or no mailbox can send.
    static func send(_ payload: Payload, app: Application) async throws {
        let store = app.store
        let found = try await store.read { ctx -> (User, NotificationSettings, Ticket, SupportMailbox, Message?)? in
            guard let user = try await ctx.user(id: payload.userId), user.active, let ticket = try await ctx.ticket(id: payload.ticketId),
                let box = try await ctx.mailboxes().first(where: { $0.active && $0.smtp != nil })
            else { return nil }
            let message = try await payload.messageId.asyncMap { try await ctx.message(id: $0) } ?? nil
            return (user, try await ctx.notificationSettings(userId: user.id), ticket, box, message)
        }
        guard let (user, settings, ticket, box, message) = found, settings.wants(payload.kind) else { return }
        let l = app.catalogs.localizer(user.locale)
        let link = "\(app.config.publicURL ?? WebPasswordReset.localURL(app))/tickets/\(ticket.id)"
        let arguments = ["number": String(ticket.number), "subject": ticket.subject, "link": link]
        var text = l.text("notify.\(payload.kind.rawValue).body", arguments)
        if let message { text += "\n\n" + QuotedHistory.split(message.body).main }
        text += "\n\n" + l.text("notify.footer")
        let domain = box.domain
        var mail = OutgoingMessage(
            from: Mailbox(name: box.fromName, address: box.address), to: [Mailbox(name: user.name, address: user.email)],
            subject: SubjectTag().tagged(l.text("notify.\(payload.kind.rawValue).subject", arguments), number: ticket.number), text: text,
            date: store.clock())
        mail.automatic = true
        mail.messageId = "sb-notify-\(payload.kind.rawValue)-\(ticket.id)-\(payload.messageId ?? payload.eventSeq ?? 0)-\(user.id)@\(domain)"
        let (bytes, messageId) = MailComposer.compose(mail)
        try await OutboundMail.deliver(bytes, through: box, to: [user.email], app: app)
        try await store.write { ctx in
            try await ctx.logMail(
                mailboxId: box.id, direction: "out", messageId: messageId, ticketId: ticket.id, messageRowId: payload.messageId,
                sender: box.address, outcome: .sent, problems: [], rawSHA256: nil, size: bytes.count, recipient: user.email, automatic: true)
        }
    }
}
