import SwitchboardCore
import SwitchboardStore
import Vapor

/// The ticket page's side-conversation forms.
enum WebSideConversations {
    /// Asks colleagues in a new side conversation; a refused one comes back with what was typed.
    @Sendable static func start(_ req: Request) async throws -> Response {
        struct Form: Content {
            var subject: String?
            var body: String?
            var member_ids: [Int64]?
        }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "ticket")
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            let conversation = try await req.store.write {
                try await $0.startSideConversation(
                    ticketId: id, subject: form.subject ?? "", memberIds: form.member_ids ?? [], body: form.body ?? "", actor: actor)
            }
            return req.redirect(to: "/tickets/\(id)#side-\(conversation.id)", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .invalidTransition].contains(error.kind) {
            var model = try await TicketPageModel.load(req, id: id)
            model.errors["side"] = FormMessages.text(error, req.localizer(for: principal.user))
            model.sideDraft = (form.subject ?? "", form.body ?? "")
            return WebController.ticketPage(req, principal, model, status: .unprocessableEntity)
        }
    }

    /// Writes in a side conversation and goes back to it.
    @Sendable static func reply(_ req: Request) async throws -> Response {
        struct Form: Content { var body: String? }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "side conversation")
        let body = try req.content.decode(Form.self).body ?? ""
        let actor = principal.actor
        let conversation = try await req.store.write { try await $0.replySideConversation(id: id, body: body, actor: actor) }
        return req.redirect(to: "/tickets/\(conversation.ticketId)#side-\(id)", redirectType: .normal)
    }

    /// Closes a side conversation or opens it again.
    @Sendable static func setStatus(_ req: Request) async throws -> Response {
        struct Form: Content { var status: String? }
        let principal = try await req.webPage(.editTickets)
        let id = try req.id(what: "side conversation")
        guard let status = try req.content.decode(Form.self).status.flatMap(SideConversation.Status.init(rawValue:)) else {
            throw DomainError.invalid(field: "status", "must be open or closed")
        }
        let actor = principal.actor
        let conversation = try await req.store.write { try await $0.setSideConversationStatus(id: id, status, actor: actor) }
        return req.redirect(to: "/tickets/\(conversation.ticketId)#side-\(id)", redirectType: .normal)
    }
}
