import Foundation
import SwitchboardCore

/// What the inbox page shows: the views with their counts, one page of tickets, the filters.
struct InboxModel {
    struct ViewLink {
        var key: String
        /// A catalogue key for built-in views; nil for saved views, whose `name` is shown.
        var labelKey: String?
        var name: String
        var count: Int
        var current: Bool
    }

    struct Row {
        var id: Int64
        var number: Int64
        var subject: String
        var requester: String
        var status: TicketStatus
        var priority: TicketPriority
        var assignee: String?
        var team: String?
        var updatedAt: Date
        var sla: TicketSLA?
    }

    var views: [ViewLink]
    /// The heading: the current view's name, or the search.
    var title: String
    var rows: [Row]
    var query: String
    var statusFilter: [TicketStatus]
    var priorityFilter: [TicketPriority]
    var sort: String
    /// The query string for the next page, when there is one.
    var nextPage: String?
    /// The query string of this page without the cursor (for sort and filter links).
    var baseQuery: [(String, String)]
    var timeZone: TimeZone
    /// When the page was made: SLA countdowns start from it.
    var now = Date()
    /// Who can be picked in the bulk bar's assignee list.
    var agents: [(id: Int64, name: String)]
    /// The outcome of the last bulk action (from the redirect's query).
    var bulkDone: Int?
    var bulkFailed: String?
    /// This page's path and query, to come back to after a bulk action.
    var here: String
    /// Whether the "save as a view" form may offer sharing, and its last problem.
    var canShareViews = false
    var viewError: String?
}
