import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Ticket actions from the browser beyond editing one ticket: merging, and bulk changes from
/// the inbox.
enum WebTicketActions {
    /// Merges this ticket into the one with the given number and opens that one.
    @Sendable static func merge(_ req: Request) async throws -> Response {
        struct Form: Content { var merge_target: String? }
        let principal = try await req.webPage(.mergeTickets)
        let id = try req.id(what: "ticket")
        let raw = (try req.content.decode(Form.self).merge_target ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "# "))
        let l = req.localizer(for: principal.user)
        let actor = principal.actor
        do {
            guard let number = Int64(raw), let target = try await req.store.read({ try await $0.ticket(number: number) }) else {
                throw DomainError.invalid(field: "target_id", l.text("ticket.merge_unknown", ["number": raw]))
            }
            _ = try await req.store.write { try await $0.mergeTicket(id, into: target.id, actor: actor) }
            return req.redirect(to: "/tickets/\(target.id)", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .invalidTransition, .notFound].contains(error.kind) {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors = ["merge_target": FormMessages.text(error, req.localizer(for: principal.user))]
            model.mergeDraft = raw
            return WebController.ticketPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    /// Moves one message into a new ticket and opens it.
    @Sendable static func split(_ req: Request) async throws -> Response {
        struct Form: Content { var message_id: Int64? }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        guard let messageId = try req.content.decode(Form.self).message_id else { throw DomainError.invalid(field: "message_id", "is required") }
        let actor = principal.actor
        let created = try await req.store.write { try await $0.splitTicket(id, messageId: messageId, subject: nil, actor: actor) }
        return req.redirect(to: "/tickets/\(created.id)", redirectType: .normal)
    }

    /// Links this ticket to the one with the given number (related, parent of, child of).
    @Sendable static func link(_ req: Request) async throws -> Response {
        struct Form: Content {
            var link_kind: String?
            var link_target: String?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        let l = req.localizer(for: principal.user)
        let raw = (form.link_target ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "# "))
        let actor = principal.actor
        do {
            guard let kind = form.link_kind.flatMap(TicketLinkKind.init(rawValue:)), [.related, .parent, .child].contains(kind) else {
                throw DomainError.invalid(field: "link_target", l.text("error.choose"))
            }
            guard let number = Int64(raw), let other = try await req.store.read({ try await $0.ticket(number: number) }) else {
                throw DomainError.invalid(field: "link_target", l.text("ticket.merge_unknown", ["number": raw]))
            }
            try await req.store.write { try await $0.link(id, to: other.id, kind: kind, actor: actor) }
            return req.redirect(to: "/tickets/\(id)", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .invalidTransition, .notFound, .conflict].contains(error.kind) {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors = ["link_target": FormMessages.text(error, req.localizer(for: principal.user))]
            return WebController.ticketPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    /// Hands the ticket to the next tier, the reason kept as an internal note.
    @Sendable static func escalate(_ req: Request) async throws -> Response {
        struct Form: Content {
            var note: String?
            var version: Int64?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            _ = try await req.store.write { try await $0.escalateTicket(id: id, note: form.note, expectedVersion: form.version, actor: actor) }
            return req.redirect(to: "/tickets/\(id)", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .invalidTransition].contains(error.kind) {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors = ["note": FormMessages.text(error, req.localizer(for: principal.user))]
            return WebController.ticketPage(req, principal, model, status: .unprocessableEntity)
        } catch let stale as StaleTicket {
            var model = try await TicketPageModel.load(req, id: id)
            model.staleBy = stale.current
            return WebController.ticketPage(req, principal, model, status: .conflict)
        }
    }

    /// Applies a macro: its field changes now, its reply into the composer (not sent yet).
    @Sendable static func applyMacro(_ req: Request) async throws -> Response {
        struct Form: Content {
            var macro_id: Int64?
            var version: Int64?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        guard let macroId = form.macro_id else { return req.redirect(to: "/tickets/\(id)", redirectType: .normal) }
        do {
            let (_, reply) = try await MacroController.apply(req, principal: principal.principal, ticketId: id, macroId: macroId, version: form.version)
            var model = try await TicketPageModel.load(req, id: id)
            if let reply {
                model.draft = reply
                model.draftKind = .public
            }
            return WebController.ticketPage(req, principal, model, status: .ok)
        } catch let stale as StaleTicket {
            var model = try await TicketPageModel.load(req, id: id)
            model.staleBy = stale.current
            return WebController.ticketPage(req, principal, model, status: .conflict)
        }
    }

    /// Hands the ticket to another department's team with a note.
    @Sendable static func transfer(_ req: Request) async throws -> Response {
        struct Form: Content {
            var team_id: Int64?
            var note: String?
            var version: Int64?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            guard let team = form.team_id else { throw DomainError.invalid(field: "team_id", "is required") }
            _ = try await req.store.write {
                try await $0.transferTicket(id: id, teamId: team, note: form.note ?? "", expectedVersion: form.version, actor: actor)
            }
            return req.redirect(to: "/tickets/\(id)", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .invalidTransition].contains(error.kind) {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors["transfer"] = FormMessages.text(error, req.localizer(for: principal.user))
            model.transferDraft = form.note ?? ""
            return WebController.ticketPage(req, principal, model, status: .unprocessableEntity)
        } catch let stale as StaleTicket {
            var model = try await TicketPageModel.load(req, id: id)
            model.staleBy = stale.current
            return WebController.ticketPage(req, principal, model, status: .conflict)
        }
    }

    /// Sets one's own availability and goes back where one was.
    @Sendable static func setAvailability(_ req: Request) async throws -> Response {
        struct Form: Content { var availability: String? }
        let principal = try await req.webPage(.viewTickets)
        guard let availability = try req.content.decode(Form.self).availability.flatMap(Availability.init(rawValue:)) else {
            throw DomainError.invalid(field: "availability", "must be one of: online, away, offline")
        }
        let userId = principal.user.id
        let actor = principal.actor
        _ = try await req.store.write { try await $0.setAvailability(userId: userId, availability, capacity: nil, actor: actor) }
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0) }.map { $0.path + ($0.query.map { "?" + $0 } ?? "") } ?? "/inbox"
        return req.redirect(to: back.hasPrefix("/") ? back : "/inbox", redirectType: .normal)
    }

    /// Follows or stops following the ticket.
    @Sendable static func follow(_ req: Request) async throws -> Response {
        struct Form: Content { var following: String? }
        let principal = try await req.webPage(.viewTickets)
        let id = try req.id(what: "ticket")
        let following = try req.content.decode(Form.self).following == "true"
        let userId = principal.user.id
        let actor = principal.actor
        _ = try await req.store.write { try await $0.setFollowing(ticketId: id, userId: userId, following: following, actor: actor) }
        return req.redirect(to: "/tickets/\(id)", redirectType: .normal)
    }

    /// Saves the inbox's current filters and sort as a view (personal, or shared for those
    /// allowed), and opens it.
    @Sendable static func saveView(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var shared: String?
        }
        let principal = try await req.webPage(.viewTickets)
        let form = try req.content.decode(Form.self)
        let shared = form.shared == "true"
        if shared { _ = try await req.authorize(.manageSharedViews) }
        // The form posts to the inbox's own query string, read as the inbox reads it.
        let (filter, sort) = try await ViewController.resolve(req, principal: principal.principal)
        let owner = principal.user.id
        let actor = principal.actor
        do {
            let name = try validatedText(form.name, field: "name", max: Limits.viewName) ?? ""
            let view = try await req.store.write {
                try await $0.createView(name: name, ownerId: owner, shared: shared, filter: filter, sort: sort, actor: actor)
            }
            return req.redirect(to: "/inbox?view=\(view.id)", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            let back = "/inbox?" + (req.url.query ?? "") + "&view_error=" + (FormMessages.text(error, req.localizer(for: principal.user))
                .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return req.redirect(to: back, redirectType: .normal)
        }
    }

    /// Applies the bulk bar's choices to every selected ticket, or merges them into the oldest.
    @Sendable static func bulk(_ req: Request) async throws -> Response {
        struct Form: Content {
            var ticket: [Int64]?
            var action: String?
            var assignee: String?
            var status: String?
            var priority: String?
            var add_tags: String?
            var return_to: String?
        }
        let principal = try await req.webPage(.editTickets)
        let form = try req.content.decode(Form.self)
        let back = WebController.safeReturn(form.return_to)
        let ids = Array(Set(form.ticket ?? [])).sorted()
        guard !ids.isEmpty else { return req.redirect(to: back, redirectType: .normal) }
        let actor = principal.actor
        var done = 0
        var failed: [String] = []
        if form.action == "merge" {
            _ = try await req.authorize(.mergeTickets)
            guard let target = ids.first else { return req.redirect(to: back, redirectType: .normal) }
            for source in ids.dropFirst() {
                do {
                    _ = try await req.store.write { try await $0.mergeTicket(source, into: target, actor: actor) }
                    done += 1
                } catch let error as DomainError {
                    failed.append("#\(source): \(FormMessages.text(error, req.localizer(for: principal.user)))")
                }
            }
        } else {
            var changes = TicketChanges()
            switch form.assignee ?? "" {
            case "": break
            case "me": changes.assigneeId = .some(principal.user.id)
            case "none": changes.assigneeId = .some(nil)
            case let raw: changes.assigneeId = Int64(raw).map { .some($0) }
            }
            changes.status = form.status.flatMap(TicketStatus.init(rawValue:))
            changes.priority = form.priority.flatMap(TicketPriority.init(rawValue:))
            let tags = (form.add_tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !tags.isEmpty { changes.addTags = tags }
            let finalChanges = changes
            for id in ids {
                do {
                    _ = try await req.store.write { try await $0.updateTicket(id: id, finalChanges, expectedVersion: nil, actor: actor) }
                    done += 1
                } catch let error as DomainError {
                    failed.append("#\(id): \(FormMessages.text(error, req.localizer(for: principal.user)))")
                }
            }
        }
        var query = URLComponents(string: back) ?? URLComponents()
        var items = (query.queryItems ?? []).filter { !["done", "failed"].contains($0.name) }
        items.append(URLQueryItem(name: "done", value: String(done)))
        if !failed.isEmpty { items.append(URLQueryItem(name: "failed", value: failed.prefix(5).joined(separator: "; "))) }
        query.queryItems = items
        return req.redirect(to: query.string ?? back, redirectType: .normal)
    }
}
