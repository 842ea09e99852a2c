import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The admin pages about how tickets are labelled: tags and ticket types.
extension WebAdminController {
    // MARK: Tags (admin)

    @Sendable static func tags(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageFields)
        var model = AdminTagsModel()
        if let from = req.query[String.self, at: "renamed"], let to = req.query[String.self, at: "to"],
            let count = req.query[Int.self, at: "count"]
        {
            model.notice = req.localizer(for: principal.user).plural("tags.renamed", count: count, ["from": from, "to": to])
        }
        return try await tagsPage(req, principal, model)
    }

    @Sendable static func renameTag(_ req: Request) async throws -> Response {
        struct Form: Content {
            var from: String?
            var to: String?
        }
        let principal = try await req.webPage(.manageFields)
        let form = try req.content.decode(Form.self)
        do {
            let (name, count) = try await TagController.renameEverywhere(req, from: form.from ?? "", to: form.to ?? "", actor: principal.actor)
            let from = (try? Tags.normalize([form.from ?? ""]).first) ?? form.from ?? ""
            let query = QueryString.encode([("renamed", from), ("to", name), ("count", String(count))])
            return req.redirect(to: "/admin/tags?" + query, redirectType: .normal)
        } catch let error as DomainError where [.invalid, .notFound].contains(error.kind) {
            var model = AdminTagsModel()
            model.draft = ["from": form.from ?? "", "to": form.to ?? ""]
            let l = req.localizer(for: principal.user)
            model.errors = [error.field ?? "to": error.kind == .notFound ? l.text("tags.unknown") : FormMessages.text(error, l)]
            return try await tagsPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    private static func tagsPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminTagsModel, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var model = model
        model.tags = try await req.store.read { try await $0.tagCounts(limit: 500) }
        let l = req.localizer(for: principal.user)
        return WebController.html(
            AdminTagsView.render(model, frame: WebController.frame(principal, title: l.text("tags.title"), .admin), l), status: status)
    }

    // MARK: Ticket types (admin)

    @Sendable static func ticketTypes(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageFields)
        return try await typesPage(req, principal)
    }

    @Sendable static func setTicketType(_ req: Request) async throws -> Response {
        struct Form: Content { var active: String? }
        let principal = try await req.webPage(.manageFields)
        let type = try TicketTypeController.pathType(req)
        let active = try req.content.decode(Form.self).active == "true"
        let actor = principal.actor
        do {
            _ = try await req.store.write { try await $0.setTicketType(type, active: active, actor: actor) }
            return req.redirect(to: "/admin/types", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            return try await typesPage(req, principal, error: FormMessages.text(error, req.localizer(for: principal.user)), status: .unprocessableEntity)
        }
    }

    private static func typesPage(_ req: Request, _ principal: WebPrincipal, error: String? = nil, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let inactive = try await req.store.read { try await $0.inactiveTicketTypes() }
        let l = req.localizer(for: principal.user)
        let frame = WebController.frame(principal, title: l.text("types.title"), .admin)
        return WebController.html(AdminTypesView.render(inactive, error: error, frame: frame, l), status: status)
    }
}
