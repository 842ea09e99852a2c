import Foundation
import SQLKit
import SwitchboardCore
import Testing
import Vapor

@testable import SwitchboardApp
@testable import SwitchboardStore

@Suite struct RecordsTests {
    @Test func everyChangeIsAuditedWithActorAndBeforeAfter() async throws {
        try await withHarness { h in
            let t = try await h.ticket()
            _ = try await h.send(.PATCH, "/api/v1/tickets/\(t["id"]!.int!)", json: ["priority": "urgent"])
            let log = try await h.send(.GET, "/api/v1/audit?entity=ticket&action=updated")
            let event = try #require(log["items"]?.array?.first)
            #expect(event["actor_kind"]?.string == "user")
            #expect(event["actor_id"]?.int == h.adminId)
            #expect(event["before"]?["priority"]?.string == "normal")
            #expect(event["after"]?["priority"]?.string == "urgent")
            let contacts = try await h.send(.GET, "/api/v1/audit?entity=contact")
            #expect(contacts["items"]?.array?.first?["action"]?.string == "created")
        }
    }

    @Test func auditVerifyNamesTheFirstAlteredEvent() async throws {
        try await withHarness { h in
            for i in 0..<5 { _ = try await h.ticket("T\(i)") }
            let intact = try await h.send(.GET, "/api/v1/audit/verify")
            #expect(intact["intact"]?.bool == true)
            // When someone edits an event behind the application's back
            try await h.store.read { try await $0.sql.raw("UPDATE audit_events SET action = 'deleted' WHERE seq = 4").run() }
            let altered = try await h.send(.GET, "/api/v1/audit/verify")
            #expect(altered["intact"]?.bool == false)
            #expect(altered["first_bad_sequence"]?.int == 4)
        }
    }

    @Test func auditVerifyNoticesRemovedEvents() async throws {
        try await withHarness { h in
            for i in 0..<4 { _ = try await h.ticket("T\(i)") }
            try await h.store.read { try await $0.sql.raw("DELETE FROM audit_events WHERE seq = 3").run() }
            let middle = try await h.send(.GET, "/api/v1/audit/verify")
            #expect(middle["first_bad_sequence"]?.int == 3)
        }
        try await withHarness { h in
            for i in 0..<4 { _ = try await h.ticket("T\(i)") }
            let last = try await h.store.read { try await $0.sql.raw("SELECT MAX(seq) AS m FROM audit_events").first(decodingColumn: "m", as: Int64.self) } ?? 0
            try await h.store.read { try await $0.sql.raw("DELETE FROM audit_events WHERE seq = \(bind: last)").run() }
            let tail = try await h.send(.GET, "/api/v1/audit/verify")
            #expect(tail["intact"]?.bool == false)
            #expect(tail["first_bad_sequence"]?.int == last)
        }
    }

    @Test func outboxDeliversTypedEventsInOrderToConsumers() async throws {
        try await withHarness { h in
            let id = try await h.ticket()["id"]!.int!
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Hello"])
            let consumer = EventConsumer(name: "test", store: h.store)
            let box = EventBox()
            let n = try await consumer.poll { events in await box.add(events) }
            let events = await box.events
            #expect(n == events.count)
            #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
            let types = events.map(\.type)
            #expect(types.suffix(3) == [.contactCreated, .ticketCreated, .messageAdded])
            // The consumer remembers its position
            #expect(try await consumer.poll { _ in } == 0)
            _ = try await h.ticket("Another", email: "anna@example.com")
            let more = EventBox()
            #expect(try await consumer.poll { await more.add($0) } == 1)
            #expect(await more.events.first?.type == .ticketCreated)
        }
    }

    /// A consumer's window: the next events by number, of which only the types asked for are read.
    @Test func aConsumersWindowReadsOnlyItsTypesAndEndsAtTheLastEventItSpans() async throws {
        try await withHarness { h in
            let start = try await h.store.read { try await $0.sql.raw("SELECT MAX(seq) AS m FROM outbox").first(decodingColumn: "m", as: Int64.self) } ?? 0
            let id = try await h.ticket()["id"]!.int!
            _ = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "Hello"])
            _ = try await h.ticket("Another", email: "anna@example.com")
            let all = try await h.store.read { try await $0.events(after: start, limit: 100) }
            #expect(all.map(\.type) == [.contactCreated, .ticketCreated, .messageAdded, .ticketCreated])
            let replies = try await h.store.read { try await $0.events(after: start, window: 100, types: [.messageAdded]) }
            #expect(replies.events.map(\.sequence) == [all[2].sequence])
            #expect(replies.end == all[3].sequence)
            let two = try await h.store.read { try await $0.events(after: start, window: 2, types: [.ticketCreated, .messageAdded]) }
            #expect(two.events.map(\.sequence) == [all[1].sequence])
            #expect(two.end == all[1].sequence)
            let none = try await h.store.read { try await $0.events(after: start, window: 100, types: []) }
            #expect(none.events.isEmpty && none.end == all[3].sequence)
            #expect(try await h.store.read { try await $0.events(after: all[3].sequence, window: 100, types: [.ticketCreated]) }.end == nil)
        }
    }

    /// Passing events that called for nothing moves a consumer only from where it was read,
    /// and on PostgreSQL does not wait for the writer.
    @Test func passingEventsMovesAConsumerOnlyFromWhereItWasRead() async throws {
        try await withHarness { h in
            _ = try await h.ticket()
            let position = try await h.store.read { try await $0.consumerPosition("notify") }
            let end = try await h.store.read { try await $0.events(after: position, window: 100, types: []) }.end!
            #expect(try await !h.store.passEvents(consumer: "notify", from: position - 1, to: end))
            #expect(try await h.store.read { try await $0.consumerPosition("notify") } == position)
            guard Harness.onPostgres else {
                #expect(try await h.store.passEvents(consumer: "notify", from: position, to: end))
                #expect(try await h.store.read { try await $0.consumerPosition("notify") } == end)
                return
            }
            // A write holds the writer until the consumer has passed: through the writer, the
            // pass would wait for the write, and the write gives up after 5 s.
            let passed = Passed()
            let writing = Task {
                try await h.store.write { _ in
                    for _ in 0..<100 where !(await passed.done) { try await Task.sleep(for: .milliseconds(50)) }
                    return await passed.done
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await h.store.passEvents(consumer: "notify", from: position, to: end))
            await passed.set()
            #expect(try await writing.value)
            #expect(try await h.store.read { try await $0.consumerPosition("notify") } == end)
        }
    }

    @Test func concurrentWritesAllCommitWithUniqueNumbersAndAnIntactChain() async throws {
        try await withHarness { h in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask { _ = try await h.ticket("Parallel \(i)", email: "p\(i % 7)@example.com") }
                }
                try await group.waitForAll()
            }
            let numbers = try await h.store.read { try await $0.sql.raw("SELECT number FROM tickets").all(decodingColumn: "number", as: Int64.self) }
            #expect(Set(numbers) == Set(1...40))
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// Two instances on one database, each with its own writer, create tickets at once, many
    /// for the same new requesters: their writers take turns, so numbers stay unique, each
    /// email gets one contact and the chain stays intact. On PostgreSQL a writer that waited
    /// for the other's lock must read again what it read before waiting.
    @Test func twoInstancesWritingAtOnceTakeTurns() async throws {
        try await withHarness { h in
            let other = try h.secondStore()
            let stores = [h.store, other]
            let created = try await withThrowingTaskGroup(of: Ticket.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        let new = NewTicket(
                            subject: "Both \(i)", body: "b", requesterEmail: try EmailAddress("both\(i % 9)@example.com"), requesterName: nil)
                        return try await stores[i % 2].createTicket(new, actor: .system)
                    }
                }
                return try await group.reduce(into: [Ticket]()) { $0.append($1) }
            }
            #expect(Set(created.map(\.number)) == Set(1...60))
            let owners = try await h.store.read {
                try await $0.sql.raw("SELECT value, COUNT(*) AS n FROM contact_identities GROUP BY value").all()
            }
            #expect(owners.count == 9)
            #expect(try owners.allSatisfy { try $0.decode(column: "n", as: Int64.self) == 1 })
            #expect(Set(created.map(\.requesterId)).count == 9)
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// A write whose held-back statement fails fails alone, and the writer goes on. Beside
    /// other writes it rolls back to its savepoint; alone in its batch (with one write per
    /// batch, always) its statement goes out with COMMIT on PostgreSQL, the server rolls the
    /// batch back, and the writer goes on with the batch it already sent behind it. Every
    /// write reported done is stored, every write reported failed is not.
    @Test(arguments: [128, 1]) func aWriteWhoseHeldBackStatementFailsFailsAlone(writesPerBatch: Int) async throws {
        try await withHarness { h in
            // Given: a write that breaks a key in a held-back insert, among many creations
            let store = writesPerBatch == 128 ? h.store : try h.secondStore(writesPerBatch: writesPerBatch)
            let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for i in 0..<40 {
                    group.addTask {
                        if i == 10 {
                            do {
                                try await store.write { ctx in
                                    try await ctx.deferringWrites {
                                        try await ctx.runDeferred(SQLQueryString("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')"), binds: 0)
                                    }
                                }
                                return ("broken", true)
                            } catch {
                                return ("broken", false)
                            }
                        }
                        let subject = "Around the failure \(i)"
                        let new = NewTicket(subject: subject, body: "b", requesterEmail: try EmailAddress("around\(i)@example.com"), requesterName: nil)
                        do {
                            _ = try await store.createTicket(new, actor: .system)
                            return (subject, true)
                        } catch {
                            return (subject, false)
                        }
                    }
                }
                return try await group.reduce(into: [String: Bool]()) { $0[$1.0] = $1.1 }
            }
            // When: one more write after it
            let after = try await store.createTicket(
                NewTicket(subject: "After the failure", body: "b", requesterEmail: try EmailAddress("after@example.com"), requesterName: nil),
                actor: .system)
            // Then
            #expect(outcomes["broken"] == false)
            let stored = Set(
                try await store.read { try await $0.sql.raw("SELECT subject FROM tickets").all() }.map { try $0.decode(column: "subject", as: String.self) })
            for (subject, done) in outcomes where subject != "broken" {
                #expect(stored.contains(subject) == done, "\(subject): reported \(done)")
            }
            let failed = outcomes.filter { $0.key != "broken" && !$0.value }.map(\.key)
            #expect(failed.isEmpty, "failed beside the broken write: \(failed)")
            #expect(stored.contains(after.subject))
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// Ticket creations share batches with other writes: contacts for the same emails, and
    /// writes that fail. Each email ends up with exactly one contact, nothing fails that should
    /// not, and the chain stays intact.
    @Test func bulkCreatesShareBatchesWithOtherWrites() async throws {
        try await withHarness { h in
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPStatus).self) { group in
                for i in 0..<30 {
                    group.addTask {
                        let reply = try await h.send(
                            .POST, "/api/v1/tickets",
                            json: ["subject": .string("Mixed \(i)"), "body": "b", "requester": ["email": .string("m\(i % 5)@example.com")]])
                        return ("ticket", reply.status)
                    }
                    if i % 3 == 0 {
                        group.addTask {
                            let reply = try await h.send(.POST, "/api/v1/contacts", json: ["name": "M", "emails": [.string("m\(i % 5)@example.com")]])
                            return ("contact", reply.status)
                        }
                        group.addTask {
                            let reply = try await h.send(.PATCH, "/api/v1/tickets/999999", json: ["status": "open"])
                            return ("missing", reply.status)
                        }
                    }
                }
                return try await group.reduce(into: [(String, HTTPStatus)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == "ticket" }.allSatisfy { $0.1 == .created })
            #expect(statuses.filter { $0.0 == "contact" }.allSatisfy { $0.1 == .created || $0.1 == .conflict })
            #expect(statuses.filter { $0.0 == "missing" }.allSatisfy { $0.1 == .notFound })
            let owners = try await h.store.read {
                try await $0.sql.raw("SELECT value, COUNT(*) AS n FROM contact_identities GROUP BY value").all()
            }
            #expect(owners.count == 5)
            #expect(try owners.allSatisfy { try $0.decode(column: "n", as: Int64.self) == 1 })
            #expect(try await h.count("tickets") == 30)
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// On PostgreSQL the intake writes without the lock while its writer knows the chain head
    /// as its last batch left it. When another instance moved the head in between, the batch
    /// writes nothing and runs again under the lock: numbers stay unique and in order, the
    /// outbox lists the creations in the order they committed, and the chain stays intact.
    @Test(.enabled(if: Harness.onPostgres)) func aLocklessBatchRunsAgainWhenAnotherInstanceMovedTheHead() async throws {
        try await withHarness { h in
            func create(_ store: Store, _ subject: String, _ email: String) async throws -> Ticket {
                let new = NewTicket(subject: subject, body: "b", requesterEmail: try EmailAddress(email), requesterName: nil)
                return try await store.createTicket(new, actor: .system)
            }
            let other = try h.secondStore()
            // The harness's own writes leave the head unknown: the first batch takes the lock
            let first = try await create(h.store, "First", "one@example.com")
            let second = try await create(h.store, "Second", "two@example.com")
            #expect(h.store.writer.lockless == (committed: 1, ranAgain: 0))
            // Another instance writes, for a requester the next batch also has
            let third = try await create(other, "Third", "three@example.com")
            let fourth = try await create(h.store, "Fourth", "three@example.com")
            #expect(h.store.writer.lockless == (committed: 1, ranAgain: 1))
            let fifth = try await create(h.store, "Fifth", "five@example.com")
            #expect(h.store.writer.lockless == (committed: 2, ranAgain: 1))

            let tickets = [first, second, third, fourth, fifth]
            #expect(tickets.map(\.number) == [1, 2, 3, 4, 5])
            #expect(fourth.requesterId == third.requesterId)
            let created = try await h.store.read {
                try await $0.sql.raw("SELECT entity_id FROM outbox WHERE type = 'ticket.created' ORDER BY seq").all(
                    decodingColumn: "entity_id", as: Int64.self)
            }
            #expect(created == tickets.map(\.id))
            #expect(try await h.count("contacts") == 4)
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// A lockless batch whose statement fails runs again under the lock while the batch behind
    /// it has already begun its transaction: that transaction ends first, the batch opens anew
    /// after the one that ran again, and both commit.
    @Test(.enabled(if: Harness.onPostgres)) func aLocklessBatchThatRunsAgainLeavesTheBatchBehindItWhole() async throws {
        try await withHarness { h in
            _ = try await h.ticket("The writer knows the head after this one")
            let writer = h.store.writer
            let running = AsyncStream<Void>.makeStream()
            let attempts = Attempts()
            let again = Task {
                try await writer.perform(lockless: true) { ctx in
                    running.continuation.yield()
                    guard await attempts.next() == 1 else {
                        return try await ctx.record(.workspaceUpdated, entityId: 1, actor: .system, after: JSONText(stored: "{\"again\":1}"))
                    }
                    // Long enough for the writes below to queue behind it; then a held-back
                    // insert that breaks a key, the first time only
                    try await Task.sleep(for: .milliseconds(100))
                    try await ctx.deferringWrites {
                        try await ctx.runDeferred(SQLQueryString("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')"), binds: 0)
                    }
                }
            }
            for await _ in running.stream { break }
            var behind: [Task<Void, any Error>] = []
            for i in 0..<3 {
                behind.append(
                    await writer.queue { ctx in
                        try await ctx.record(.workspaceUpdated, entityId: 1, actor: .system, after: JSONText(stored: "{\"behind\":\(i)}"))
                    })
            }
            try await again.value
            for write in behind { try await write.value }
            #expect(await attempts.count == 2)
            #expect(writer.lockless.ranAgain == 1)
            let recorded = try await h.store.read {
                try await $0.sql.raw("SELECT after_state FROM audit_events WHERE action = 'updated' AND entity = 'workspace' ORDER BY seq").all(
                    decodingColumn: "after_state", as: String.self)
            }
            #expect(recorded == ["{\"again\":1}", "{\"behind\":0}", "{\"behind\":1}", "{\"behind\":2}"])
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// What a lockless write reads through: reads pass, anything else is refused before it
    /// reaches the database, so nothing commits on its own.
    @Test func aLocklessWriteMayOnlyRead() async throws {
        try await withHarness { h in
            try await h.store.read { (ctx: ReadContext) async throws in
                let readOnly = ReadOnlySQL(kit: ctx.sql)
                #expect(try await readOnly.raw("  SELECT COUNT(*) AS n FROM tickets").first(decodingColumn: "n", as: Int64.self) == 0)
                for statement: SQLQueryString in [
                    "UPDATE workspace SET name = 'x' WHERE id = 1", "WITH s AS (UPDATE workspace SET name = 'x' RETURNING id) SELECT id FROM s",
                    "SELECTED", "DELETE FROM tickets",
                ] {
                    await #expect(throws: (any Error).self) { try await readOnly.raw(statement).run() }
                }
                #expect(try await ctx.sql.raw("SELECT name FROM workspace WHERE id = 1").first(decodingColumn: "name", as: String.self) != "x")
            }
        }
    }

    /// A request still running while the server stops gets 503, not a crash.
    @Test func requestsDuringShutdownGetServiceUnavailable() async throws {
        try await withHarness { h in
            await h.app.databases.shutdownAsync()
            let reply = try await h.send(.GET, "/api/v1/tickets")
            #expect(reply.status == .serviceUnavailable)
            #expect(reply["detail"]?.string == "the server is shutting down")
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withHarness { h in
            let health = try await h.send(.GET, "/healthz")
            #expect(health["status"]?.string == "ok")
            _ = try await h.ticket()
            _ = try await h.ticket("Second", email: "bob@example.com")
            // Not through the API (as mail and the web pages create them): counted too
            let third = NewTicket(subject: "Third", body: "b", requesterEmail: try EmailAddress("cy@example.com"), requesterName: nil)
            _ = try await h.store.createTicket(third, actor: .system)
            _ = try await h.send(.GET, "/api/v1/tickets/1")
            let response = try await h.app.testing().sendRequest(.GET, "/metrics")
            let text = String(buffer: response.body)
            #expect(text.contains("switchboard_tickets_created_total 3\n"))
            // On PostgreSQL the first creation takes the lock (the harness's writes leave the
            // chain head unknown) and the others go without it.
            let lockless = Harness.onPostgres ? 2 : 0
            #expect(h.store.locklessWrites == (committed: lockless, ranAgain: 0))
            #expect(text.contains("switchboard_writer_lockless_batches_total \(lockless)\n"))
            #expect(text.contains("switchboard_writer_lockless_ran_again_total 0\n"))
            // Nothing ran the consumers: each is behind by the events of the creations at least
            let lag = try await h.store.read { try await $0.consumerLag() }
            #expect(lag.map(\.name) == ["automations", "mail", "notify"])
            for (name, _, behind) in lag {
                #expect(behind >= 2)
                #expect(text.contains("switchboard_outbox_consumer_lag{consumer=\"\(name)\"} \(behind)\n"))
            }
            #expect(text.contains("switchboard_http_requests_total{method=\"GET\",route=\"/api/v1/tickets/:id\",status=\"200\"} 1"))
            #expect(text.contains("switchboard_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/tickets\",le=\"+Inf\"} 2"))
        }
    }
}

actor Attempts {
    private(set) var count = 0
    func next() -> Int {
        count += 1
        return count
    }
}

actor EventBox {
    var events: [DomainEvent] = []
    func add(_ more: [DomainEvent]) { events += more }
}

actor Passed {
    private(set) var done = false
    func set() { done = true }
}
