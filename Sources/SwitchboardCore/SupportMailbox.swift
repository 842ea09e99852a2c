import Foundation

/// An email address customers write to, with how its mail comes in (IMAP, or the HTTP mailgate
/// an MTA pipes into) and goes out (SMTP).
public struct SupportMailbox: Sendable, Codable, Equatable {
    public var id: Int64
    /// What agents call it ("Support EN", "Billing").
    public var name: String
    /// The address, lower-cased: support@example.com.
    public var address: String
    /// The name replies go out under ("Acme Support").
    public var fromName: String?
    /// The team new tickets from this mailbox go to.
    public var teamId: Int64?
    /// Added under every reply sent from this mailbox.
    public var signature: String?
    /// Sent to the customer when their mail opens a ticket (`{number}` stands for the ticket's
    /// number); nil sends nothing. Never sent to automatic senders, and once a day per sender.
    public var acknowledgement: String?
    public var active: Bool
    public var imap: IMAPSettings?
    public var smtp: SMTPSettings?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, name: String, address: String, fromName: String?, teamId: Int64?, signature: String?, acknowledgement: String? = nil,
        active: Bool, imap: IMAPSettings?, smtp: SMTPSettings?, createdAt: Date, updatedAt: Date
    ) {
        self.acknowledgement = acknowledgement
        self.id = id
        self.name = name
        self.address = address
        self.fromName = fromName
        self.teamId = teamId
        self.signature = signature
        self.active = active
        self.imap = imap
        self.smtp = smtp
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The part of the address after the @: our Message-IDs and EHLO name use it.
    public var domain: String { address.split(separator: "@").last.map(String.init) ?? "localhost" }

    enum CodingKeys: String, CodingKey {
        case id, name, address, fromName = "from_name", teamId = "team_id", signature, acknowledgement, active, imap, smtp
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// How a connection to a mail server is protected.
public enum MailSecurity: String, Sendable, Codable, CaseIterable {
    /// TLS from the first byte (IMAPS 993, SMTPS 465).
    case tls
    /// Plain first, then STARTTLS before anything secret is sent.
    case starttls
    /// No encryption: only for servers on the same machine.
    case none
}

/// Where a mailbox's inbound mail is fetched from.
public struct IMAPSettings: Sendable, Codable, Equatable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var username: String
    public var password: String
    public var folder: String
    /// Where a message goes once its ticket is stored: nil keeps it in the folder, marked seen.
    public var moveTo: String?

    public init(host: String, port: Int, security: MailSecurity, username: String, password: String, folder: String, moveTo: String?) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.moveTo = moveTo
    }

    enum CodingKeys: String, CodingKey {
        case host, port, security, username, password, folder, moveTo = "move_to"
    }
}

/// Where a mailbox's outbound mail is handed over.
public struct SMTPSettings: Sendable, Codable, Equatable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    /// Without a username the server takes mail without AUTH (a local relay).
    public var username: String?
    public var password: String?

    public init(host: String, port: Int, security: MailSecurity, username: String?, password: String?) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
    }
}

/// What became of an inbound message.
public enum InboundOutcome: String, Sendable, Codable, Equatable {
    /// It opened a new ticket.
    case created
    /// It was added to an existing ticket.
    case appended
    /// The same message (by Message-ID) was taken before.
    case duplicate
    /// It came from one of our own addresses, so it is not taken.
    case ownAddress = "own_address"
    /// A bounce, noted on the ticket it answers (or kept aside).
    case bounce
    /// It could not be read; kept raw for an admin.
    case failed
    /// An outbound message the SMTP server took.
    case sent
    /// The sender sent more than the hourly limit; kept, not turned into tickets.
    case rateLimited = "rate_limited"
}
