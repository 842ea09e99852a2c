import Crypto
import Foundation

/// The reply address of a ticket: the mailbox's address with a signed plus part,
/// `support+t42.9f86d081e3@example.com`. A reply to it names its ticket, and only we can make
/// one (the signature is an HMAC with the workspace's secret), so nobody can post into a
/// ticket by guessing its number.
public enum ReplyAddress {
    public static func make(mailbox: String, ticketId: Int64, secret: String) -> String {
        let (local, domain) = split(mailbox)
        return "\(local)+t\(ticketId).\(signature(ticketId, secret))@\(domain)"
    }

    /// The ticket named by the first valid reply address among `recipients` for this mailbox.
    public static func ticketId(in recipients: [String], mailbox: String, secret: String) -> Int64? {
        let (base, domain) = split(mailbox.lowercased())
        for recipient in recipients {
            let (local, recipientDomain) = split(recipient.lowercased())
            guard recipientDomain == domain, local.hasPrefix(base + "+t") else { continue }
            let tag = local.dropFirst(base.count + 2).split(separator: ".", maxSplits: 1)
            guard tag.count == 2, let id = Int64(tag[0]), tag[1] == signature(id, secret) else { continue }
            return id
        }
        return nil
    }

    private static func signature(_ ticketId: Int64, _ secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("ticket:\(ticketId)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return mac.prefix(5).map { String(format: "%02x", $0) }.joined()
    }

    private static func split(_ address: String) -> (String, String) {
        guard let at = address.lastIndex(of: "@") else { return (address, "") }
        return (String(address[..<at]), String(address[address.index(after: at)...]))
    }
}

/// The ticket number tag in subjects: `[#1234]` by default, or with another prefix
/// (`[Ticket#1234]`). Outbound subjects carry it; inbound ones are searched for it.
public struct SubjectTag: Sendable {
    public let prefix: String

    public init(prefix: String = "#") { self.prefix = prefix }

    /// `subject` with the tag appended, unless it already has it.
    public func tagged(_ subject: String, number: Int64) -> String {
        let tag = "[\(prefix)\(number)]"
        return subject.contains(tag) ? subject : "\(subject) \(tag)"
    }

    /// The number in the last tag of `subject`, if any.
    public func number(in subject: String) -> Int64? {
        var found: Int64?
        var rest = Substring(subject)
        let open = "[" + prefix
        while let range = rest.range(of: open, options: .caseInsensitive) {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, rest[range.upperBound...].dropFirst(digits.count).first == "]", let n = Int64(digits) { found = n }
            rest = rest[range.upperBound...]
        }
        return found
    }
}
