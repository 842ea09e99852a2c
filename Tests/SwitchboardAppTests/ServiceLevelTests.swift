import Foundation
import SwitchboardCore
import SwitchboardStore
import Testing
import Vapor

@testable import SwitchboardApp
@testable import SwitchboardStore

/// Business hours, SLA policies, clocks on tickets, the SLA views, the escalation round and an
/// agent's escalation, through the API on the real database.
@Suite(.serialized) struct ServiceLevelTests {
    static let allWeek: JSONValue = .array(Array(repeating: [["start": "00:00", "end": "24:00"]], count: 7))

    /// Round-the-clock hours and an urgent policy: first reply in 60 min, resolution in 240,
    /// paused while pending; at risk 15 min before, on breach to the next tier.
    static func urgentPolicy(_ h: Harness) async throws -> (calendar: Int64, policy: Int64) {
        let hours = try await h.send(.POST, "/api/v1/business-hours", json: ["name": "Always", "time_zone": "UTC", "week": allWeek])
        #expect(hours.status == .created, "\(hours.json)")
        let calendar = try #require(hours["id"]?.int)
        let policy = try await h.send(.POST, "/api/v1/sla-policies", json: urgent(calendar: calendar))
        #expect(policy.status == .created, "\(policy.json)")
        return (calendar, try #require(policy["id"]?.int))
    }

    /// The policy `urgentPolicy` creates, its at-risk escalation `atRisk` minutes before the due time.
    static func urgent(calendar: Int64, atRisk: Int = 15) -> JSONValue {
        [
            "name": "Urgent", "calendar_id": .number(Double(calendar)), "conditions": ["priority": ["urgent"]],
            "targets": ["first_response": 60, "next_response": 30, "resolution": 240], "pause_on": ["pending"],
            "escalations": [
                ["when": "at_risk", "minutes_before": .number(Double(atRisk)), "actions": ["notify_assignee"]],
                ["metric": "first_response", "when": "breached", "actions": ["next_tier", "notify_supervisor"]],
            ],
        ]
    }

    /// An urgent ticket under `urgentPolicy` whose first reply is due in 10 minutes: at risk
    /// (15 minutes before).
    static func atRiskTicket(_ h: Harness, _ name: String) async throws -> Int64 {
        try await h.store.createTicket(
            NewTicket(
                subject: name, body: "Help", requesterEmail: try EmailAddress("\(name)@example.com"), requesterName: nil, priority: .urgent,
                createdAt: Date().addingTimeInterval(-3000)),
            actor: .system
        ).id
    }

    /// How many escalations a ticket's history lists.
    static func escalationCount(_ h: Harness, _ id: Int64) async throws -> Int {
        let history = try await h.send(.GET, "/api/v1/tickets/\(id)/history")
        return history["items"]?.array?.filter { $0["action"]?.string == "escalated" }.count ?? 0
    }

    static func due(_ ticket: JSONValue?, _ metric: String) -> Date? {
        guard let clocks = ticket?["sla"]?["clocks"]?.array,
            let clock = clocks.first(where: { $0["metric"]?.string == metric }), let text = clock["due_at"]?.string
        else { return nil }
        return APIJSON.formatter().date(from: text)
    }

    @Test func aPolicyCoversMatchingNewTicketsWithDueTimes() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            let urgent = try await h.ticket(extra: ["priority": "urgent"])
            let created = try #require(urgent["created_at"]?.string.flatMap(APIJSON.formatter().date(from:)))
            #expect(Self.due(urgent, "first_response") == created.addingTimeInterval(3600))
            #expect(Self.due(urgent, "resolution") == created.addingTimeInterval(4 * 3600))
            #expect(urgent["sla"]?["due_at"]?.string == urgent["sla"]?["clocks"]?.array?.first?["due_at"]?.string)
            let normal = try await h.ticket("Question")
            #expect(normal["sla"] == nil)
        }
    }

    @Test func aStaffReplyMeetsFirstResponseAndPendingPausesTheClocks() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            let ticket = try await h.ticket(extra: ["priority": "urgent"])
            let id = try #require(ticket["id"]?.int)
            let replied = try await h.send(.POST, "/api/v1/tickets/\(id)/messages", json: ["body": "On it", "visibility": "public"])
            #expect(replied.status == .created, "\(replied.json)")
            let after = try await h.send(.GET, "/api/v1/tickets/\(id)")
            let first = after["sla"]?["clocks"]?.array?.first { $0["metric"]?.string == "first_response" }
            #expect(first?["stage"]?.string == "fulfilled")
            #expect(first?["breached_at"] == nil || first?["breached_at"] == .null)
            let pending = try await h.send(.PATCH, "/api/v1/tickets/\(id)", json: ["status": "pending"])
            #expect(pending.status == .ok, "\(pending.json)")
            let resolution = pending["sla"]?["clocks"]?.array?.first { $0["metric"]?.string == "resolution" }
            #expect(resolution?["stage"]?.string == "paused")
            #expect(pending["sla"]?["due_at"] == .null || pending["sla"]?["due_at"] == nil)
        }
    }

    @Test func breachedTicketsShowInTheViewsAndTheRoundEscalatesThemOnce() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            let seniors = try await h.send(.POST, "/api/v1/teams", json: ["name": "Senior agents"])
            let seniorTeam = try #require(seniors["id"]?.int)
            let tiers = try await h.send(.PUT, "/api/v1/escalation-tiers", json: ["tier_teams": [.number(Double(seniorTeam)), nil]])
            #expect(tiers.status == .ok, "\(tiers.json)")
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let now = Date()
            // One ticket two hours old (first reply overdue), one 50 minutes old (due in 10)
            let late = try await h.store.createTicket(
                NewTicket(
                    subject: "Late", body: "Hello?", requesterEmail: try EmailAddress("late@example.com"), requesterName: nil, priority: .urgent,
                    assigneeId: agent.id, createdAt: now.addingTimeInterval(-7200)),
                actor: .system)
            let soon = try await h.store.createTicket(
                NewTicket(
                    subject: "Soon", body: "Hi", requesterEmail: try EmailAddress("soon@example.com"), requesterName: nil, priority: .urgent,
                    createdAt: now.addingTimeInterval(-3000)),
                actor: .system)
            let breached = try await h.send(.GET, "/api/v1/tickets?view=sla_breached")
            #expect(breached["items"]?.array?.compactMap { $0["id"]?.int } == [late.id])
            let breaching = try await h.send(.GET, "/api/v1/tickets?view=sla_breaching_soon")
            #expect(breaching["items"]?.array?.compactMap { $0["id"]?.int } == [soon.id])
            let views = try await h.send(.GET, "/api/v1/views")
            #expect(views["items"]?.array?.first { $0["id"]?.string == "sla_breached" }?["count"]?.int == 1)

            // The round: the late ticket (whose first reply was already overdue when it came in)
            // goes to tier 2; the soon one is at risk.
            let outcome = try await JobRunner.runSLACycles(h.store)
            #expect(outcome.escalations == 3)  // late: at risk + breach; soon: at risk
            let moved = try await h.send(.GET, "/api/v1/tickets/\(late.id)")
            #expect(moved["escalation_level"]?.int == 1)
            #expect(moved["team_id"]?.int == seniorTeam)
            #expect(moved["assignee_id"] == nil)
            let history = try await h.send(.GET, "/api/v1/tickets/\(late.id)/history")
            let items = history["items"]?.array ?? []
            // The round's missed target and its two escalations are one event, as one audit
            let breaches = items.filter { $0["action"]?.string == "sla_breached" }
            #expect(breaches.count == 1, "\(items)")
            #expect(!items.contains { $0["action"]?.string == "escalated" }, "\(items)")
            let after = breaches.first?["after"]
            #expect(after?["breached"] == ["first_response"])
            #expect(after?["escalations"]?.array?.compactMap { $0["when"]?.string } == ["at_risk", "breached"])
            // The assignee is told of the at-risk warning, though it came in the breach's event
            let told = try await NotificationTests.queued(h)
            #expect(told.filter { $0.1 == "sla_escalation" }.map(\.0) == [agent.id], "\(told)")
            // The ticket page shows each of them on the timeline
            let session = try await h.send(
                .POST, "/api/v1/session", json: ["email": "admin@example.com", "password": .string(Harness.adminPassword)], token: "")
            let cookie = try #require(
                session.headers[.setCookie].first { $0.hasPrefix("sb_session=") }.map { String($0.prefix { $0 != ";" }) })
            let page = try await h.app.testing().sendRequest(.GET, "/tickets/\(late.id)", headers: ["Cookie": cookie])
            let timeline = page.body.string
            #expect(timeline.contains("<p>SLA target missed: First response.</p>"))
            #expect(timeline.contains("<p>SLA escalation (First response).</p>"))
            #expect(timeline.contains("<p>SLA escalation (First response). Now with Tier 2: senior agents.</p>"))
            // Nothing is due any more: a second round does nothing
            #expect(try await JobRunner.runSLACycles(h.store) == SLACycleOutcome())
        }
    }

    /// A breach can raise the priority, move the ticket to another department's team and tell
    /// that team's supervisors and managers (not those of other teams).
    @Test func aBreachRaisesThePriorityMovesTheTicketAndTellsTheNewTeamsSupervisors() async throws {
        try await withHarness { h in
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let support = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Support", "member_ids": [.int(agent.id)]])["id"]?.int)
            let technical = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Technical"])["id"]?.int)
            let supportLead = try await h.staff(.supervisor, email: "lead.support@example.com", teamIds: [support])
            let techLead = try await h.staff(.supervisor, email: "lead.tech@example.com", teamIds: [technical])
            let techManager = try await h.staff(.manager, email: "manager.tech@example.com", teamIds: [technical])
            let policy = try await h.send(.POST, "/api/v1/sla-policies", json: [
                "name": "Everything", "targets": ["first_response": 60],
                "escalations": [[
                    "metric": "first_response", "when": "breached", "actions": ["raise_priority", "move_to_team", "notify_supervisor"],
                    "team_id": .int(technical),
                ]],
            ])
            #expect(policy.status == .created, "\(policy.json)")
            let late = try await h.store.createTicket(
                NewTicket(
                    subject: "Printer", body: "Still broken", requesterEmail: try EmailAddress("late@example.com"), requesterName: nil,
                    priority: .normal, assigneeId: agent.id, teamId: support, createdAt: Date().addingTimeInterval(-7200)),
                actor: .system)
            let outcome = try await JobRunner.runSLACycles(h.store)
            #expect(outcome.escalations == 1)
            let moved = try await h.send(.GET, "/api/v1/tickets/\(late.id)")
            #expect(moved["priority"]?.string == "high")
            #expect(moved["team_id"]?.int == technical)
            #expect(moved["assignee_id"] == nil || moved["assignee_id"] == .null)
            let told = try await NotificationTests.queued(h).filter { $0.1 == "sla_escalation" }.map(\.0)
            #expect(Set(told) == [techLead.id, techManager.id], "\(told)")
            #expect(!told.contains(supportLead.id))
        }
    }

    /// A round's escalations of one ticket are one event, but each tells who had the ticket at
    /// its step: after a hand-over to the next tier, "mail the assignee" mails the new team
    /// (the ticket has no assignee there), not the agent who had it before.
    @Test func eachEscalationOfARoundTellsWhoHadTheTicketAtItsStep() async throws {
        try await withHarness { h in
            let hours = try await h.send(.POST, "/api/v1/business-hours", json: ["name": "Always", "time_zone": "UTC", "week": Self.allWeek])
            let calendar = try #require(hours["id"]?.int)
            let policy: JSONValue = [
                "name": "Urgent", "calendar_id": .number(Double(calendar)), "conditions": ["priority": ["urgent"]],
                "targets": ["first_response": 60],
                "escalations": [
                    ["metric": "first_response", "when": "breached", "actions": ["next_tier"]],
                    ["metric": "first_response", "when": "breached", "actions": ["notify_assignee"]],
                ],
            ]
            #expect(try await h.send(.POST, "/api/v1/sla-policies", json: policy).status == .created)
            let seniors = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Senior agents"])["id"]?.int)
            #expect(try await h.send(.PUT, "/api/v1/escalation-tiers", json: ["tier_teams": [.number(Double(seniors)), nil]]).status == .ok)
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let senior = try await h.staff(.agent, email: "senior@example.com", teamIds: [seniors])
            let late = try await h.store.createTicket(
                NewTicket(
                    subject: "Late", body: "Hello?", requesterEmail: try EmailAddress("late@example.com"), requesterName: nil, priority: .urgent,
                    assigneeId: agent.id, createdAt: Date().addingTimeInterval(-7200)),
                actor: .system)
            _ = try await NotificationTests.queued(h)  // what the new ticket told
            // When the round hands it on and mails "the assignee"
            #expect(try await JobRunner.runSLACycles(h.store).escalations == 2)
            // Then the senior team is told, not the agent it was taken from
            let told = try await NotificationTests.queued(h).filter { $0.1 == "sla_escalation" }.map(\.0)
            #expect(told == [senior.id], "\(told)")
            #expect(try await h.send(.GET, "/api/v1/tickets/\(late.id)")["team_id"]?.int == seniors)
        }
    }

    /// The job runner judges a round's tickets on a read connection while the writer writes
    /// the slice before: what changed in between is judged again by the writer.
    @Test func anSLARoundJudgedOffTheWriterLeavesWhatChangedMeanwhile() async throws {
        try await withHarness { h in
            let (calendar, policy) = try await Self.urgentPolicy(h)
            func atRisk(_ name: String) async throws -> Int64 { try await Self.atRiskTicket(h, name) }
            func escalations(_ id: Int64) async throws -> Int { try await Self.escalationCount(h, id) }
            let ids = [try await atRisk("one"), try await atRisk("two"), try await atRisk("three"), try await atRisk("edited")]
            // Given the four judged at risk
            let plan = try await h.store.read { try await $0.slaRoundPlan(now: Date()) }
            let slice = try await h.store.read { try await $0.slaDueSlice(after: nil, plan: plan, limit: 10) }
            #expect(slice.judged.map(\.escalations) == [1, 1, 1, 1] && slice.next == nil)
            // When ticket two gets its first reply and the last one a new subject before the
            // slice is written
            let reply = try await h.send(.POST, "/api/v1/tickets/\(ids[1])/messages", json: ["body": "On it", "visibility": "public"])
            #expect(reply.status == .created, "\(reply.json)")
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(ids[3])", json: ["subject": "Edited"]).status == .ok)
            let outcome = try await h.store.write { try await $0.applySLADueSlice(slice, plan: plan) }
            // Then one and three escalate; two, read again, is not due any more; the edited
            // one, read again, escalates once
            #expect(outcome.checked == 3 && outcome.escalations == 3, "\(outcome)")
            var counts: [Int] = []
            for id in ids { counts.append(try await escalations(id)) }
            #expect(counts == [1, 0, 1, 1])
            // The same slice written again (as a second instance would) escalates nothing
            let twice = try await h.store.write { try await $0.applySLADueSlice(slice, plan: plan) }
            #expect(twice.escalations == 0, "\(twice)")
            // When the policy's at-risk warning moves to 5 minutes before between judging and writing
            let four = try await atRisk("four")
            let stale = try await h.store.read { try await $0.slaRoundPlan(now: Date()) }
            let judged = try await h.store.read { try await $0.slaDueSlice(after: nil, plan: stale, limit: 10) }
            #expect(judged.judged.map(\.escalations) == [1])
            let changed = try await h.send(.PUT, "/api/v1/sla-policies/\(policy)", json: Self.urgent(calendar: calendar, atRisk: 5))
            #expect(changed.status == .ok, "\(changed.json)")
            // Then the writer judges it again under the new policy: not at risk yet
            let again = try await h.store.write { try await $0.applySLADueSlice(judged, plan: stale) }
            #expect(again.checked == 1 && again.escalations == 0, "\(again)")
            #expect(try await escalations(four) == 0)
        }
    }

    /// On PostgreSQL a round's slice is written without the lock, in one statement with its
    /// events, when the writer knows the chain head. Should a ticket have changed since it was
    /// read, nothing of that statement is written and the slice runs again under the lock,
    /// with the same outcome as there.
    @Test(.enabled(if: Harness.onPostgres)) func aLocklessSLASliceWritesWhatTheLockedOneWould() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            func atRisk(_ name: String) async throws -> Int64 { try await Self.atRiskTicket(h, name) }
            func escalations(_ id: Int64) async throws -> Int { try await Self.escalationCount(h, id) }
            /// A ticket without clocks: after it the writer knows the head again.
            func knownHead() async throws {
                let new = NewTicket(subject: "Plain", body: "b", requesterEmail: try EmailAddress("plain@example.com"), requesterName: nil)
                _ = try await h.store.createTicket(new, actor: .system)
            }
            let writer = h.store.writer
            let ids = [try await atRisk("one"), try await atRisk("two"), try await atRisk("edited")]
            let plan = try await h.store.read { try await $0.slaRoundPlan(now: Date()) }
            let slice = try await h.store.read { try await $0.slaDueSlice(after: nil, plan: plan, limit: 10) }
            #expect(slice.judged.map(\.escalations) == [1, 1, 1])
            // Given two of the three changed after they were read
            #expect(try await h.send(.POST, "/api/v1/tickets/\(ids[1])/messages", json: ["body": "On it", "visibility": "public"]).status == .created)
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(ids[2])", json: ["subject": "Edited"]).status == .ok)
            try await knownHead()
            let before = writer.lockless
            // When the slice is written without the lock
            let outcome = try await h.store.queueWrite(lockless: true) { try await $0.applySLADueSlice(slice, plan: plan) }.value
            // Then it ran again under the lock: one escalates, two is not due any more, the
            // edited one escalates once
            #expect(writer.lockless.ranAgain == before.ranAgain + 1)
            #expect(outcome.checked == 2 && outcome.escalations == 2, "\(outcome)")
            var counts: [Int] = []
            for id in ids { counts.append(try await escalations(id)) }
            #expect(counts == [1, 0, 1])
            // And a slice nothing changed under is written without the lock
            let three = try await atRisk("three")
            try await knownHead()
            let next = try await h.store.read { try await $0.slaRoundPlan(now: Date()) }
            let judged = try await h.store.read { try await $0.slaDueSlice(after: nil, plan: next, limit: 10) }
            #expect(judged.judged.map(\.ticket.id) == [three])
            let committed = writer.lockless.committed
            let quick = try await h.store.queueWrite(lockless: true) { try await $0.applySLADueSlice(judged, plan: next) }.value
            #expect(quick.checked == 1 && quick.escalations == 1, "\(quick)")
            #expect(writer.lockless.committed == committed + 1)
            #expect(try await escalations(three) == 1)
            // The clocks were stored with it: the same slice again escalates nothing
            try await knownHead()
            let twice = try await h.store.queueWrite(lockless: true) { try await $0.applySLADueSlice(judged, plan: next) }.value
            #expect(twice.escalations == 0, "\(twice)")
            #expect(try await escalations(three) == 1)
            #expect(try await h.send(.GET, "/api/v1/audit/verify")["intact"]?.bool == true)
        }
    }

    /// A round reads its tickets a slice after another in check time order; tickets with the
    /// same check time (here all five) are split across slices without one read twice or missed.
    @Test func anSLARoundInSmallSlicesTakesEveryTicketOnce() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            let created = Date(timeIntervalSince1970: Date().addingTimeInterval(-3000).timeIntervalSince1970.rounded(.down))
            var ids: [Int64] = []
            for n in 1...5 {
                let t = try await h.store.createTicket(
                    NewTicket(
                        subject: "Tie \(n)", body: "Help", requesterEmail: try EmailAddress("tie\(n)@example.com"), requesterName: nil,
                        priority: .urgent, createdAt: created),
                    actor: .system)
                ids.append(t.id)
            }
            let outcome = try await JobRunner.runSLACycles(h.store, slice: 2)
            #expect(outcome.checked == 5 && outcome.escalations == 5, "\(outcome)")
            for id in ids {
                let history = try await h.send(.GET, "/api/v1/tickets/\(id)/history")
                #expect(history["items"]?.array?.filter { $0["action"]?.string == "escalated" }.count == 1)
            }
            #expect(try await JobRunner.runSLACycles(h.store, slice: 2) == SLACycleOutcome())
        }
    }

    /// On PostgreSQL the server's rounds run on `BackgroundExecutor` (Swift concurrency runs on
    /// the event loops there): the SLA round with its read-ahead and the re-time with its lanes
    /// do the same there as on Swift's own pool.
    @Test func roundsOnTheBackgroundExecutorDoTheSame() async throws {
        try await withHarness { h in
            _ = try await Self.urgentPolicy(h)
            let created = Date().addingTimeInterval(-3000)
            for n in 1...5 {
                _ = try await h.store.createTicket(
                    NewTicket(
                        subject: "Background \(n)", body: "Help", requesterEmail: try EmailAddress("bg\(n)@example.com"),
                        requesterName: nil, priority: .urgent, createdAt: created),
                    actor: .system)
            }
            let store = h.store
            let (round, retime) = try await withTaskExecutorPreference(BackgroundExecutor.shared) {
                (try await JobRunner.runSLACycles(store, slice: 2), try await JobRunner.retimeOpenTickets(store, width: 1))
            }
            #expect(round.checked == 5 && round.escalations == 5, "\(round)")
            #expect(retime.read == 5 && retime.retimed == 0, "\(retime)")
        }
    }

    @Test func changedPoliciesAndHoursRetimeOpenTicketsButNotSolvedOnes() async throws {
        try await withHarness { h in
            let (calendar, policy) = try await Self.urgentPolicy(h)
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            func urgent(_ subject: String, minutesAgo: Double) async throws -> Ticket {
                try await h.store.createTicket(
                    NewTicket(
                        subject: subject, body: "Help", requesterEmail: try EmailAddress("\(subject.lowercased())@example.com"), requesterName: nil,
                        priority: .urgent, createdAt: now.addingTimeInterval(-minutesAgo * 60)),
                    actor: .system)
            }
            let open = try await urgent("Open", minutesAgo: 40)
            let other = try await urgent("Other", minutesAgo: 10)
            let solved = try await urgent("Solved", minutesAgo: 40)
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(solved.id)", json: ["status": "solved"]).status == .ok)
            let solvedBefore = try await h.send(.GET, "/api/v1/tickets/\(solved.id)")["sla"]
            // Creating the policy asked for a re-time, which finds the tickets timed already
            let settled = try await JobRunner.retimeOpenTickets(h.store)
            #expect(settled.read == 2 && settled.retimed == 0)
            #expect(try await JobRunner.retimeOpenTickets(h.store) == SLARetimeOutcome())

            // When first reply is cut to 30 minutes and resolution raised to 8 hours
            let changed = try await h.send(
                .PUT, "/api/v1/sla-policies/\(policy)",
                json: [
                    "name": "Urgent", "calendar_id": .number(Double(calendar)), "conditions": ["priority": ["urgent"]],
                    "targets": ["first_response": 30, "resolution": 480], "pause_on": ["pending"],
                ])
            #expect(changed.status == .ok, "\(changed.json)")
            // Then the round re-times the two open tickets, one ticket id per slice
            let outcome = try await JobRunner.retimeOpenTickets(h.store, width: 1)
            #expect(outcome.read == 2)
            #expect(outcome.retimed == 2)
            #expect(outcome.breached == 1)  // the 40-minute-old one missed its new 30-minute first reply
            let openNow = try await h.send(.GET, "/api/v1/tickets/\(open.id)").json
            #expect(Self.due(openNow, "first_response") == open.createdAt.addingTimeInterval(1800))
            #expect(Self.due(openNow, "resolution") == open.createdAt.addingTimeInterval(8 * 3600))
            let otherNow = try await h.send(.GET, "/api/v1/tickets/\(other.id)").json
            #expect(Self.due(otherNow, "first_response") == other.createdAt.addingTimeInterval(1800))
            #expect(otherNow["sla"]?["due_at"]?.string == otherNow["sla"]?["clocks"]?.array?.first?["due_at"]?.string)
            let history = try await h.send(.GET, "/api/v1/tickets/\(open.id)/history")
            #expect(history["items"]?.array?.contains { $0["action"]?.string == "sla_breached" } == true)
            #expect(try await h.send(.GET, "/api/v1/tickets/\(solved.id)")["sla"] == solvedBefore)
            #expect(try await JobRunner.retimeOpenTickets(h.store) == SLARetimeOutcome())

            // When today becomes a holiday, the open clocks stop for it
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let today = utc.startOfDay(for: now)
            let day = utc.dateComponents([.year, .month, .day], from: today)
            let holiday = String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
            let hours = try await h.send(
                .PUT, "/api/v1/business-hours/\(calendar)", json: ["name": "Always", "time_zone": "UTC", "week": Self.allWeek, "holidays": [.string(holiday)]])
            #expect(hours.status == .ok, "\(hours.json)")
            #expect(try await JobRunner.retimeOpenTickets(h.store).read == 2)
            let countedBeforeToday = max(0, today.timeIntervalSince(other.createdAt))
            let expected = today.addingTimeInterval(86_400 + 8 * 3600 - countedBeforeToday)
            #expect(Self.due(try await h.send(.GET, "/api/v1/tickets/\(other.id)").json, "resolution") == expected)

            // When the policy is deleted, open tickets leave it; the solved one keeps its record
            #expect(try await h.send(.DELETE, "/api/v1/sla-policies/\(policy)").status == .noContent)
            #expect(try await JobRunner.retimeOpenTickets(h.store).retimed == 2)
            let gone = try await h.send(.GET, "/api/v1/tickets/\(other.id)")
            #expect(gone["sla"] == nil || gone["sla"] == .null)
            #expect(try await h.send(.GET, "/api/v1/tickets/\(solved.id)")["sla"] == solvedBefore)
        }
    }

    /// A re-time judges tickets on read connections and writes later: a ticket that changed in
    /// between keeps what its change gave it, and a policy changed in between starts it over.
    @Test func aRetimeLeavesTicketsChangedMeanwhileAndStartsOverAfterAnotherChange() async throws {
        try await withHarness { h in
            let (calendar, policy) = try await Self.urgentPolicy(h)
            var ids: [Int64] = []
            for name in ["one", "two", "three", "four"] {
                let t = try await h.store.createTicket(
                    NewTicket(subject: name, body: "Help", requesterEmail: try EmailAddress("\(name)@example.com"), requesterName: nil, priority: .urgent),
                    actor: .system)
                ids.append(t.id)
            }
            _ = try await JobRunner.retimeOpenTickets(h.store)
            func put(firstResponse: Int) async throws {
                let reply = try await h.send(
                    .PUT, "/api/v1/sla-policies/\(policy)",
                    json: [
                        "name": "Urgent", "calendar_id": .number(Double(calendar)), "conditions": ["priority": ["urgent"]],
                        "targets": ["first_response": .number(Double(firstResponse)), "resolution": 240], "pause_on": ["pending"],
                    ])
                #expect(reply.status == .ok, "\(reply.json)")
            }
            try await put(firstResponse: 30)
            // Given a slice judged under the new target
            let plan = try #require(try await h.store.read { try await $0.slaRetimePlan() })
            let slice = try await h.store.read {
                try await $0.retimeSlice(after: plan.from, through: plan.lastId, engine: plan.engine, now: h.store.clock())
            }
            // When ticket two drops to normal priority (out of the policy) before the slice is
            // written, ticket four changes in a way that does not re-time it (as a merge
            // of its requester or a tag rename do), and only ticket one's clocks change (as
            // when an SLA round records an escalation)
            #expect(try await h.send(.PATCH, "/api/v1/tickets/\(ids[1])", json: ["priority": "normal"]).status == .ok)
            let touched = ids[3]
            try await h.store.write { try await $0.sql.raw("UPDATE tickets SET version = version + 1 WHERE id = \(bind: touched)").run() }
            let first = ids[0]
            try await h.store.write { w in
                var ticket = try #require(try await w.reader.ticket(id: first))
                SLAEngine.markEscalated(&ticket, metric: .resolution, key: 7)
                try await w.saveSLA([ticket], engine: try await w.slaEngine())
            }
            let written = try #require(try await h.store.write { try await $0.applySLARetime(slice, plan: plan) })
            // Then ticket two keeps what its change gave it (no SLA); four and one are judged
            // again and re-timed with the others, one keeping its escalation
            #expect(written.read == 4 && written.retimed == 3)
            let four = try await h.send(.GET, "/api/v1/tickets/\(ids[3])")
            #expect(four["sla"]?["clocks"]?.array?.first { $0["metric"]?.string == "first_response" }?["target_minutes"]?.int == 30)
            let two = try await h.send(.GET, "/api/v1/tickets/\(ids[1])")
            #expect(two["sla"] == nil || two["sla"] == .null)
            let one = try await h.send(.GET, "/api/v1/tickets/\(ids[0])")
            let oneClocks = one["sla"]?["clocks"]?.array ?? []
            #expect(oneClocks.first { $0["metric"]?.string == "first_response" }?["target_minutes"]?.int == 30)
            #expect(oneClocks.first { $0["metric"]?.string == "resolution" }?["escalated"] == [7])
            // When the policy changes again between judging and writing, nothing is written and the re-time starts over
            try await put(firstResponse: 45)
            let stale = try #require(try await h.store.read { try await $0.slaRetimePlan() })
            let judged = try await h.store.read {
                try await $0.retimeSlice(after: stale.from, through: stale.lastId, engine: stale.engine, now: h.store.clock())
            }
            try await put(firstResponse: 20)
            #expect(try await h.store.write { try await $0.applySLARetime(judged, plan: stale) } == nil)
            // Then the next round re-times under 20 minutes
            #expect(try await JobRunner.retimeOpenTickets(h.store).retimed == 3)
            let three = try await h.send(.GET, "/api/v1/tickets/\(ids[2])")
            #expect(three["sla"]?["clocks"]?.array?.first { $0["metric"]?.string == "first_response" }?["target_minutes"]?.int == 20)
        }
    }

    /// Escalations changed alone leave every clock as it is, but move when the job runner must
    /// next look: the re-time stores that too.
    @Test func aChangedEscalationMovesTheNextCheck() async throws {
        try await withHarness { h in
            let (calendar, policy) = try await Self.urgentPolicy(h)
            let ticket = try await h.store.createTicket(
                NewTicket(subject: "Down", body: "Help", requesterEmail: try EmailAddress("down@example.com"), requesterName: nil, priority: .urgent),
                actor: .system)
            _ = try await JobRunner.retimeOpenTickets(h.store)
            func check() async throws -> Int64? {
                try await h.store.read {
                    try await $0.sql.raw("SELECT sla_check_at FROM ticket_sla WHERE ticket_id = \(bind: ticket.id)")
                        .first(decodingColumn: "sla_check_at", as: Int64?.self) ?? nil
                }
            }
            let before = try #require(try await check())
            // When the at-risk escalation moves from 15 to 45 minutes before the due time, the targets as they were
            let reply = try await h.send(.PUT, "/api/v1/sla-policies/\(policy)", json: Self.urgent(calendar: calendar, atRisk: 45))
            #expect(reply.status == .ok, "\(reply.json)")
            #expect(try await JobRunner.retimeOpenTickets(h.store).retimed == 1)
            // Then the ticket is looked at 30 minutes earlier
            #expect(try await check() == before - 30 * 60_000)
        }
    }

    @Test func anAgentEscalatesThroughTheTiersWithANote() async throws {
        try await withHarness { h in
            let seniors = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Senior agents"])["id"]?.int)
            let engineers = try #require(try await h.send(.POST, "/api/v1/teams", json: ["name": "Engineering"])["id"]?.int)
            _ = try await h.send(.PUT, "/api/v1/escalation-tiers", json: ["tier_teams": [.number(Double(seniors)), .number(Double(engineers))]])
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let id = try #require(try await h.ticket()["id"]?.int)
            let first = try await h.send(.POST, "/api/v1/tickets/\(id)/escalate", json: ["note": "Needs a refund over my limit"], token: agent.token)
            #expect(first.status == .ok, "\(first.json)")
            #expect(first["escalation_level"]?.int == 1)
            #expect(first["team_id"]?.int == seniors)
            let second = try await h.send(.POST, "/api/v1/tickets/\(id)/escalate", json: [:], token: agent.token)
            #expect(second["escalation_level"]?.int == 2, "\(second.json)")
            #expect(second["team_id"]?.int == engineers)
            let third = try await h.send(.POST, "/api/v1/tickets/\(id)/escalate", json: [:], token: agent.token)
            #expect(third.status == .unprocessableEntity)
            let notes = try await h.send(.GET, "/api/v1/tickets/\(id)/messages")
            #expect(notes["items"]?.array?.contains { $0["body"]?.string == "Needs a refund over my limit" && $0["visibility"]?.string == "internal" } == true)
            let stale = try await h.send(.POST, "/api/v1/tickets/\(id)/escalate", json: ["version": 1])
            #expect(stale.status == .conflict)
        }
    }

    @Test func badHoursAndPoliciesAreRefusedNamingTheFieldAndChangeNothing() async throws {
        try await withHarness { h in
            let before = try await h.snapshot()
            let cases: [(JSONValue, String)] = [
                (["name": "A", "time_zone": "Mars/Olympus", "week": Self.allWeek], "time_zone"),
                (["name": "A", "time_zone": "UTC", "week": [[], [], [], [], [], [], []]], "week"),
                (["name": "A", "time_zone": "UTC", "week": [[["start": "09:00", "end": "12:00"], ["start": "11:00", "end": "13:00"]], [], [], [], [], [], []]], "week[0]"),
                (["name": "A", "time_zone": "UTC", "week": [[["start": "9am", "end": "12:00"]], [], [], [], [], [], []]], "week[0][0].start"),
                (["name": "A", "time_zone": "UTC", "week": Self.allWeek, "holidays": ["2026-02-30"]], "holidays"),
            ]
            for (body, field) in cases {
                let reply = try await h.send(.POST, "/api/v1/business-hours", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body)")
                #expect(reply["field"]?.string == field, "\(reply.json)")
            }
            let policies: [(JSONValue, String)] = [
                (["name": "P", "targets": [:]], "targets"),
                (["name": "P", "targets": ["first_response": 0]], "targets.first_response"),
                (["name": "P", "targets": ["resolution": 60], "calendar_id": 999], "calendar_id"),
                (["name": "P", "targets": ["resolution": 60], "conditions": ["priority": ["vital"]]], "conditions.priority[0]"),
                (["name": "P", "targets": ["resolution": 60], "conditions": ["team": [999]]], "conditions.team"),
                (["name": "P", "targets": ["resolution": 60], "pause_on": ["solved"]], "pause_on"),
                // Mistyped keys are refused, not dropped: without its conditions a policy covers every ticket
                (["name": "P", "targets": ["resolution": 60], "conditions": ["organization_tier": ["vip"]]], "conditions.organization_tier"),
                (["name": "P", "targets": ["resolution": 60, "first_reply": 30]], "targets.first_reply"),
                (["name": "P", "targets": ["resolution": 60], "condition": ["priority": ["urgent"]]], "condition"),
                (["name": "P", "targets": ["resolution": 60], "escalations": [["when": "breached", "actions": ["raise_priority"], "team": 2]]], "escalations[0].team"),
                (["name": "P", "targets": ["resolution": 60], "escalations": [["when": "at_risk", "actions": ["notify_assignee"]]]], "escalations[0].minutes_before"),
                (["name": "P", "targets": ["resolution": 60], "escalations": [["when": "breached", "actions": ["dance"]]]], "escalations[0].actions[0]"),
            ]
            for (body, field) in policies {
                let reply = try await h.send(.POST, "/api/v1/sla-policies", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body)")
                #expect(reply["field"]?.string == field, "\(reply.json)")
            }
            #expect(try await h.snapshot() == before)
            #expect(try await h.count("sla_policies") == 0)
            #expect(try await h.count("business_calendars") == 0)
            let agent = try await h.staff(.agent, email: "agent@example.com")
            let refused = try await h.send(.POST, "/api/v1/sla-policies", json: ["name": "P", "targets": ["resolution": 60]], token: agent.token)
            #expect(refused.status == .forbidden)
        }
    }

    /// A policy as the API answers it can be changed and sent back whole.
    @Test func aPolicyReadCanBeSentBackChanged() async throws {
        try await withHarness { h in
            let (_, id) = try await Self.urgentPolicy(h)
            guard case .object(var policy) = try await h.send(.GET, "/api/v1/sla-policies/\(id)").json else {
                Issue.record("no policy")
                return
            }
            policy["targets"] = ["first_response": 90, "resolution": 300]
            let changed = try await h.send(.PUT, "/api/v1/sla-policies/\(id)", json: .object(policy))
            #expect(changed.status == .ok, "\(changed.json)")
            #expect(changed["targets"]?["first_response"]?.int == 90)
        }
    }

    @Test func hoursInUseCannotBeDeletedAndNamesAreUnique() async throws {
        try await withHarness { h in
            let (calendar, policy) = try await Self.urgentPolicy(h)
            let duplicate = try await h.send(.POST, "/api/v1/business-hours", json: ["name": "Always", "time_zone": "UTC", "week": Self.allWeek])
            #expect(duplicate.status == .conflict)
            #expect(try await h.send(.DELETE, "/api/v1/business-hours/\(calendar)").status == .conflict)
            #expect(try await h.send(.DELETE, "/api/v1/sla-policies/\(policy)").status == .noContent)
            #expect(try await h.send(.DELETE, "/api/v1/business-hours/\(calendar)").status == .noContent)
            #expect(try await h.send(.GET, "/api/v1/business-hours/\(calendar)").status == .notFound)
        }
    }
}

/// Another instance's change reaches this writer's cached policies even when its clock is behind.
@Suite(.serialized) struct DefinitionsCacheTests {
    @Test func aPolicyChangedByAnInstanceWithASlowClockIsSeen() async throws {
        try await withHarness { h in
            // "Normal" first, so that "Urgent" holds the latest change time
            let normal = try await h.send(.POST, "/api/v1/sla-policies", json: ["name": "Normal", "targets": ["first_response": 480], "position": 1])
            let urgent = try await h.send(.POST, "/api/v1/sla-policies", json: [
                "name": "Urgent", "conditions": ["priority": ["urgent"]], "targets": ["first_response": 60], "position": 0,
            ])
            let normalId = try #require(normal["id"]?.int)
            _ = try #require(urgent["id"]?.int)
            // The writer caches the policies
            let first = try await h.ticket("One")
            #expect(first["sla"]?["clocks"]?.array?.first?["target_minutes"]?.int == 480)
            // Another instance, its clock an hour behind, changes "Normal": same count, and
            // MAX(updated_at) stays the other policy's. Its writer moves the chain head on as it
            // commits, as every writer does.
            try await h.store.read { ctx in
                try await ctx.sql.raw(
                    "UPDATE sla_policies SET targets = '{\"first_response\":120}', updated_at = 1 WHERE id = \(bind: normalId)"
                ).run()
                try await ctx.sql.raw("UPDATE workspace SET definitions_version = definitions_version + 1 WHERE id = 1").run()
                try await ctx.sql.raw("UPDATE audit_head SET version = version + 1 WHERE id = 1").run()
            }
            let second = try await h.ticket("Two")
            #expect(second["sla"]?["clocks"]?.array?.first?["target_minutes"]?.int == 120)
        }
    }
}
