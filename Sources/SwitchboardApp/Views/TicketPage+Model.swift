import Foundation
import SwitchboardCore

/// What the ticket page shows.
struct TicketPageModel {
    struct Entry {
        var message: Message
        var author: String
    }

    struct Option {
        var id: Int64
        var name: String
    }

    var ticket: Ticket
    var requester: Contact?
    var organization: String?
    var entries: [Entry]
    var agents: [Option]
    var teams: [Option]
    var otherTickets: [Ticket]
    var timeZone: TimeZone
    /// Problems with the last submitted form, by field, and what was typed.
    var errors: [String: String] = [:]
    var draft: String = ""
    var draftKind: MessageVisibility = .public
    var mergeDraft: String = ""
    /// Set when another agent changed the ticket since the form was loaded.
    var staleBy: Ticket?
}
