import Foundation
import SQLKit
import SwitchboardCore

extension WriteContext {
    /// Loads a ticket for changing it, refusing a stale `expectedVersion` with the current state.
    func ticketForUpdate(id: Int64, expectedVersion: Int64?) async throws -> Ticket {
        guard let ticket = try await reader.ticket(id: id) else { throw DomainError.notFound("ticket") }
        if let expectedVersion, expectedVersion != ticket.version {
            throw StaleTicket(current: ticket)
        }
        return ticket
    }

    /// Changes a ticket's fields; a stale `expectedVersion` is refused with the current state.
    public func updateTicket(id: Int64, _ changes: TicketChanges, expectedVersion: Int64?, actor: Actor) async throws -> Ticket {
        try await updateTicket(try await ticketForUpdate(id: id, expectedVersion: expectedVersion), changes, actor: actor)
    }

    /// `updateTicket` of `before`, the ticket as this write read it.
    func updateTicket(_ before: Ticket, _ changes: TicketChanges, actor: Actor) async throws -> Ticket {
        let id = before.id
        var changes = changes
        if let type = changes.type, type != before.type { try checkTypeOffered(type) }
        if let values = changes.customFields {
            let merged = try await validatedCustomFields(values, existing: before.customFields)
            var replacement: [String: CustomFieldValue] = [:]
            for key in Set(merged.keys).union(before.customFields.keys) { replacement[key] = merged[key] ?? .null }
            changes.customFields = replacement
        }
        let assignee = changes.assigneeId.flatMap { $0 }
        let team = changes.teamId.flatMap { $0 }
        try await checkAssignment(assigneeId: assignee == before.assigneeId ? nil : assignee, teamId: team)
        if let requesterId = changes.requesterId {
            guard let contact = try await reader.contact(id: requesterId), contact.mergedIntoId == nil else {
                throw DomainError.invalid(field: "requester_id", "contact \(requesterId) does not exist")
            }
        }
        var ticket = before
        guard try changes.apply(to: &ticket, now: now) else { return ticket }
        if ticket.requesterId != before.requesterId {
            ticket.organizationId = try await reader.contact(id: ticket.requesterId)?.organizationId
        }
        try await applySLA(&ticket, before: before, activity: nil)
        try await save(ticket, before: before)
        if ticket.tags != before.tags { try await setTags(ticket: id, ticket.tags, before: before.tags) }
        if ticket.subject != before.subject { try await SearchIndex.append(ticket.subject, ticket: id, on: sql) }
        try await recordTicketUpdate(before, ticket, actor: actor)
        return ticket
    }

    /// Adds a message to a ticket's timeline and applies what it means for the status:
    /// a customer reply reopens a solved ticket, a staff reply opens a new one and marks the
    /// first reply time. A customer reply to a closed ticket opens a follow-up ticket instead.
    /// Returns the ticket the message landed on and the message.
    public func addMessage(
        ticketId: Int64, authorKind: AuthorKind, authorId: Int64?, visibility: MessageVisibility, channel: ChannelKind,
        body rawBody: String, externalId: String? = nil, actor: Actor
    ) async throws -> (ticket: Ticket, message: Message) {
        let body = try validatedText(rawBody, field: "body", max: Limits.body) ?? ""
        guard let before = try await reader.ticket(id: ticketId) else { throw DomainError.notFound("ticket") }
        if authorKind == .contact && visibility == .internal {
            throw DomainError.invalid(field: "visibility", "customers cannot write internal notes")
        }
        if before.status == .closed {
            guard authorKind == .contact else {
                throw DomainError.invalidTransition(field: "ticket", "a closed ticket is final; open a follow-up ticket")
            }
            return try await followUp(closed: before, body: body, channel: channel, externalId: externalId, actor: actor)
        }
        let message = try await insertMessage(
            ticketId: ticketId, authorKind: authorKind, authorId: authorId, visibility: visibility, channel: channel,
            body: body, externalId: externalId)
        var ticket = before
        switch (authorKind, visibility) {
        case (.contact, _):
            try ticket.setStatus(ticket.status.afterCustomerReply, now: now)
        case (.staff, .public):
            if ticket.firstReplyAt == nil { ticket.firstReplyAt = now }
            ticket.status = ticket.status.afterMessage(by: authorKind, visibility: visibility)
        default:
            break
        }
        ticket.version += 1
        ticket.updatedAt = now
        let activity: SLAEngine.Activity? = switch (authorKind, visibility) {
        case (.contact, _): .customerWrote
        case (.staff, .public): .staffReplied
        default: nil
        }
        try await applySLA(&ticket, before: before, activity: activity)
        try await save(ticket, before: before)
        try await SearchIndex.append(body, ticket: ticketId, on: sql)
        try await record(
            .messageAdded, entityId: ticketId, actor: actor, before: before.status != ticket.status ? JSONText(before) : nil,
            after: JSONText(message), payload: JSONText(TicketEventPayload(ticket: ticket, message: message, cause: automationCause)))
        return (ticket, message)
    }

    private func followUp(closed: Ticket, body: String, channel: ChannelKind, externalId: String?, actor: Actor) async throws
        -> (ticket: Ticket, message: Message)
    {
        guard let contact = try await reader.contact(id: closed.requesterId), let email = contact.emails.first else {
            throw DomainError.invalid(field: "ticket", "the requester has no email to open a follow-up with")
        }
        let ticket = try await createTicket(
            NewTicket(
                subject: closed.subject, body: body, requesterEmail: try EmailAddress(email), requesterName: contact.name,
                priority: closed.priority, type: closed.type, channel: channel, tags: closed.tags,
                assigneeId: closed.assigneeId, teamId: closed.teamId),
            actor: actor)
        try await link(ticket.id, to: closed.id, kind: .followUpOf, actor: actor)
        guard let message = try await reader.messages(ticketId: ticket.id).first else { throw StoreError.corrupt("no first message") }
        return (ticket, message)
    }

    /// Links two tickets (and the inverse link on the other).
    public func link(_ ticketId: Int64, to otherId: Int64, kind: TicketLinkKind, actor: Actor) async throws {
        guard ticketId != otherId else { throw DomainError.invalid(field: "other_id", "a ticket cannot link to itself") }
        guard try await reader.ticket(id: ticketId) != nil else { throw DomainError.notFound("ticket") }
        guard try await reader.ticket(id: otherId) != nil else { throw DomainError.notFound("ticket", field: "other_id") }
        for (a, b, k) in [(ticketId, otherId, kind), (otherId, ticketId, kind.inverse)] {
            if try await sql.raw(
                "SELECT kind FROM ticket_links WHERE ticket_id = \(bind: a) AND other_id = \(bind: b) AND kind = \(bind: k.rawValue)"
            ).first() == nil {
                try await sql.raw(
                    "INSERT INTO ticket_links (ticket_id, other_id, kind, created_at) VALUES (\(bind: a), \(bind: b), \(bind: k.rawValue), \(bind: now.ms))"
                ).run()
            }
        }
        try await record(
            .ticketLinked, entityId: ticketId, actor: actor,
            after: JSONText(JSONValue.object(["other_id": .int(otherId), "kind": .string(kind.rawValue)])))
    }

    /// Removes a link between two tickets (both directions).
    public func unlink(_ ticketId: Int64, from otherId: Int64, kind: TicketLinkKind, actor: Actor) async throws {
        try await sql.raw(
            "DELETE FROM ticket_links WHERE ticket_id = \(bind: ticketId) AND other_id = \(bind: otherId) AND kind = \(bind: kind.rawValue)"
        ).run()
        try await sql.raw(
            "DELETE FROM ticket_links WHERE ticket_id = \(bind: otherId) AND other_id = \(bind: ticketId) AND kind = \(bind: kind.inverse.rawValue)"
        ).run()
        try await record(
            .ticketUnlinked, entityId: ticketId, actor: actor,
            before: JSONText(JSONValue.object(["other_id": .int(otherId), "kind": .string(kind.rawValue)])))
    }

    /// Merges `sourceId` into `targetId`: the source's timeline moves to the target, the
    /// source is closed with a pointer to the target and a note saying so.
    public func mergeTicket(_ sourceId: Int64, into targetId: Int64, actor: Actor) async throws -> Ticket {
        guard sourceId != targetId else { throw DomainError.invalid(field: "target_id", "cannot merge a ticket into itself") }
        let source = try await ticketForUpdate(id: sourceId, expectedVersion: nil)
        guard let target = try await reader.ticket(id: targetId) else { throw DomainError.notFound("ticket", field: "target_id") }
        guard source.status != .closed else { throw DomainError.invalidTransition(field: "ticket", "a closed ticket cannot be merged") }
        guard target.status != .closed else {
            throw DomainError.invalidTransition(field: "target_id", "cannot merge into a closed ticket")
        }
        let moved = try await reader.messages(ticketId: sourceId)
        try await sql.raw("UPDATE messages SET ticket_id = \(bind: targetId) WHERE ticket_id = \(bind: sourceId)").run()
        try await sql.raw("UPDATE side_conversations SET ticket_id = \(bind: targetId) WHERE ticket_id = \(bind: sourceId)").run()
        _ = try await insertMessage(
            ticketId: sourceId, authorKind: .system, authorId: actor.id, visibility: .internal, channel: source.channel,
            body: "Merged into #\(target.number)")
        var closed = source
        try closed.setStatus(.closed, now: now)
        closed.mergedIntoId = targetId
        closed.version += 1
        closed.updatedAt = now
        try await applySLA(&closed, before: source, activity: nil)
        try await save(closed, before: source)
        var merged = target
        merged.tags = try Tags.normalize(target.tags + source.tags)
        merged.followerIds = Array(Set(target.followerIds + source.followerIds)).sorted()
        merged.version += 1
        merged.updatedAt = now
        try await save(merged, before: target)
        try await setTags(ticket: targetId, merged.tags, before: target.tags)
        try await SearchIndex.append(
            ([source.subject] + moved.map(\.body)).joined(separator: "\n"), ticket: targetId, on: sql)
        try await SearchIndex.replace(source.subject, ticket: sourceId, on: sql)
        try await link(sourceId, to: targetId, kind: .mergedInto, actor: actor)
        let payload = JSONText(JSONValue.object(["source_id": .int(sourceId), "target_id": .int(targetId), "moved_message_ids": .from(moved.map(\.id))]))
        try await record(.ticketMerged, entityId: sourceId, actor: actor, before: JSONText(source), after: JSONText(closed), payload: payload)
        // The target's history shows the merge too, with the tags and followers it took over.
        try await record(.ticketMerged, entityId: targetId, actor: actor, before: JSONText(target), after: JSONText(merged), payload: payload)
        return merged
    }

    /// Moves one message into a new ticket linked to the original.
    public func splitTicket(_ ticketId: Int64, messageId: Int64, subject: String?, actor: Actor) async throws -> Ticket {
        let original = try await ticketForUpdate(id: ticketId, expectedVersion: nil)
        guard original.status != .closed else { throw DomainError.invalidTransition(field: "ticket", "a closed ticket cannot be split") }
        guard let message = try await reader.message(id: messageId), message.ticketId == ticketId else {
            throw DomainError.notFound("message", field: "message_id")
        }
        let remaining = try await reader.messages(ticketId: ticketId)
        guard remaining.count > 1 else { throw DomainError.invalid(field: "message_id", "a ticket's only message cannot be split off") }
        let newSubject = try validatedText(subject ?? "Split from #\(original.number): \(original.subject)", field: "subject", max: Limits.subject)
            ?? original.subject
        let number = try takeTicketNumber()
        var ticket = Ticket(
            id: 0, number: number, subject: newSubject, status: .open, priority: original.priority, type: original.type,
            channel: original.channel, requesterId: original.requesterId, organizationId: original.organizationId,
            assigneeId: original.assigneeId, teamId: original.teamId, tags: original.tags, createdAt: now)
        try await applySLA(&ticket, before: nil, activity: .opened(byStaff: message.authorKind != .contact))
        ticket.id = try await insert(ticket)
        try await setTags(ticket: ticket.id, ticket.tags, before: [])
        try await sql.raw("UPDATE messages SET ticket_id = \(bind: ticket.id) WHERE id = \(bind: messageId)").run()
        try await SearchIndex.append(newSubject + "\n" + message.body, ticket: ticket.id, on: sql)
        try await SearchIndex.replace(
            ([original.subject] + remaining.filter { $0.id != messageId }.map(\.body)).joined(separator: "\n"), ticket: ticketId, on: sql)
        var updated = original
        updated.version += 1
        updated.updatedAt = now
        try await save(updated, before: original)
        try await record(.ticketCreated, entityId: ticket.id, actor: actor, after: JSONText(ticket))
        try await link(ticket.id, to: ticketId, kind: .splitFrom, actor: actor)
        try await record(
            .ticketSplit, entityId: ticketId, actor: actor,
            payload: JSONText(JSONValue.object(["ticket_id": .int(ticketId), "new_ticket_id": .int(ticket.id), "message_id": .int(messageId)])))
        return ticket
    }

    /// Adds or removes a follower.
    public func setFollowing(ticketId: Int64, userId: Int64, following: Bool, actor: Actor) async throws -> Ticket {
        let before = try await ticketForUpdate(id: ticketId, expectedVersion: nil)
        guard try await reader.user(id: userId) != nil else { throw DomainError.notFound("user") }
        var ticket = before
        if following { ticket.followerIds = Array(Set(ticket.followerIds + [userId])).sorted() }
        else { ticket.followerIds.removeAll { $0 == userId } }
        guard ticket != before else { return ticket }
        ticket.version += 1
        ticket.updatedAt = now
        try await save(ticket, before: before)
        try await recordTicketUpdate(before, ticket, actor: actor)
        return ticket
    }
}

/// A write refused because the ticket changed since the client read it; carries the current state.
public struct StaleTicket: Error, Sendable {
    public let current: Ticket
}
