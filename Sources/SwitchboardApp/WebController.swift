import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The agent workspace in the browser: server-rendered pages and the forms they post.
/// Failed forms render again with the problem next to the field and what was typed.
enum WebController {
    @Sendable static func home(_ req: Request) async throws -> Response {
        req.redirect(to: "/inbox")
    }

    @Sendable static func signInForm(_ req: Request) async throws -> Response {
        let returnTo = safeReturn(req.query[String.self, at: "return_to"])
        var model = SignInModel(returnTo: returnTo, csrf: "")
        model.resetDone = req.query[String.self, at: "reset"] != nil
        return signInPage(req, model, status: .ok)
    }

    @Sendable static func signIn(_ req: Request) async throws -> Response {
        struct Form: Content {
            var email: String?
            var password: String?
            var return_to: String?
            var _csrf: String?
        }
        let form = try req.content.decode(Form.self)
        var model = SignInModel(email: form.email ?? "", returnTo: safeReturn(form.return_to), csrf: "")
        guard PreSessionToken.matches(req, form._csrf) else {
            model.error = req.localizer.text("signin.expired_form")
            return signInPage(req, model, status: .forbidden)
        }
        do {
            let session = try await SessionController.startSession(req, email: form.email ?? "", password: form.password ?? "")
            let response = req.redirect(to: model.returnTo, redirectType: .normal)
            session.setCookie(on: response, req)
            return response
        } catch let error as DomainError {
            model.error = error.kind == .tooManyRequests ? req.localizer.text("signin.throttled") : req.localizer.text("signin.wrong")
            return signInPage(req, model, status: error.kind == .tooManyRequests ? .tooManyRequests : .unauthorized)
        }
    }

    @Sendable static func signOut(_ req: Request) async throws -> Response {
        try await SessionController.endSession(req, answering: req.redirect(to: "/sign-in", redirectType: .normal))
    }

    @Sendable static func inbox(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.viewTickets)
        if req.query[String.self, at: "view"] == nil, req.query[String.self, at: "q"] == nil {
            return req.redirect(to: "/inbox?view=\(BuiltInView.myOpen.rawValue)")
        }
        let l = req.localizer(for: principal.user)
        let model = try await InboxModel.load(req, principal: principal.principal, l: l)
        var frame = frame(principal, title: model.title, .inbox)
        frame.query = model.query
        return html(InboxView.render(model, frame: frame, l))
    }

    @Sendable static func ticket(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.viewTickets)
        let model = try await TicketPageModel.load(req, id: try req.id(what: "ticket"))
        return ticketPage(req, principal, model, status: .ok)
    }

    @Sendable static func updateTicket(_ req: Request) async throws -> Response {
        struct Form: Content {
            var status: String?
            var priority: String?
            var type: String?
            var assignee_id: String?
            var team_id: String?
            var tags: String?
            var version: Int64?
            var cf: [String: String]?
            var cfbox: [String]?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        var changes = TicketChanges()
        var errors: [String: String] = [:]
        if let raw = form.status {
            if let v = TicketStatus(rawValue: raw) { changes.status = v } else { errors["status"] = req.localizer(for: principal.user).text("error.choose") }
        }
        if let raw = form.priority { changes.priority = TicketPriority(rawValue: raw) }
        if let raw = form.type { changes.type = TicketType(rawValue: raw) }
        if let raw = form.assignee_id { changes.assigneeId = .some(Int64(raw)) }
        if let raw = form.team_id { changes.teamId = .some(Int64(raw)) }
        if let raw = form.tags { changes.tags = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if form.cf != nil || form.cfbox != nil {
            let definitions = try await req.store.read { try await $0.customFields() }
            let values = CustomFieldForm.values(form.cf ?? [:], checkboxes: form.cfbox ?? [], definitions: definitions)
            if !values.isEmpty { changes.customFields = values }
        }
        let actor = principal.actor
        let expected = form.version
        if errors.isEmpty {
            do {
                let finalChanges = changes
                _ = try await req.store.write { try await $0.updateTicket(id: id, finalChanges, expectedVersion: expected, actor: actor) }
                return req.redirect(to: "/tickets/\(id)", redirectType: .normal)
            } catch let stale as StaleTicket {
                var model = try await TicketPageModel.load(req, id: id)
                model.staleBy = stale.current
                return ticketPage(req, principal, model, status: .conflict)
            } catch let error as DomainError where error.kind == .invalid || error.kind == .invalidTransition {
                errors[error.field ?? "status"] = FormMessages.text(error, req.localizer(for: principal.user))
            }
        }
        var model = try await TicketPageModel.load(req, id: id)
        model.errors = errors
        return ticketPage(req, principal, model, status: .unprocessableEntity)
    }

    @Sendable static func addMessage(_ req: Request) async throws -> Response {
        struct Form: Content {
            var body: String?
            var kind: String?
            var files: [File]?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        let visibility: MessageVisibility = form.kind == "note" ? .internal : .public
        let actor = principal.actor
        let userId = principal.user.id
        let l = req.localizer(for: principal.user)
        let files = (form.files ?? []).filter { !$0.filename.isEmpty }
        let limit = req.application.config.maxAttachmentBytes
        func refuse(_ field: String, _ message: String) async throws -> Response {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors = [field: message]
            model.draft = form.body ?? ""
            model.draftKind = visibility
            return ticketPage(req, principal, model, status: field == "files" ? .payloadTooLarge : .unprocessableEntity)
        }
        // Checked before anything is stored, so a refused upload leaves nothing behind.
        if let big = files.first(where: { $0.data.readableBytes > limit }) {
            return try await refuse("files", l.text("ticket.file_too_large", ["name": big.filename, "limit": l.number(limit / 1_048_576)]))
        }
        if files.reduce(0, { $0 + $1.data.readableBytes }) > limit * 5 / 2 {
            return try await refuse("files", l.text("ticket.files_too_large", ["limit": l.number(limit * 5 / 2 / 1_048_576)]))
        }
        do {
            let store = FileStore(dataDirectory: req.application.config.dataDirectory)
            let stored = try files.map { file in
                try store.put(Data(buffer: file.data), filename: file.filename, contentType: file.contentType?.description ?? "application/octet-stream")
            }
            let body = form.body ?? ""
            _ = try await req.store.write { ctx in
                let (_, message) = try await ctx.addMessage(
                    ticketId: id, authorKind: .staff, authorId: userId, visibility: visibility, channel: .web, body: body, actor: actor)
                try await ctx.attach(stored, to: message)
            }
            // `sent` tells the page's script that the draft it kept is saved now.
            return req.redirect(to: "/tickets/\(id)?sent=1", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .invalidTransition {
            return try await refuse("body", FormMessages.text(error, req.localizer(for: principal.user)))
        }
    }

    /// An attachment, always as a download (never shown inline, never sniffed).
    @Sendable static func attachment(_ req: Request) async throws -> Response {
        guard try await req.webPrincipal() != nil || req.headers.bearerAuthorization != nil else { return signInRedirect(req) }
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "attachment")
        guard let attachment = try await req.store.read({ try await $0.attachment(id: id) }) else { throw DomainError.notFound("attachment") }
        let bytes = try FileStore(dataDirectory: req.application.config.dataDirectory).get(attachment.sha256)
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.contentType = .binary
        let ascii = attachment.filename.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        return response
    }

    // MARK: Helpers

    static func ticketPage(_ req: Request, _ principal: WebPrincipal, _ model: TicketPageModel, status: HTTPStatus) -> Response {
        let l = req.localizer(for: principal.user)
        let frame = frame(principal, title: "#\(model.ticket.number) \(model.ticket.subject)", .ticket)
        return html(TicketPageView.render(model, frame: frame, l), status: status)
    }

    private static func signInPage(_ req: Request, _ model: SignInModel, status: HTTPStatus) -> Response {
        var model = model
        model.csrf = PreSessionToken.current(req)
        return PreSessionToken.page(req, token: model.csrf, status: status, SignInView.render(model, req.localizer))
    }

    static func signInRedirect(_ req: Request) -> Response {
        var target = req.url.path
        if let query = req.url.query { target += "?" + query }
        if req.method != .GET { target = req.headers.first(name: .referer).flatMap { URI(string: $0).path } ?? "/inbox" }
        return req.redirect(to: "/sign-in?return_to=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/inbox"))
    }

    /// Only paths on this site, so the sign-in form cannot send anyone elsewhere.
    static func safeReturn(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\") else { return "/inbox" }
        return raw
    }

    static func frame(_ principal: WebPrincipal, title: String, _ section: PageFrame.Section) -> PageFrame {
        PageFrame(
            title: title, userId: principal.user.id, userName: principal.user.name, csrf: principal.csrf, section: section,
            canAdmin: principal.user.role.allows(.manageUsers), fixedTimeZone: principal.user.timeZone != nil)
    }

    static func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// A signed-in browser session.
struct WebPrincipal {
    let principal: Principal
    let csrf: String

    var user: User { principal.user }
    var actor: Actor { principal.actor }
}

/// Thrown by `webPage` when nobody is signed in; the problem middleware answers it with a
/// redirect to sign-in that comes back to the page.
struct SignInNeeded: Error {}

extension Request {
    /// The signed-in staff member of a page or form, allowed `permission` when one is given.
    /// Without a session it throws `SignInNeeded`.
    func webPage(_ permission: Permission? = nil) async throws -> WebPrincipal {
        guard let principal = try await webPrincipal() else { throw SignInNeeded() }
        if let permission { _ = try await authorize(permission) }
        return principal
    }

    /// The session's staff member, or nil when nobody is signed in (pages then go to sign-in).
    func webPrincipal() async throws -> WebPrincipal? {
        guard cookies[SessionCookie.name] != nil else { return nil }
        do {
            let principal = try await principal()
            guard case .session(let csrf) = principal.method else { return nil }
            return WebPrincipal(principal: principal, csrf: csrf)
        } catch let error as DomainError where error.kind == .unauthorized {
            return nil
        }
    }
}
