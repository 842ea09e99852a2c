import Foundation
import SQLKit
import SwitchboardCore
import Testing

@testable import SwitchboardApp
@testable import SwitchboardStore

/// The PostgreSQL writer holds one connection while writes wait (`Writer.pipeline`). When that
/// connection dies, only the writes that went out on it fail; the writer goes on with another.
@Suite struct WriterConnectionTests {
    @Test(.enabled(if: Harness.onPostgres), .timeLimit(.minutes(2)))
    func aWriterWhoseConnectionDiesFailsOnlyWhatWentOutOnIt() async throws {
        try await withHarness { h in
            // Given: 16 clients creating tickets without pause
            let store = h.store
            let clients = 16
            let perClient = 25
            let killedPid = NotedPid()
            let outcomes = try await withThrowingTaskGroup(of: [(String, Bool)].self) { group in
                for client in 0..<clients {
                    group.addTask {
                        var results: [(String, Bool)] = []
                        for i in 0..<perClient {
                            if client == 0 && i == perClient / 2 {
                                // When: in the middle of the load, the writer's backend ends itself
                                let pid = try? await store.write { ctx in
                                    let pid = try await ctx.sql.raw("SELECT pg_backend_pid() AS pid").first(decodingColumn: "pid", as: Int32.self)
                                    killedPid.set(pid)
                                    _ = try await ctx.sql.raw("SELECT pg_terminate_backend(pg_backend_pid())").all()
                                    return pid
                                }
                                results.append(("killer", pid != nil))
                            }
                            let subject = "Client \(client) ticket \(i)"
                            let new = NewTicket(
                                subject: subject, body: "b", requesterEmail: try EmailAddress("c\(client)@example.com"), requesterName: nil)
                            do {
                                _ = try await store.createTicket(new, actor: .system)
                                results.append((subject, true))
                            } catch {
                                results.append((subject, false))
                            }
                        }
                        return results
                    }
                }
                return try await group.reduce(into: [(String, Bool)]()) { $0 += $1 }
            }
            // Then: the killing write failed; every creation reported done is stored, every one
            // reported failed is not
            #expect(outcomes.first { $0.0 == "killer" }?.1 == false)
            let tickets = outcomes.filter { $0.0 != "killer" }
            let stored = Set(
                try await store.read { try await $0.sql.raw("SELECT subject FROM tickets").all() }.map {
                    try $0.decode(column: "subject", as: String.self)
                })
            for (subject, done) in tickets {
                #expect(stored.contains(subject) == done, "\(subject): reported \(done)")
            }
            // Only what was on the dead connection failed: the batch it was in and the batch
            // already sent behind it, which hold at most one write per client each.
            let failed = tickets.filter { !$0.1 }.count
            #expect(failed <= 2 * clients, "\(failed) of \(tickets.count) creations failed")
            // The writer now writes on another connection, and the chain is whole.
            let pid = try await store.write { ctx in
                try await ctx.sql.raw("SELECT pg_backend_pid() AS pid").first(decodingColumn: "pid", as: Int32.self)
            }
            #expect(killedPid.value != nil)
            #expect(pid != killedPid.value)
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }
}

/// The backend a write ran on, noted from inside the write.
private final class NotedPid: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: Int32?
    func set(_ value: Int32?) { lock.withLock { pid = value } }
    var value: Int32? { lock.withLock { pid } }
}
