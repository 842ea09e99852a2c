import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Customers in the browser: the list with search, one customer's page with all their
/// tickets on one timeline, editing and merging.
enum WebCustomerController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.viewContacts)
        let query = req.query[String.self, at: "q"] ?? ""
        let after = req.query[Int64.self, at: "after"]
        let limit = 50
        let (contacts, orgs) = try await req.store.read { ctx in
            let contacts = try await ctx.contacts(query: query, organizationId: nil, afterId: after, limit: limit + 1)
            var names: [Int64: String] = [:]
            for id in Set(contacts.compactMap(\.organizationId)) { names[id] = try await ctx.organization(id: id)?.name }
            return (contacts, names)
        }
        let model = ContactListModel(
            query: query, contacts: Array(contacts.prefix(limit)), organizations: orgs,
            nextAfter: contacts.count > limit ? contacts[limit - 1].id : nil)
        let l = req.localizer(for: principal.user)
        return WebController.html(ContactsView.list(model, frame: WebController.frame(principal, title: l.text("customers.title"), .customers), l))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.viewContacts)
        return try await page(req, principal, id: try req.id(what: "contact"))
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var emails: String?
            var phones: String?
            var organization_id: String?
        }
        let principal = try await req.webPage(.editContacts)
        let id = try req.id(what: "contact")
        let form = try req.content.decode(Form.self)
        let split = { (raw: String?) in (raw ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let draft = ["name": form.name ?? "", "emails": form.emails ?? "", "phones": form.phones ?? ""]
        let actor = principal.actor
        do {
            let body = ContactRequest(
                name: form.name, emails: split(form.emails), phones: split(form.phones), locale: nil,
                organizationId: Int64(form.organization_id ?? ""), attributes: nil)
            _ = try await req.store.write { ctx in
                guard let existing = try await ctx.reader.contact(id: id) else { throw DomainError.notFound("contact") }
                var input = try ContactController.input(body, existing: existing)
                input.organizationId = body.organizationId
                return try await ctx.updateContact(id: id, input, actor: actor)
            }
            return req.redirect(to: "/contacts/\(id)", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            let field = (error.field ?? "name").split(separator: "[").first.map(String.init) ?? "name"
            return try await page(req, principal, id: id, draft: draft, errors: [field: FormMessages.text(error, req.localizer(for: principal.user))], status: .unprocessableEntity)
        }
    }

    /// Merges the contact who owns the given email into this one.
    @Sendable static func merge(_ req: Request) async throws -> Response {
        struct Form: Content { var merge_email: String? }
        let principal = try await req.webPage(.mergeContacts)
        let id = try req.id(what: "contact")
        let raw = try req.content.decode(Form.self).merge_email ?? ""
        let l = req.localizer(for: principal.user)
        let actor = principal.actor
        do {
            let email = try EmailAddress(raw, field: "merge_email")
            guard let source = try await req.store.read({ try await $0.contactId(email: email.value) }) else {
                throw DomainError.invalid(field: "merge_email", l.text("customers.merge_unknown", ["email": email.value]))
            }
            _ = try await req.store.write { try await $0.mergeContacts(sourceId: source, into: id, actor: actor) }
            return req.redirect(to: "/contacts/\(id)", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            return try await page(req, principal, id: id, draft: ["merge_email": raw], errors: ["merge_email": FormMessages.text(error, req.localizer(for: principal.user))], status: .unprocessableEntity)
        }
    }

    private static func page(
        _ req: Request, _ principal: WebPrincipal, id: Int64, draft: [String: String] = [:], errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let model = try await req.store.read { ctx in
            guard let contact = try await ctx.contact(id: id) else { throw DomainError.notFound("contact") }
            return ContactPageModel(
                contact: contact, organization: try await contact.organizationId.asyncMap { try await ctx.organization(id: $0) } ?? nil,
                organizations: try await ctx.organizations(query: nil, afterId: nil, limit: 500),
                timeline: try await ctx.customerTimeline(contactId: id, limit: 200), tickets: try await ctx.tickets(requesterId: id, limit: 100),
                draft: draft, errors: errors, timeZone: principal.user.pageTimeZone)
        }
        let l = req.localizer(for: principal.user)
        return WebController.html(ContactsView.page(model, frame: WebController.frame(principal, title: model.contact.name, .customers), l), status: status)
    }
}
