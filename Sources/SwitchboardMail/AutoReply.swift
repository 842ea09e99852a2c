import Foundation

/// What kind of sender a message comes from, by its headers: a person, an automatic answer,
/// a list or bulk mailing, or a bounce. Automatic answers must never get one back.
public enum SenderKind: String, Sendable, Equatable {
    case person
    /// Vacation replies, auto-acknowledgements of other help desks (RFC 3834 Auto-Submitted …).
    case autoReply = "auto_reply"
    /// Mailing lists and bulk mail (Precedence: bulk / list / junk, List-Id).
    case bulk
    /// A delivery status notification (multipart/report; report-type=delivery-status).
    case bounce

    /// Whether automations may answer this sender.
    public var mayGetAutomaticAnswer: Bool { self == .person }

    public static func classify(_ message: MailMessage) -> SenderKind {
        let h = message.headers
        let type = HeaderParameters(h["Content-Type"] ?? "")
        if type.value == "multipart/report", type["report-type"]?.lowercased() == "delivery-status" { return .bounce }
        if message.attachments.contains(where: { $0.contentType == "message/delivery-status" }) { return .bounce }
        if let from = message.author?.address.lowercased(), from.hasPrefix("mailer-daemon") || from.hasPrefix("postmaster@") {
            return .bounce
        }
        if let auto = h["Auto-Submitted"]?.lowercased().trimmingCharacters(in: .whitespaces), !auto.isEmpty, !auto.hasPrefix("no") {
            return .autoReply
        }
        if h["X-Autoreply"] != nil || h["X-Autorespond"] != nil || h["X-Auto-Response-Suppress"] != nil { return .autoReply }
        if let precedence = h["Precedence"]?.lowercased().trimmingCharacters(in: .whitespaces) {
            if precedence == "auto_reply" { return .autoReply }
            if ["bulk", "list", "junk"].contains(precedence) { return .bulk }
        }
        if h["List-Id"] != nil || h["List-Unsubscribe"] != nil { return .bulk }
        return .person
    }
}
