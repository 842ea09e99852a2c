import Foundation
import SQLKit
import SwitchboardCore

extension WriteContext {
    /// Hands a ticket to another team (sales, marketing, technical…): the team changes, the
    /// assignee is cleared so the team's routing picks it up, and the reason is kept as an
    /// internal note.
    public func transferTicket(id: Int64, teamId: Int64, note rawNote: String, expectedVersion: Int64?, actor: Actor) async throws -> Ticket {
        let before = try await ticketForUpdate(id: id, expectedVersion: expectedVersion)
        guard before.status != .closed else { throw DomainError.invalidTransition(field: "ticket", "a closed ticket is final and cannot be changed") }
        guard before.teamId != teamId else { throw DomainError.invalid(field: "team_id", "the ticket is already with this team") }
        guard let team = try await reader.team(id: teamId) else { throw DomainError.invalid(field: "team_id", "team \(teamId) does not exist") }
        let note = try validatedText(rawNote, field: "note", max: Limits.body) ?? ""
        let ticket = try await updateTicket(id: id, TicketChanges(assigneeId: .some(nil), teamId: .some(team.id)), expectedVersion: nil, actor: actor)
        let (after, _) = try await addMessage(
            ticketId: id, authorKind: .staff, authorId: actor.id, visibility: .internal, channel: ticket.channel, body: note, actor: actor)
        return after
    }

    /// Invites staff from other teams into the ticket's internal conversation: they follow the
    /// ticket (and hear of every customer reply) and a note addressed to them asks the question;
    /// they are told by mail (mention notification).
    public func inviteCollaborators(ticketId: Int64, userIds: [Int64], note rawNote: String, actor: Actor) async throws -> Ticket {
        guard !userIds.isEmpty else { throw DomainError.invalid(field: "user_ids", "name at least one person") }
        let note = try validatedText(rawNote, field: "note", max: Limits.body) ?? ""
        var handles: [String] = []
        var ticket = try await ticketForUpdate(id: ticketId, expectedVersion: nil)
        for userId in Array(Set(userIds)).sorted() {
            guard let user = try await reader.user(id: userId), user.active else {
                throw DomainError.invalid(field: "user_ids", "user \(userId) does not exist or is inactive")
            }
            handles.append("@" + String(user.email.prefix { $0 != "@" }))
            ticket = try await setFollowing(ticketId: ticketId, userId: userId, following: true, actor: actor)
        }
        let (after, _) = try await addMessage(
            ticketId: ticketId, authorKind: .staff, authorId: actor.id, visibility: .internal, channel: ticket.channel,
            body: handles.joined(separator: " ") + " " + note, actor: actor)
        return after
    }
}
