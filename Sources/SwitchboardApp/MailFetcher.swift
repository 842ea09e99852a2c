import Foundation
import NIOCore
import NIOSSL
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// Fetches inbound mail over IMAP for every active mailbox that has IMAP settings: one task per
/// mailbox, which takes the unseen messages oldest first and then waits in IDLE (or polls when
/// the server has no IDLE). A message is marked seen, or moved, only after its ticket is
/// stored: a crash in between fetches it again, and the Message-ID check takes it once.
struct MailFetcher: LifecycleHandler {
    final class State: @unchecked Sendable {  // set in didBoot, read in shutdown, both on the main thread
        var supervisor: Task<Void, Never>?
    }
    let state = State()

    func didBootAsync(_ app: Application) async throws {
        state.supervisor = Task { await Self.supervise(app) }
    }

    func shutdownAsync(_ app: Application) async {
        state.supervisor?.cancel()
        await state.supervisor?.value
    }

    /// Keeps one fetch task per mailbox, restarting it when the mailbox's settings change.
    static func supervise(_ app: Application) async {
        var running: [Int64: (settings: IMAPSettings, task: Task<Void, Never>)] = [:]
        while !Task.isCancelled {
            let boxes = (try? await app.store.read { try await $0.mailboxes() }) ?? []
            let wanted = Dictionary(boxes.compactMap { box in box.active ? box.imap.map { (box.id, (box, $0)) } : nil }, uniquingKeysWith: { a, _ in a })
            for (id, entry) in running where wanted[id]?.1 != entry.settings {
                entry.task.cancel()
                running[id] = nil
            }
            for (id, (box, settings)) in wanted where running[id] == nil {
                running[id] = (settings, Task { await fetchLoop(box, settings, app: app) })
            }
            try? await Task.sleep(for: .seconds(app.config.imapPollSeconds < 30 ? 1 : 30))
        }
        for entry in running.values { entry.task.cancel() }
        for entry in running.values { await entry.task.value }
    }

    static func fetchLoop(_ box: SupportMailbox, _ settings: IMAPSettings, app: Application) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let client = try await IMAPClient.connect(
                    host: settings.host, port: settings.port, security: settings.security.imap, username: settings.username,
                    password: settings.password, extraTrustRoots: app.config.mailCAFile.map { [.file($0)] } ?? [])
                defer { Task { await client.logout() } }
                _ = try await client.select(settings.folder)
                failures = 0
                while !Task.isCancelled {
                    try await takeUnseen(client, box, settings, app: app)
                    let waited = try await client.idle(seconds: min(25 * 60, max(1, Int64(app.config.imapPollSeconds) * (client.capabilities.contains("IDLE") ? 30 : 1))))
                    if !waited { try await Task.sleep(for: .seconds(app.config.imapPollSeconds)) }
                }
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                app.logger.warning("IMAP \(box.address): \(error)")
                try? await Task.sleep(for: .seconds(min(300, 5 * failures)))
            }
        }
    }

    /// Takes every unseen message, oldest first.
    static func takeUnseen(_ client: IMAPClient, _ box: SupportMailbox, _ settings: IMAPSettings, app: Application) async throws {
        for uid in try await client.unseenUIDs() {
            if let size = try await client.size(uid: uid), size > app.config.maxMailBytes {
                app.logger.warning("IMAP \(box.address): message \(uid) has \(size) bytes, over the limit; left on the server and marked seen")
                try await client.markSeen(uid: uid)
                continue
            }
            guard let raw = try await client.fetch(uid: uid) else { continue }
            _ = try await MailIngest.take(raw, mailbox: box, app: app)
            if let folder = settings.moveTo, !folder.isEmpty {
                try await client.move(uid: uid, to: folder)
            } else {
                try await client.markSeen(uid: uid)
            }
        }
    }
}

extension MailSecurity {
    var imap: IMAPClient.Security {
        switch self {
        case .tls: .tls
        case .starttls: .starttls
        case .none: .none
        }
    }
}
