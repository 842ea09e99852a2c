import Foundation
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// `/api/v1/mailboxes`: the email channel's mailboxes (admins only: they hold mail server
/// passwords, which are taken but never shown), the mailgate an MTA pipes raw mail into, and
/// the mail log, where mail that could not be read waits for an admin with its raw bytes.
enum MailboxController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let boxes = try await req.store.read { try await $0.mailboxes() }
        return try respond(Page(items: boxes.map(MailboxDTO.init), nextCursor: nil))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let id = try req.id(what: "mailbox")
        guard let box = try await req.store.read({ try await $0.mailbox(id: id) }) else { throw DomainError.notFound("mailbox") }
        return try respond(MailboxDTO(box))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageSettings)
        let input = try MailboxRequest.input(req.body(MailboxRequest.self), existing: nil)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { MailboxDTO(try await $0.createMailbox(input, actor: actor)) }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.manageSettings)
        let id = try req.id(what: "mailbox")
        let body = try req.body(MailboxRequest.self)
        let actor = principal.actor
        let box = try await req.store.write { ctx in
            guard let existing = try await ctx.reader.mailbox(id: id) else { throw DomainError.notFound("mailbox") }
            return try await ctx.updateMailbox(id: id, try MailboxRequest.input(body, existing: existing), actor: actor)
        }
        return try respond(MailboxDTO(box))
    }

    /// The mailgate: `POST /api/v1/mailboxes/{id}/messages` with a raw RFC 822 message.
    @Sendable static func deliver(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let id = try req.id(what: "mailbox")
        guard req.headers.contentType?.type == "message", req.headers.contentType?.subType == "rfc822" else {
            throw DomainError.invalid(field: "Content-Type", "must be message/rfc822")
        }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw DomainError.invalid(field: "body", "is required") }
        guard buffer.readableBytes <= req.application.config.maxMailBytes else { throw Abort(.payloadTooLarge) }
        guard let box = try await req.store.read({ try await $0.mailbox(id: id) }) else { throw DomainError.notFound("mailbox") }
        guard box.active else { throw DomainError.invalid(field: "mailbox", "is turned off") }
        let result = try await MailIngest.take(Array(buffer.readableBytesView), mailbox: box, app: req.application)
        return try respond(result, status: [.created, .appended, .bounce].contains(result.outcome) ? .created : .ok)
    }

    @Sendable static func log(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let outcome = try req.query("outcome") { InboundOutcome(rawValue: $0) }
        let entries = try await req.store.read { [limit = try req.limit()] in try await $0.mailLog(outcome: outcome, limit: limit) }
        return try respond(Page(items: entries.map(MailLogDTO.init), nextCursor: nil))
    }

    /// A logged message's raw bytes, as a download.
    @Sendable static func raw(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.manageSettings)
        let id = try req.id(what: "mail log entry")
        guard let entry = try await req.store.read({ try await $0.mailLog(id: id) }), let sha = entry.rawSHA256 else {
            throw DomainError.notFound("mail log entry")
        }
        let bytes = try FileStore(dataDirectory: req.application.config.dataDirectory).get(sha)
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.contentType = HTTPMediaType(type: "message", subType: "rfc822")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"message-\(id).eml\"")
        return response
    }
}

/// A mailbox as the API shows it: passwords are never sent back, only whether one is set.
struct MailboxDTO: Content {
    struct IMAP: Content {
        var host: String
        var port: Int
        var security: MailSecurity
        var username: String
        var passwordSet: Bool
        var folder: String
        var moveTo: String?
        enum CodingKeys: String, CodingKey {
            case host, port, security, username, folder
            case passwordSet = "password_set", moveTo = "move_to"
        }
    }

    struct SMTP: Content {
        var host: String
        var port: Int
        var security: MailSecurity
        var username: String?
        var passwordSet: Bool
        enum CodingKeys: String, CodingKey {
            case host, port, security, username
            case passwordSet = "password_set"
        }
    }

    var id: Int64
    var name: String
    var address: String
    var fromName: String?
    var teamId: Int64?
    var signature: String?
    var acknowledgement: String?
    var active: Bool
    var imap: IMAP?
    var smtp: SMTP?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, address, signature, acknowledgement, active, imap, smtp
        case fromName = "from_name", teamId = "team_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ m: SupportMailbox) {
        id = m.id
        name = m.name
        address = m.address
        fromName = m.fromName
        teamId = m.teamId
        signature = m.signature
        acknowledgement = m.acknowledgement
        active = m.active
        imap = m.imap.map {
            IMAP(host: $0.host, port: $0.port, security: $0.security, username: $0.username, passwordSet: !$0.password.isEmpty,
                 folder: $0.folder, moveTo: $0.moveTo)
        }
        smtp = m.smtp.map {
            SMTP(host: $0.host, port: $0.port, security: $0.security, username: $0.username, passwordSet: $0.password?.isEmpty == false)
        }
        createdAt = m.createdAt
        updatedAt = m.updatedAt
    }
}

struct MailLogDTO: Content {
    var id: Int64
    var mailboxId: Int64
    var direction: String
    var messageId: String
    var ticketId: Int64?
    var sender: String?
    var outcome: InboundOutcome
    var problems: [String]
    var size: Int64
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, direction, sender, outcome, problems, size
        case mailboxId = "mailbox_id", messageId = "message_id", ticketId = "ticket_id", createdAt = "created_at"
    }

    init(_ e: MailLogEntry) {
        id = e.id
        mailboxId = e.mailboxId
        direction = e.direction
        messageId = e.messageId
        ticketId = e.ticketId
        sender = e.sender
        outcome = e.outcome
        problems = e.problems
        size = e.size
        createdAt = e.createdAt
    }
}
