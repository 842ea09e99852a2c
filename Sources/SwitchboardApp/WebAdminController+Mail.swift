import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The admin pages of the email channel: mailboxes and the mail log.
extension WebAdminController {
    struct MailboxForm: Content {
        var name: String?
        var address: String?
        var from_name: String?
        var team_id: String?
        var signature: String?
        var acknowledgement: String?
        var active: String?
        var imap_host: String?
        var imap_port: String?
        var imap_security: String?
        var imap_username: String?
        var imap_password: String?
        var imap_folder: String?
        var imap_move_to: String?
        var smtp_host: String?
        var smtp_port: String?
        var smtp_security: String?
        var smtp_username: String?
        var smtp_password: String?

        /// The form as an API request: empty IMAP or SMTP host means none; empty passwords keep the stored ones.
        var request: MailboxRequest {
            func blank(_ s: String?) -> String? { s?.trimmingCharacters(in: .whitespaces).isEmpty == false ? s : nil }
            let imap: MailboxRequest.Change<MailboxRequest.IMAP> = blank(imap_host).map {
                .set(MailboxRequest.IMAP(
                    host: $0, port: blank(imap_port).flatMap(Int.init) ?? (imap_port?.isEmpty == false ? -1 : nil),
                    security: imap_security.flatMap(MailSecurity.init(rawValue:)), username: imap_username ?? "", password: blank(imap_password),
                    folder: blank(imap_folder), moveTo: blank(imap_move_to)))
            } ?? .remove
            let smtp: MailboxRequest.Change<MailboxRequest.SMTP> = blank(smtp_host).map {
                .set(MailboxRequest.SMTP(
                    host: $0, port: blank(smtp_port).flatMap(Int.init) ?? (smtp_port?.isEmpty == false ? -1 : nil),
                    security: smtp_security.flatMap(MailSecurity.init(rawValue:)), username: blank(smtp_username), password: blank(smtp_password)))
            } ?? .remove
            return MailboxRequest(
                name: name, address: address, fromName: from_name ?? "", teamId: .some(blank(team_id).flatMap { Int64($0) }),
                signature: signature ?? "", acknowledgement: acknowledgement ?? "", active: active == "true", imap: imap, smtp: smtp)
        }

        var draft: [String: String] {
            var d: [String: String] = [:]
            for (key, value) in [
                ("name", name), ("address", address), ("from_name", from_name), ("team_id", team_id), ("signature", signature), ("acknowledgement", acknowledgement),
                ("active", active ?? ""), ("imap_host", imap_host), ("imap_port", imap_port), ("imap_security", imap_security),
                ("imap_username", imap_username), ("imap_folder", imap_folder), ("imap_move_to", imap_move_to), ("smtp_host", smtp_host),
                ("smtp_port", smtp_port), ("smtp_security", smtp_security), ("smtp_username", smtp_username),
            ] { d[key] = value ?? "" }
            return d
        }
    }

    @Sendable static func mailboxes(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        return try await mailboxesPage(req, principal, AdminMailboxesModel())
    }

    @Sendable static func mailbox(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let id = try req.id(what: "mailbox")
        guard let box = try await req.store.read({ try await $0.mailbox(id: id) }) else { throw DomainError.notFound("mailbox") }
        return try await mailboxesPage(req, principal, AdminMailboxesModel(editing: box))
    }

    @Sendable static func saveMailbox(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let form = try req.content.decode(MailboxForm.self)
        let id = req.parameters.get("id").flatMap { Int64($0) }
        let actor = principal.actor
        let request = form.request
        do {
            _ = try await req.store.write { ctx in
                if let id {
                    guard let existing = try await ctx.reader.mailbox(id: id) else { throw DomainError.notFound("mailbox") }
                    return try await ctx.updateMailbox(id: id, try MailboxRequest.input(request, existing: existing), actor: actor)
                }
                return try await ctx.createMailbox(try MailboxRequest.input(request, existing: nil), actor: actor)
            }
            return req.redirect(to: "/admin/mailboxes", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            var model = AdminMailboxesModel(draft: form.draft)
            if let id { model.editing = try await req.store.read { try await $0.mailbox(id: id) } }
            model.errors = [error.field ?? "name": FormMessages.text(error, req.localizer(for: principal.user))]
            return try await mailboxesPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    private static func mailboxesPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminMailboxesModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        (model.mailboxes, model.teams) = try await req.store.read { ctx in (try await ctx.mailboxes(), try await ctx.teams()) }
        let l = req.localizer(for: principal.user)
        return WebController.html(
            AdminMailboxesView.render(model, frame: WebController.frame(principal, title: l.text("mailboxes.title"), .admin), l), status: status)
    }

    @Sendable static func mailLog(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageSettings)
        let outcome = req.query[String.self, at: "outcome"].flatMap(InboundOutcome.init(rawValue:))
        let (entries, boxes) = try await req.store.read { ctx in (try await ctx.mailLog(outcome: outcome, limit: 200), try await ctx.mailboxes()) }
        let l = req.localizer(for: principal.user)
        let names = Dictionary(boxes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return WebController.html(
            AdminMailLogView.render(
                entries, mailboxes: names, outcome: outcome, frame: WebController.frame(principal, title: l.text("maillog.title"), .admin),
                timeZone: principal.user.pageTimeZone, l))
    }

    @Sendable static func rawMail(_ req: Request) async throws -> Response {
        _ = try await req.webPage(.manageSettings)
        return try await MailboxController.raw(req)
    }
}
