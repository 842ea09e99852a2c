import Foundation
import SQLKit
import SwitchboardCore

/// A contact as submitted, validated by the caller.
public struct ContactInput: Sendable {
    public var name: String
    public var emails: [EmailAddress]
    public var phones: [PhoneNumber]
    public var locale: String?
    public var organizationId: Int64?
    public var attributes: [String: JSONValue]

    public init(name: String, emails: [EmailAddress], phones: [PhoneNumber], locale: String?, organizationId: Int64?, attributes: [String: JSONValue]) {
        self.name = name
        self.emails = emails
        self.phones = phones
        self.locale = locale
        self.organizationId = organizationId
        self.attributes = attributes
    }
}

extension ReadContext {
    /// One contact with its identities, or nil.
    public func contact(id: Int64) async throws -> Contact? {
        guard let row = try await sql.raw("SELECT * FROM contacts WHERE id = \(bind: id)").first() else { return nil }
        return try await contacts(from: [row]).first
    }

    /// Contacts matching a folded text query over name, emails and phones; keyset by id.
    public func contacts(query: String?, organizationId: Int64?, afterId: Int64?, limit: Int) async throws -> [Contact] {
        var conditions: [SQLQueryString] = ["merged_into_id IS NULL"]
        if let organizationId { conditions.append("organization_id = \(bind: organizationId)") }
        if let afterId { conditions.append("id > \(bind: afterId)") }
        for term in TextAnalyzer.queryTerms(query ?? "").prefix(8) {
            conditions.append("search_text LIKE \(bind: "%" + term + "%")")
        }
        let rows = try await sql.raw(
            "SELECT * FROM contacts WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(bind: limit)"
        ).all()
        return try await contacts(from: rows)
    }

    /// The latest messages of every ticket a contact asked, newest first: their history with
    /// the team on one timeline.
    public func customerTimeline(contactId: Int64, limit: Int) async throws -> [(ticket: Ticket, message: Message)] {
        let tickets = try await self.tickets(requesterId: contactId, limit: 500)
        guard !tickets.isEmpty else { return [] }
        let byId = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = try await sql.raw(
            "SELECT * FROM messages WHERE ticket_id IN (\(binds: Array(byId.keys))) ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)"
        ).all(MessageRow.self)
        return try rows.compactMap { row in
            let message = try row.message()
            return byId[message.ticketId].map { ($0, message) }
        }
    }

    /// The names of contacts, by id (for lists that show requesters).
    public func contactNames(ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await sql.raw("SELECT id, name FROM contacts WHERE id IN (\(binds: ids))").all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// The contact that owns an email address.
    public func contactId(email: String) async throws -> Int64? {
        try await sql.raw("SELECT contact_id FROM contact_identities WHERE kind = 'email' AND value = \(bind: email)")
            .first(decodingColumn: "contact_id", as: Int64.self)
    }

    /// Whether the contact is the ticket's requester or wrote on it before.
    public func isParticipant(contactId: Int64, ticketId: Int64) async throws -> Bool {
        try await sql.raw(
            """
            SELECT 1 AS yes FROM tickets WHERE id = \(bind: ticketId) AND requester_id = \(bind: contactId)
            UNION ALL SELECT 1 FROM messages WHERE ticket_id = \(bind: ticketId) AND author_kind = 'contact' AND author_id = \(bind: contactId)
            """
        ).first() != nil
    }

    private func contacts(from rows: [any SQLRow]) async throws -> [Contact] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let identities = try await sql.raw(
            "SELECT contact_id, kind, value FROM contact_identities WHERE contact_id IN (\(binds: ids)) ORDER BY id"
        ).all()
        var emails: [Int64: [String]] = [:]
        var phones: [Int64: [String]] = [:]
        for i in identities {
            let owner = try i.decode(column: "contact_id", as: Int64.self)
            let value = try i.decode(column: "value", as: String.self)
            if try i.decode(column: "kind", as: String.self) == "email" { emails[owner, default: []].append(value) }
            else { phones[owner, default: []].append(value) }
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return Contact(
                id: id, name: try row.decode(column: "name", as: String.self), emails: emails[id] ?? [], phones: phones[id] ?? [],
                locale: try row.decode(column: "locale", as: String?.self),
                organizationId: try row.decode(column: "organization_id", as: Int64?.self),
                attributes: try decodeJSON([String: JSONValue].self, try row.decode(column: "attributes", as: String.self)),
                mergedIntoId: try row.decode(column: "merged_into_id", as: Int64?.self),
                createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)),
                updatedAt: Date(ms: try row.decode(column: "updated_at", as: Int64.self)))
        }
    }
}

extension WriteContext {
    /// Creates a contact. Emails and phones must be free; with no organization given, an
    /// organization owning the first email's domain adopts the contact.
    public func createContact(_ input: ContactInput, actor: Actor) async throws -> Contact {
        try await createContact(input, actor: actor, identitiesChecked: false)
    }

    private func createContact(_ input: ContactInput, actor: Actor, identitiesChecked: Bool) async throws -> Contact {
        if !identitiesChecked { try await checkIdentitiesFree(input, except: nil) }
        let organizationId = try await resolveOrganization(input)
        guard let id = try await sql.raw(
            """
            INSERT INTO contacts (name, locale, organization_id, attributes, search_text, created_at, updated_at)
            VALUES (\(bind: input.name), \(bind: input.locale), \(bind: organizationId), \(bind: encodeJSON(input.attributes)),
              \(bind: Self.searchText(input)), \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        try await insertIdentities(contact: id, input)
        let contact = Contact(
            id: id, name: input.name, emails: input.emails.map(\.value), phones: input.phones.map(\.value), locale: input.locale,
            organizationId: organizationId, attributes: input.attributes, mergedIntoId: nil, createdAt: now, updatedAt: now)
        try await record(.contactCreated, entityId: id, actor: actor, after: JSONText(contact))
        return contact
    }

    /// The contact owning `email`, created with `name` when there is none.
    public func findOrCreateContact(email: EmailAddress, name: String?, actor: Actor) async throws -> Contact {
        if let id = try await reader.contactId(email: email.value), let contact = try await reader.contact(id: id) {
            if let target = contact.mergedIntoId, let merged = try await reader.contact(id: target) { return merged }
            return contact
        }
        let fallbackName = String(email.value.prefix { $0 != "@" })
        return try await createContact(
            ContactInput(name: name ?? fallbackName, emails: [email], phones: [], locale: nil, organizationId: nil, attributes: [:]),
            actor: actor, identitiesChecked: true)
    }

    /// Replaces a contact's fields and identities.
    public func updateContact(id: Int64, _ input: ContactInput, actor: Actor) async throws -> Contact {
        guard let before = try await reader.contact(id: id), before.mergedIntoId == nil else { throw DomainError.notFound("contact") }
        try await checkIdentitiesFree(input, except: id)
        if let org = input.organizationId, try await reader.organization(id: org) == nil {
            throw DomainError.invalid(field: "organization_id", "organization \(org) does not exist")
        }
        try await sql.raw(
            """
            UPDATE contacts SET name = \(bind: input.name), locale = \(bind: input.locale), organization_id = \(bind: input.organizationId),
              attributes = \(bind: encodeJSON(input.attributes)), search_text = \(bind: Self.searchText(input)),
              updated_at = \(bind: now.ms) WHERE id = \(bind: id)
            """
        ).run()
        try await sql.raw("DELETE FROM contact_identities WHERE contact_id = \(bind: id)").run()
        try await insertIdentities(contact: id, input)
        guard let after = try await reader.contact(id: id) else { throw StoreError.corrupt("contact vanished") }
        try await record(.contactUpdated, entityId: id, actor: actor, before: JSONText(before), after: JSONText(after))
        return after
    }

    /// Merges `sourceId` into `targetId`: tickets and identities move, the source stays as a pointer.
    public func mergeContacts(sourceId: Int64, into targetId: Int64, actor: Actor) async throws -> Contact {
        guard sourceId != targetId else { throw DomainError.invalid(field: "source_id", "cannot merge a contact into itself") }
        guard let source = try await reader.contact(id: sourceId), source.mergedIntoId == nil else {
            throw DomainError.notFound("contact", field: "source_id")
        }
        guard let target = try await reader.contact(id: targetId), target.mergedIntoId == nil else {
            throw DomainError.notFound("contact", field: "target_id")
        }
        try await sql.raw("UPDATE contact_identities SET contact_id = \(bind: targetId) WHERE contact_id = \(bind: sourceId)").run()
        let moved = try await sql.raw("SELECT id FROM tickets WHERE requester_id = \(bind: sourceId)").all(decodingColumn: "id", as: Int64.self)
        try await sql.raw(
            "UPDATE tickets SET requester_id = \(bind: targetId), updated_at = \(bind: now.ms), version = version + 1 WHERE requester_id = \(bind: sourceId)"
        ).run()
        let orgId = target.organizationId ?? source.organizationId
        let merged = ContactInput(
            name: target.name, emails: [], phones: [], locale: target.locale ?? source.locale, organizationId: orgId,
            attributes: source.attributes.merging(target.attributes) { _, t in t })
        try await sql.raw(
            """
            UPDATE contacts SET locale = \(bind: merged.locale), organization_id = \(bind: orgId),
              attributes = \(bind: encodeJSON(merged.attributes)),
              search_text = \(bind: TextAnalyzer.indexText(([target.name] + target.emails + source.emails + target.phones + source.phones).joined(separator: " "))),
              updated_at = \(bind: now.ms) WHERE id = \(bind: targetId)
            """
        ).run()
        try await sql.raw(
            "UPDATE contacts SET merged_into_id = \(bind: targetId), updated_at = \(bind: now.ms) WHERE id = \(bind: sourceId)"
        ).run()
        guard let after = try await reader.contact(id: targetId) else { throw StoreError.corrupt("contact vanished") }
        try await record(
            .contactMerged, entityId: targetId, actor: actor, before: JSONText([source, target]), after: JSONText(after),
            payload: JSONText(JSONValue.object(["source_id": .int(sourceId), "target_id": .int(targetId), "moved_ticket_ids": .from(moved)])))
        return after
    }

    private func checkIdentitiesFree(_ input: ContactInput, except id: Int64?) async throws {
        for (kind, values, field) in [("email", input.emails.map(\.value), "emails"), ("phone", input.phones.map(\.value), "phones")] {
            guard Set(values).count == values.count else { throw DomainError.invalid(field: field, "contains duplicates") }
            for value in values {
                if let owner = try await sql.raw(
                    "SELECT contact_id FROM contact_identities WHERE kind = \(bind: kind) AND value = \(bind: value)"
                ).first(decodingColumn: "contact_id", as: Int64.self), owner != id {
                    throw DomainError.conflict(field: field, "\(value) already belongs to contact \(owner)")
                }
            }
        }
    }

    private func resolveOrganization(_ input: ContactInput) async throws -> Int64? {
        if let org = input.organizationId {
            guard try await reader.organization(id: org) != nil else {
                throw DomainError.invalid(field: "organization_id", "organization \(org) does not exist")
            }
            return org
        }
        guard let domain = input.emails.first?.domain else { return nil }
        return try await sql.raw("SELECT organization_id FROM organization_domains WHERE domain = \(bind: domain)")
            .first(decodingColumn: "organization_id", as: Int64.self)
    }

    private func insertIdentities(contact id: Int64, _ input: ContactInput) async throws {
        for email in input.emails {
            try await sql.raw("INSERT INTO contact_identities (contact_id, kind, value) VALUES (\(bind: id), 'email', \(bind: email.value))").run()
        }
        for phone in input.phones {
            try await sql.raw("INSERT INTO contact_identities (contact_id, kind, value) VALUES (\(bind: id), 'phone', \(bind: phone.value))").run()
        }
    }

    static func searchText(_ input: ContactInput) -> String {
        TextAnalyzer.indexText(([input.name] + input.emails.map(\.value) + input.phones.map(\.value)).joined(separator: " "))
    }
}
