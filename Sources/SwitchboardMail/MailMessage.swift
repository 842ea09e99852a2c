import Foundation

/// A file carried by a message: an attachment, or an inline part (an image the HTML shows
/// through `cid:`, a part without a body role).
public struct MailAttachment: Sendable, Equatable {
    public enum Disposition: String, Sendable { case attachment, inline }

    /// The decoded file name, when the sender gave one.
    public var filename: String?
    /// `type/subtype`, lower-cased, as written (`image/jpg` stays so).
    public var contentType: String
    /// The Content-ID without angle brackets, for `cid:` references.
    public var contentId: String?
    public var disposition: Disposition
    /// The decoded content.
    public var data: [UInt8]

    public init(filename: String?, contentType: String, contentId: String?, disposition: Disposition, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.contentId = contentId
        self.disposition = disposition
        self.data = data
    }
}

/// A parsed message: who, what, when, how it threads, its bodies and files.
public struct MailMessage: Sendable {
    public var headers: Headers
    public var from: [Mailbox] = []
    public var sender: Mailbox?
    public var replyTo: [Mailbox] = []
    public var to: [Mailbox] = []
    public var cc: [Mailbox] = []
    public var subject: String?
    public var date: Date?
    /// Message ids without angle brackets.
    public var messageId: String?
    public var inReplyTo: [String] = []
    public var references: [String] = []
    /// The plain-text body, when the message has one.
    public var text: String?
    /// The HTML body, as sent (not yet sanitized).
    public var html: String?
    public var attachments: [MailAttachment] = []
    /// What was wrong with the message and how it was read anyway.
    public var problems: [String] = []

    /// The first From mailbox, else Sender, else Reply-To: who wrote it.
    public var author: Mailbox? { from.first ?? sender ?? replyTo.first }

    /// The body as plain text: the text part, else the HTML part rendered to text.
    public var plainText: String? { text ?? html.map(HTMLText.plain) }
}
