import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `/api/v1/contacts`: customers with several emails and phones.
enum ContactController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewContacts)
        let query = req.query[String.self, at: "q"]
        let org = try req.query("organization_id") { Int64($0) }
        let after = try req.query("cursor") { Int64($0) }
        let limit = try req.limit()
        let contacts = try await req.store.read { try await $0.contacts(query: query, organizationId: org, afterId: after, limit: limit) }
        let next = contacts.count == limit ? contacts.last.map { String($0.id) } : nil
        return try respond(Page(items: contacts.map(ContactDTO.init), nextCursor: next))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewContacts)
        let id = try req.id(what: "contact")
        guard let contact = try await req.store.read({ try await $0.contact(id: id) }) else { throw DomainError.notFound("contact") }
        return try respond(ContactDTO(contact))
    }

    @Sendable static func tickets(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewTickets)
        let id = try req.id(what: "contact")
        let limit = try req.limit(default: 100)
        let tickets = try await req.store.read { ctx in
            guard try await ctx.contact(id: id) != nil else { throw DomainError.notFound("contact") }
            return try await ctx.tickets(requesterId: id, limit: limit)
        }
        return try respond(Page(items: tickets.map(TicketDTO.init), nextCursor: nil))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editContacts)
        let input = try input(try req.body(ContactRequest.self), existing: nil)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in ContactDTO(try await ctx.createContact(input, actor: actor)) }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editContacts)
        let id = try req.id(what: "contact")
        let body = try req.body(ContactRequest.self)
        let actor = principal.actor
        let contact = try await req.store.write { ctx in
            guard let existing = try await ctx.reader.contact(id: id) else { throw DomainError.notFound("contact") }
            return try await ctx.updateContact(id: id, try input(body, existing: existing), actor: actor)
        }
        return try respond(ContactDTO(contact))
    }

    @Sendable static func merge(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.mergeContacts)
        let target = try req.id(what: "contact")
        let body = try req.body(MergeContactRequest.self)
        let actor = principal.actor
        let contact = try await req.store.write { try await $0.mergeContacts(sourceId: body.sourceId, into: target, actor: actor) }
        return try respond(ContactDTO(contact))
    }

    /// Validates a contact body; fields left out keep the existing values.
    static func input(_ body: ContactRequest, existing: Contact?) throws -> ContactInput {
        let name = try validatedText(body.name ?? existing?.name, field: "name", max: Limits.name) ?? ""
        let emails = try (body.emails ?? existing?.emails ?? []).enumerated().map { i, e in try EmailAddress(e, field: "emails[\(i)]") }
        let phones = try (body.phones ?? existing?.phones ?? []).enumerated().map { i, p in try PhoneNumber(p, field: "phones[\(i)]") }
        guard emails.count <= 20, phones.count <= 20 else { throw DomainError.invalid(field: "emails", "at most 20 emails and 20 phones") }
        let locale = try (body.locale ?? existing?.locale).map { try validatedLocale($0) }
        let attributes = body.attributes ?? existing?.attributes ?? [:]
        guard attributes.count <= 100, encodedSize(attributes) <= 16_384 else {
            throw DomainError.invalid(field: "attributes", "at most 100 attributes and 16 KB")
        }
        return ContactInput(
            name: name, emails: emails, phones: phones, locale: locale, organizationId: body.organizationId ?? existing?.organizationId,
            attributes: attributes)
    }

    static func encodedSize(_ value: [String: JSONValue]) -> Int { JSONValue.object(value).canonicalData.count }
}

/// `/api/v1/organizations`.
enum OrganizationController {
    @Sendable static func list(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewContacts)
        let query = req.query[String.self, at: "q"]
        let after = try req.query("cursor") { Int64($0) }
        let limit = try req.limit()
        let orgs = try await req.store.read { try await $0.organizations(query: query, afterId: after, limit: limit) }
        let next = orgs.count == limit ? orgs.last.map { String($0.id) } : nil
        return try respond(Page(items: orgs.map(OrganizationDTO.init), nextCursor: next))
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        _ = try await req.authorize(.viewContacts)
        let id = try req.id(what: "organization")
        guard let org = try await req.store.read({ try await $0.organization(id: id) }) else { throw DomainError.notFound("organization") }
        return try respond(OrganizationDTO(org))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editContacts)
        let input = try input(try req.body(OrganizationRequest.self), existing: nil)
        let actor = principal.actor
        return try await Idempotency.create(req, principal: principal) { ctx in
            OrganizationDTO(try await ctx.createOrganization(input, actor: actor))
        }
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let principal = try await req.authorize(.editContacts)
        let id = try req.id(what: "organization")
        let body = try req.body(OrganizationRequest.self)
        let actor = principal.actor
        let org = try await req.store.write { ctx in
            guard let existing = try await ctx.reader.organization(id: id) else { throw DomainError.notFound("organization") }
            return try await ctx.updateOrganization(id: id, try input(body, existing: existing), actor: actor)
        }
        return try respond(OrganizationDTO(org))
    }

    static func input(_ body: OrganizationRequest, existing: Organization?) throws -> OrganizationInput {
        let name = try validatedText(body.name ?? existing?.name, field: "name", max: Limits.name) ?? ""
        let domains = try (body.domains ?? existing?.domains ?? []).enumerated().map { i, d in
            // A domain is valid when an address at it is.
            try EmailAddress("x@" + d, field: "domains[\(i)]").domain
        }
        guard domains.count <= 50 else { throw DomainError.invalid(field: "domains", "at most 50 domains") }
        let notes = try validatedText(body.notes ?? existing?.notes, field: "notes", max: 10_000, required: false)
        let attributes = body.attributes ?? existing?.attributes ?? [:]
        guard attributes.count <= 100, ContactController.encodedSize(attributes) <= 16_384 else {
            throw DomainError.invalid(field: "attributes", "at most 100 attributes and 16 KB")
        }
        return OrganizationInput(
            name: name, domains: domains, tier: body.tier ?? existing?.tier ?? .standard,
            accountOwnerId: body.accountOwnerId ?? existing?.accountOwnerId, notes: notes, attributes: attributes)
    }
}
