import Foundation
import SQLKit
import SwitchboardCore

/// Opening many tickets in one go: the hot write path. Every ticket of a batch is validated in
/// memory, requesters and assignees are looked up with one query each, ids are reserved up front
/// and every table gets one multi-row insert, instead of a dozen statements per ticket.
extension WriteContext {
    /// Opens `drafts` (each with its own actor); a draft that fails validation gets its error and
    /// the others are still created. Database errors fail the whole call. Uses the batch's
    /// prefetched lookups when the writer ran `intakePrefetch(drafts)` with its lock.
    public func createTickets(_ drafts: [(NewTicket, Actor)]) async throws -> [Result<Ticket, DomainError>] {
        var results = [Result<Ticket, DomainError>?](repeating: nil, count: drafts.count)
        var valid: [(index: Int, new: NewTicket, actor: Actor, subject: String, body: String, tags: [String], fields: [String: CustomFieldValue])] = []
        let definitions = try await customFieldDefinitions()
        for (i, (new, actor)) in drafts.enumerated() {
            do throws(DomainError) {
                let subject = try validatedText(new.subject, field: "subject", max: Limits.subject) ?? ""
                let body = try validatedText(new.body, field: "body", max: Limits.body) ?? ""
                try checkTypeOffered(new.type)
                let tags = try Tags.normalize(new.tags)
                let fields = try CustomFieldValidator.validate(new.customFields, definitions: definitions).filter { $0.value != .null }
                try CustomFieldValidator.checkRequired(fields, definitions: definitions)
                valid.append((i, new, actor, subject, body, tags, fields))
            } catch {
                results[i] = .failure(error)
            }
        }
        let known: IntakeLookups
        if let prefetched {
            known = try IntakeLookups(prefetched: prefetched)
        } else {
            known = try await intakeLookups(
                emails: valid.map(\.new.requesterEmail), userIds: valid.compactMap(\.new.assigneeId), teamIds: valid.compactMap(\.new.teamId))
        }
        valid = valid.filter { item in
            guard let refusal = known.refusal(assignee: item.new.assigneeId, team: item.new.teamId) else { return true }
            results[item.index] = .failure(refusal)
            return false
        }
        var requesters = try await resolvedRequesters(known)
        var seen = Set(requesters.keys)
        let missing = valid.filter { seen.insert($0.new.requesterEmail.value).inserted }.map {
            ($0.new.requesterEmail, $0.new.requesterName, $0.actor)
        }
        let ids =
            known.ids.isEmpty
            ? try await reserveIds([
                ("tickets", valid.count), ("messages", valid.count), ("contacts", missing.count), ("contact_identities", missing.count),
            ]) : known.ids
        try await createRequesters(
            missing, organizations: known.organizationByDomain, contactIds: ids["contacts"] ?? [], identityIds: ids["contact_identities"] ?? [], into: &requesters)
        let ticketIds = ids["tickets"] ?? []
        let messageIds = ids["messages"] ?? []
        var ticketRows: [[any Encodable & Sendable]] = []
        var messageRows: [[any Encodable & Sendable]] = []
        var tagRows: [[any Encodable & Sendable]] = []
        var slaRows: [[any Encodable & Sendable]] = []
        var search: [(Int64, String)] = []
        let sla = try await slaEngine()
        let tiers = sla.needsTier ? try await reader.organizationTiers(requesters.values.compactMap(\.organizationId)) : [:]
        for (n, item) in valid.enumerated() {
            let new = item.new
            guard let requester = requesters[new.requesterEmail.value] else { throw StoreError.corrupt("requester not resolved") }
            let created = new.createdAt ?? now
            var ticket = Ticket(
                id: ticketIds[n], number: try takeTicketNumber(), subject: item.subject, status: new.status, priority: new.priority,
                type: new.type, channel: new.channel, requesterId: requester.id, organizationId: requester.organizationId,
                assigneeId: new.assigneeId, teamId: new.teamId, tags: item.tags, customFields: item.fields, createdAt: created)
            if ticket.status == .new, ticket.assigneeId != nil { ticket.status = .open }
            if ticket.status == .solved || ticket.status == .closed { ticket.solvedAt = created }
            if ticket.status == .closed { ticket.closedAt = created }
            if ticket.status == .pending { ticket.pendingSince = created }
            if !sla.policies.isEmpty {
                let tier = ticket.organizationId.flatMap { tiers[$0] }
                sla.update(&ticket, before: nil, activity: .opened(byStaff: new.authorUserId != nil), tier: tier, now: created)
            }
            let author: (AuthorKind, Int64?) = new.authorUserId.map { (.staff, $0) } ?? (.contact, requester.id)
            let message = Message(
                id: messageIds[n], ticketId: ticket.id, authorKind: author.0, authorId: author.1, visibility: .public,
                channel: new.channel, body: item.body, createdAt: created)
            ticketRows.append(Self.row(ticket))
            if let clocks = ticket.sla { slaRows.append(Self.slaRow(ticket.id, clocks, checkAt: sla.nextCheck(ticket))) }
            messageRows.append(Self.row(message))
            tagRows += item.tags.map { [$0, ticket.id] }
            search.append((ticket.id, TextAnalyzer.indexText(item.subject + "\n" + item.body)))
            // The payload is {"message": …, "ticket": …} (keys sorted): reuse the ticket's text.
            let ticketText = JSONText(ticket)
            let payload = JSONText(stored: "{\"message\":" + JSONText(message).text + ",\"ticket\":" + ticketText.text + "}")
            try await record(.ticketCreated, entityId: ticket.id, actor: item.actor, after: ticketText, payload: payload)
            if ticket.sla != nil { try await recordBreaches(of: ticket, since: nil) }
            results[item.index] = .success(ticket)
        }
        try await insertRows("tickets", Self.ticketColumns, ticketRows, deferred: true)
        try await insertRows("ticket_sla", Self.slaColumns, slaRows, deferred: true)
        try await insertRows("messages", Self.messageColumns, messageRows, deferred: true)
        try await insertRows("ticket_tags", ["tag", "ticket_id"], tagRows, deferred: true)
        for statement in SearchIndex.inserts(search, dialect: dialect) {
            try await runDeferred(statement, binds: 2)
        }
        return results.map { $0 ?? .failure(DomainError(.invalid, "not processed")) }
    }

    /// The lookups of `createTickets(drafts)` and the ids it may need, for the writer to run
    /// with its lock (PostgreSQL): ids not used are skipped, as PostgreSQL's sequences do anyway.
    static func intakePrefetch(_ drafts: [(NewTicket, Actor)]) -> SQLQueryString {
        let emails = drafts.map(\.0.requesterEmail)
        let newContacts = Set(emails.map(\.value)).count
        return IntakeLookups.prefetch(
            emails: emails, userIds: drafts.compactMap(\.0.assigneeId), teamIds: drafts.compactMap(\.0.teamId),
            reserve: [("tickets", drafts.count), ("messages", drafts.count), ("contacts", newContacts), ("contact_identities", newContacts)])
    }

    /// Creates a contact for each of `missing` (distinct emails nobody owns yet) under the
    /// reserved ids, joined to the organization that owns its domain, with one insert per table.
    private func createRequesters(
        _ missing: [(EmailAddress, String?, Actor)], organizations orgByDomain: [String: Int64], contactIds ids: [Int64],
        identityIds: [Int64], into found: inout [String: (id: Int64, organizationId: Int64?)]
    ) async throws {
        guard !missing.isEmpty else { return }
        guard ids.count >= missing.count, identityIds.count >= missing.count else { throw StoreError.corrupt("id reservation") }
        var contactRows: [[any Encodable & Sendable]] = []
        var identityRows: [[any Encodable & Sendable]] = []
        for (n, (email, name, actor)) in missing.enumerated() {
            let contact = Contact(
                id: ids[n], name: name ?? String(email.value.prefix { $0 != "@" }), emails: [email.value], phones: [], locale: nil,
                organizationId: orgByDomain[email.domain], attributes: [:], mergedIntoId: nil, createdAt: now, updatedAt: now)
            contactRows.append([
                contact.id, contact.name, contact.locale, contact.organizationId, "{}",
                TextAnalyzer.indexText(contact.name + " " + email.value), now.ms, now.ms,
            ])
            identityRows.append([identityIds[n], contact.id, "email", email.value])
            found[email.value] = (contact.id, contact.organizationId)
            try await record(.contactCreated, entityId: contact.id, actor: actor, after: JSONText(contact))
        }
        try await insertRows(
            "contacts", ["id", "name", "locale", "organization_id", "attributes", "search_text", "created_at", "updated_at"], contactRows,
            deferred: true)
        try await insertRows("contact_identities", ["id", "contact_id", "kind", "value"], identityRows, deferred: true)
    }

    /// Takes ids from the id sequences of several tables with one query.
    func reserveIds(_ wanted: [(table: String, count: Int)]) async throws -> [String: [Int64]] {
        let wanted = wanted.filter { $0.count > 0 }
        guard !wanted.isEmpty else { return [:] }
        var out: [String: [Int64]] = [:]
        switch dialect {
        case .postgres:
            let parts: [SQLQueryString] = wanted.map { table, count in
                "SELECT \(bind: table) AS t, nextval(pg_get_serial_sequence(\(bind: table), 'id')) AS id FROM generate_series(1, \(bind: Int64(count)))"
            }
            for row in try await sql.raw("\(parts.joined(separator: " UNION ALL "))").all() {
                out[try row.decode(column: "t", as: String.self), default: []].append(try row.decode(column: "id", as: Int64.self))
            }
            for key in out.keys { out[key]?.sort() }
        case .sqlite:
            // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence (no row: none yet);
            // inserting explicit ids above it moves it on. This writer is the only one, so nobody races us.
            var last: [String: Int64] = [:]
            for row in try await sql.raw("SELECT name, seq FROM sqlite_sequence WHERE name IN (\(binds: wanted.map(\.table)))").all() {
                last[try row.decode(column: "name", as: String.self)] = try row.decode(column: "seq", as: Int64.self)
            }
            for (table, count) in wanted {
                let first = (last[table] ?? 0) + 1
                out[table] = Array(first..<(first + Int64(count)))
            }
        }
        return out
    }

    /// Inserts `rows` (see `inserts`); `deferred` lets PostgreSQL send them with the batch's
    /// last statement (see `runDeferred`).
    func insertRows(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]], deferred: Bool = false) async throws {
        for insert in inserts(table, columns, rows) {
            if deferred {
                try await runDeferred(insert, binds: (insert as? RowsInsert)?.bindCount ?? columns.count)
            } else {
                try await sql.execute(sql: insert) { _ in }
            }
        }
    }
}
