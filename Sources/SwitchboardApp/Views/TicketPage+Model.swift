import Foundation
import SwitchboardCore
import SwitchboardStore

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

    /// A change from the audit log, for the History section.
    struct HistoryItem {
        var at: Date
        var actor: String
        var action: String
        var changes: [FieldChange]
    }

    /// An SLA or automation event shown on the timeline among the messages.
    struct TimelineEvent {
        enum Kind { case breached, escalated, automated }
        var at: Date
        var kind: Kind
        var metric: SLAMetric?
        var level: Int?
        /// Whether the escalation handed the ticket to the next tier.
        var nextTier = false
        var name: String?
        var actor: String
    }

    /// A link to another ticket.
    struct Link {
        var kind: TicketLinkKind
        var other: Ticket
    }

    var ticket: Ticket
    var customFields: [CustomFieldDefinition] = []
    var history: [HistoryItem] = []
    var events: [TimelineEvent] = []
    var links: [Link] = []
    var attachments: [Int64: [Attachment]] = [:]
    /// When mail to the requester's addresses last bounced, by address.
    var bounced: [String: Date] = [:]
    /// Messages that came with HTML (mail), shown in a sandboxed frame on request.
    var htmlMessages: Set<Int64> = []
    var requester: Contact?
    var organization: String?
    var entries: [Entry]
    var agents: [Option]
    var teams: [Option]
    var otherTickets: [Ticket]
    /// The types offered (those turned off are not, unless the ticket has one).
    var types: [TicketType] = TicketType.allCases
    var timeZone: TimeZone
    /// The note typed for a refused transfer.
    var transferDraft: String = ""
    /// Side conversations beside the ticket, and every staff member's name (for their members).
    var sideConversations: [SideConversation] = []
    var staffNames: [Int64: String] = [:]
    /// What was typed for a refused side conversation: subject and message.
    var sideDraft: (subject: String, body: String) = ("", "")
    /// The macros the agent may apply.
    var macros: [Option] = []
    /// When the page was made: SLA countdowns start from it.
    var now = Date()
    /// Problems with the last submitted form, by field, and what was typed.
    var errors: [String: String] = [:]
    var draft: String = ""
    var draftKind: MessageVisibility = .public
    var mergeDraft: String = ""
    /// Set when another agent changed the ticket since the form was loaded.
    var staleBy: Ticket?
}
