import Foundation
import Logging
import Vapor

/// A mail we send (a reset link, later notifications). The email channel will send these over
/// SMTP; until it exists the log carries them.
struct OutgoingMail: Sendable {
    var to: String
    var subject: String
    var text: String
}

/// Where outgoing mail goes.
protocol Mailer: Sendable {
    func send(_ mail: OutgoingMail) async throws
}

/// Writes each mail to the log at notice level, so an admin (or a test) can read it.
struct LogMailer: Mailer {
    let logger: Logger

    func send(_ mail: OutgoingMail) async throws {
        logger.notice("outgoing mail to \(mail.to): \(mail.subject)\n\(mail.text)")
    }
}

extension Application {
    private struct MailerKey: StorageKey { typealias Value = any Mailer }

    var mailer: any Mailer {
        get { storage[MailerKey.self] ?? LogMailer(logger: logger) }
        set { storage[MailerKey.self] = newValue }
    }
}
