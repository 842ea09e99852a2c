import Foundation
import Logging
import SwitchboardMail
import Vapor

/// A mail the system sends to a person (a reset link, an invitation): over SMTP from the first
/// active mailbox that can send, or into the log while there is none.
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
        get { storage[MailerKey.self] ?? SystemMailer(app: self) }
        set { storage[MailerKey.self] = newValue }
    }
}

/// Sends through the first active mailbox with SMTP settings, at once (these mails carry
/// one-time secrets, which must not wait in the job table); without such a mailbox, the log.
struct SystemMailer: Mailer {
    let app: Application

    func send(_ mail: OutgoingMail) async throws {
        let boxes = try await app.store.read { try await $0.mailboxes() }
        guard let box = boxes.first(where: { $0.active && $0.smtp != nil }) else {
            return try await LogMailer(logger: app.logger).send(mail)
        }
        var message = OutgoingMessage(
            from: Mailbox(name: box.fromName, address: box.address), to: [Mailbox(name: nil, address: mail.to)], subject: mail.subject,
            text: mail.text, date: app.store.clock())
        message.automatic = true
        let (bytes, _) = MailComposer.compose(message)
        do {
            try await OutboundMail.deliver(bytes, through: box, to: [mail.to], app: app)
        } catch {
            // The person is told the mail is on its way either way; the admin learns why it is not.
            app.logger.error("could not send \"\(mail.subject)\" to \(mail.to) through \(box.address): \(error)")
        }
    }
}
