import Foundation

/// A complete, believable help-desk workspace for demos and screenshots: teams, staff,
/// organizations, contacts and tickets with conversations in English, Ukrainian, Polish, Russian
/// and Greek. Built by `generate(seed:now:)`; the same seed and `now` always give the same data.
///
/// Records point at each other by index (a ticket's `requesterIndex` is an index into `contacts`),
/// so the store can insert them in order and map indices to the ids it assigns.
public struct DemoWorkspace: Sendable, Equatable, Codable {
    /// The teams, in a fixed order: Support, Billing, Technical, Sales.
    public var teams: [Team]
    /// Eight staff members covering every role.
    public var staff: [Staff]
    /// Customer companies; contacts point at them by index.
    public var organizations: [Organization]
    /// Customers; tickets point at them by index.
    public var contacts: [Contact]
    /// Tickets sorted by `createdAt`, oldest first, so their numbers follow creation order.
    public var tickets: [Ticket]

    /// A team of staff, such as Support or Billing.
    public struct Team: Sendable, Equatable, Codable {
        /// The team's display name.
        public var name: String
    }

    /// A staff member with a role, a free-text job title and team memberships.
    public struct Staff: Sendable, Equatable, Codable {
        /// Full name.
        public var name: String
        /// Lower-case sign-in email, unique in the workspace.
        public var email: String
        /// The permission set.
        public var role: Role
        /// The title shown to colleagues and customers, separate from the role.
        public var jobTitle: String
        /// Interface language, a `SupportedLocale` raw value.
        public var locale: String
        /// Names of the teams the staff member belongs to.
        public var teamNames: [String]
    }

    /// A customer company.
    public struct Organization: Sendable, Equatable, Codable {
        /// Company name in its own language and script.
        public var name: String
        /// The email domain its people use.
        public var domain: String
        /// `"standard"` or `"vip"`.
        public var tier: String
    }

    /// A customer.
    public struct Contact: Sendable, Equatable, Codable {
        /// Full name in the contact's own script.
        public var name: String
        /// Lower-case ASCII email, unique in the workspace.
        public var email: String
        /// E.164 phone number such as `+380441234567`, for about a third of contacts.
        public var phone: String?
        /// The language the contact writes in, a `SupportedLocale` raw value.
        public var locale: String
        /// Index into `organizations`, when the contact works for one.
        public var organizationIndex: Int?
    }

    /// A ticket with its conversation.
    public struct Ticket: Sendable, Equatable, Codable {
        /// Subject in the requester's language.
        public var subject: String
        /// Current status; recent tickets are more often unsolved.
        public var status: TicketStatus
        /// How urgent the ticket is.
        public var priority: TicketPriority
        /// What kind of request it is.
        public var type: TicketType
        /// Where the first message came from.
        public var channel: ChannelKind
        /// Index into `contacts`.
        public var requesterIndex: Int
        /// Index into `staff`; `nil` for `new` tickets.
        public var assigneeIndex: Int?
        /// The team the ticket is routed to, if routed yet.
        public var teamName: String?
        /// Lower-case tags such as `refund` or `vip`.
        public var tags: [String]
        /// When the customer wrote; equal to the first message's `createdAt`.
        public var createdAt: Date
        /// The timeline, oldest first.
        public var messages: [Message]
    }

    /// One entry of a ticket's conversation.
    public struct Message: Sendable, Equatable, Codable {
        /// `.contact` for the requester, `.staff` for replies and notes.
        public var authorKind: AuthorKind
        /// Index into `staff` when a staff member wrote it.
        public var staffIndex: Int?
        /// Internal notes are visible to staff only.
        public var visibility: MessageVisibility
        /// Plain-text body.
        public var body: String
        /// When it was written; later than the previous message and never after `now`.
        public var createdAt: Date
    }

    /// The fixed team names, in display order.
    public static let teamNames = ["Support", "Billing", "Technical", "Sales"]

    /// Builds the demo workspace.
    ///
    /// - Parameters:
    ///   - seed: Chooses every random detail; the same seed gives the same workspace.
    ///   - now: The end of the 90-day window the tickets are spread over.
    public static func generate(seed: UInt64, now: Date) -> DemoWorkspace {
        var random = DemoRandom(seed: seed)
        let staff = makeStaff()
        let organizations = makeOrganizations(random: &random)
        let contacts = makeContacts(organizations: organizations, random: &random)
        let tickets = makeTickets(
            contacts: contacts, organizations: organizations, staff: staff, now: now, random: &random)
        return DemoWorkspace(
            teams: teamNames.map { Team(name: $0) }, staff: staff, organizations: organizations,
            contacts: contacts, tickets: tickets)
    }
}
