import Crypto
import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Automation rules at work. Triggers run from the event outbox (the "automations" consumer):
/// each ticket created, updated or replied to is matched against the active triggers, and what
/// fires is carried out in the same transaction that takes the events. Time rules run in the
/// job runner once a minute over the tickets not closed. Mail and webhooks go out as jobs.
enum Automations {
    static let consumer = "automations"
    static let emailJob = "automation.email"
    static let webhookJob = "automation.webhook"

    private struct Peek: Decodable {
        var ticket: Ticket
        var before: Ticket?
        var message: Message?
        var cause: AutomationCause?
    }

    struct EmailPayload: Codable {
        var to: [String]
        var subject: String
        var body: String
    }

    struct WebhookPayload: Codable {
        var url: String
        var secret: String?
        var body: String
    }

    /// Runs the triggers for the events since the consumer's position. Returns the firings.
    /// Deciding happens on a read connection; only what fires is written, in a short write that
    /// also moves the consumer on (if another instance moved it first, this one stands back).
    /// So an update waits for the writer no longer because triggers exist.
    static func runTriggers(_ store: Store, app: Application) async throws -> Int {
        let publicURL = app.config.publicURL ?? WebPasswordReset.localURL(app)
        let (next, triggers) = try await store.read { ctx in
            let triggers = try await ctx.automations().filter { $0.active && $0.kind == .trigger }
            let types: Set<DomainEventType> = triggers.isEmpty ? [] : [.ticketCreated, .ticketUpdated, .messageAdded]
            return (try await OutboxConsumer.next(ctx, consumer: consumer, types: types), triggers)
        }
        guard let end = next.end else { return 0 }
        let (position, events) = (next.position, next.events)
        let needsPeople = triggers.contains(where: \.needsPeople)
        var decided: [(event: DomainEvent, ticketId: Int64, firings: [AutomationFiring], cause: AutomationCause)] = []
        for event in events where !triggers.isEmpty {
            let kind: AutomationRule.Event
            switch event.type {
            case .ticketCreated: kind = .created
            case .ticketUpdated: kind = .updated
            case .messageAdded: kind = .replied
            default: continue
            }
            guard let peek = try? APIJSON.decoder.decode(Peek.self, from: Data(event.payload.text.utf8)) else { continue }
            // A note (internal) is not a reply; automations' own notes start nothing.
            if kind == .replied, peek.message?.visibility != .public { continue }
            let cause = peek.cause ?? AutomationCause(fired: [], depth: 0)
            guard cause.depth < AutomationCause.maxDepth else {
                app.logger.warning("automations: chain on ticket \(peek.ticket.id) stopped after \(cause.depth) rounds")
                continue
            }
            var facts = AutomationFacts(
                ticket: peek.ticket, before: kind == .updated ? peek.before : nil, event: kind, message: peek.message?.body, now: store.clock())
            if needsPeople {
                (facts.requesterEmail, facts.organizationTier) = try await store.read { try await people(of: peek.ticket, $0) }
            }
            let firings = AutomationEngine.fire(triggers, facts: facts, skip: Set(cause.fired))
            if !firings.isEmpty {
                decided.append((event, peek.ticket.id, firings, AutomationCause(fired: cause.fired + firings.map(\.rule.id), depth: cause.depth + 1)))
            }
        }
        guard !decided.isEmpty else {
            _ = try await store.passEvents(consumer: consumer, from: position, to: end)  // without the writer (see `OutboxConsumer`)
            return 0
        }
        // A write per event acted on (see `writeGroup`).
        let groups = stride(from: 0, to: decided.count, by: writeGroup).map { decided[$0..<min($0 + writeGroup, decided.count)] }
        var from = position
        var fired = 0
        for (n, group) in groups.enumerated() {
            let to = n == groups.count - 1 ? end : group.last?.event.sequence ?? end
            let start = from
            let done = try await store.write { ctx -> Int? in
                guard try await ctx.advanceConsumer(consumer, from: start, to: to) else { return nil }
                var fired = 0
                for d in group {
                    fired += d.firings.count
                    try await ctx.applyAutomations(d.firings, to: d.ticketId, cause: d.cause) { action, rule, ticket in
                        try await enqueue(action, rule: rule, ticket: ticket, event: d.event, ctx: ctx, link: "\(publicURL)/tickets/\(ticket.id)")
                    }
                }
                return fired
            }
            guard let done else { break }  // another instance moved the consumer first: it acts on these
            fired += done
            from = to
        }
        return fired
    }

    /// Events acted on per write transaction. One: with 25 or 5 a write (their tickets read in
    /// one statement), triggers kept up better and cost agents' updates less throughput, but
    /// added 2.2-2.4 ms and 1.5-2.0 ms to their p95, against 0.7-1.8 ms with one
    /// (`bench/triggers.py --db postgres`): a burst of big writes once a round holds up more
    /// updates than single writes spread out. A later event of a ticket in the same write reads
    /// it again in `applyAutomations`, after what the earlier one held back went out.
    static let writeGroup = 1

    /// The requester's email and the organization's tier, for conditions that look at them.
    static func people(of ticket: Ticket, _ reader: ReadContext) async throws -> (String?, OrganizationTier?) {
        let requester = try await reader.contact(id: ticket.requesterId)
        let tier = try await ticket.organizationId.asyncMap { try await reader.organization(id: $0)?.tier } ?? nil
        return (requester?.emails.first, tier)
    }

    /// What conditions look at for `ticket`.
    static func facts(
        _ ticket: Ticket, before: Ticket?, event: AutomationRule.Event?, message: String?, ctx: WriteContext, now: Date? = nil
    ) async throws -> AutomationFacts {
        let (email, tier) = try await people(of: ticket, ctx.reader)
        return AutomationFacts(
            ticket: ticket, before: before, event: event, message: message, requesterEmail: email, organizationTier: tier,
            now: now ?? ctx.now)
    }

    /// Queues the mail or webhook an action asks for.
    static func enqueue(
        _ action: AutomationAction, rule: AutomationRule, ticket: Ticket, event: DomainEvent?, ctx: WriteContext, link: String
    ) async throws {
        let values = try await ctx.placeholderValues(ticket, link: link)
        switch action.kind {
        case .emailRequester, .emailAssignee, .emailTeam:
            var to: [String] = []
            switch action.kind {
            case .emailRequester: to = values.requesterEmail.isEmpty ? [] : [values.requesterEmail]
            case .emailAssignee:
                if let id = ticket.assigneeId, let user = try await ctx.reader.user(id: id), user.active { to = [user.email] }
            default:
                if let team = ticket.teamId {
                    for id in try await ctx.reader.teamMembers(team) {
                        if let user = try await ctx.reader.user(id: id), user.active { to.append(user.email) }
                    }
                }
            }
            guard !to.isEmpty else { return }
            let payload = EmailPayload(
                to: to, subject: Placeholders.render(action.subject ?? "", values), body: Placeholders.render(action.body ?? "", values))
            try await ctx.enqueueJob(kind: emailJob, payload: try encodeJSONText(payload))
        case .webhook:
            guard let url = action.url else { return }
            let body: JSONValue = .object([
                "automation": .object(["id": .int(rule.id), "name": .string(rule.name)]),
                "event": .string(event?.type.rawValue ?? "time_rule"),
                "ticket": (try? JSONDecoder().decode(JSONValue.self, from: Data(JSONText(ticket).text.utf8))) ?? .null,
            ])
            try await ctx.enqueueJob(
                kind: webhookJob, payload: try encodeJSONText(WebhookPayload(url: url, secret: action.secret, body: String(decoding: body.canonicalData, as: UTF8.self))))
        default:
            break
        }
    }

    /// Sends an automation's mail, one message per recipient.
    static func sendEmail(_ payload: EmailPayload, app: Application) async throws {
        for address in payload.to {
            try await app.mailer.send(OutgoingMail(to: address, subject: payload.subject, text: payload.body))
        }
    }

    /// Posts a webhook; a non-2xx answer fails the job, so it is tried again later.
    static func postWebhook(_ payload: WebhookPayload, app: Application) async throws {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .userAgent, value: "Switchboard-Webhook/1")
        if let secret = payload.secret, !secret.isEmpty {
            let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            headers.add(name: "X-Switchboard-Signature", value: "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
        }
        let response = try await app.client.post(URI(string: payload.url), headers: headers) { req in
            req.body = ByteBuffer(string: payload.body)
        }
        guard (200..<300).contains(response.status.code) else {
            throw Abort(.badGateway, reason: "the webhook answered \(response.status.code)")
        }
    }

    /// What a round of time rules did.
    struct TimeRuleOutcome: Sendable {
        /// Tickets read: those within the rules' time bounds.
        var read = 0
        /// Tickets some rule may match, checked again in a write.
        var candidates = 0
        var fired = 0
    }

    /// One round of time rules over the tickets not closed: what may match is collected with
    /// reads (only the tickets within the rules' "more than N hours" bounds, slices of ids on a
    /// read connection per core), then each ticket is checked again and acted on inside a
    /// write, so two servers never act twice. `asOf` judges the rules at another time than now
    /// (tests and benchmarks).
    static func runTimeRules(_ store: Store, app: Application, asOf: Date? = nil) async throws -> TimeRuleOutcome {
        var outcome = TimeRuleOutcome()
        let rules = try await store.read { try await $0.automations() }.filter { $0.active && $0.kind == .timeRule }
        guard !rules.isEmpty else { return outcome }
        let publicURL = app.config.publicURL ?? WebPasswordReset.localURL(app)
        let now = asOf ?? store.clock()
        let bounds = rules.map { $0.timeBounds(now: now) }
        var candidates: [Int64] = []
        let last = try await store.read { try await $0.lastTicketId() }
        try await store.readSlices(after: 0, through: last, width: 4_000) { reader, after, through in
            try await reader.timeRuleCandidates(bounds, after: after, through: through) { ticket in
                rules.contains { $0.mayMatch(AutomationFacts(ticket: ticket, now: now)) }
            }
        } consume: { page in
            outcome.read += page.read
            candidates += page.ids
            return true
        }
        outcome.candidates = candidates.count
        for chunk in stride(from: 0, to: candidates.count, by: 200).map({ Array(candidates[$0..<min($0 + 200, candidates.count)]) }) {
            outcome.fired += try await store.write { ctx in
                var count = 0
                for id in chunk {
                    guard let ticket = try await ctx.reader.ticket(id: id), ticket.status != .closed else { continue }
                    let facts = try await facts(ticket, before: nil, event: nil, message: nil, ctx: ctx, now: now)
                    var current = ticket
                    var firings: [AutomationFiring] = []
                    for rule in rules {
                        var f = facts
                        f.ticket = current
                        guard rule.matches(f) else { continue }
                        for action in rule.actions { action.apply(to: &current, now: ctx.now) }
                        firings.append(AutomationFiring(rule: rule, ticket: current))
                    }
                    guard !firings.isEmpty else { continue }
                    count += firings.count
                    try await ctx.applyAutomations(
                        firings, to: id, cause: AutomationCause(fired: firings.map(\.rule.id), depth: 1), current: ticket
                    ) { action, rule, t in
                        try await enqueue(action, rule: rule, ticket: t, event: nil, ctx: ctx, link: "\(publicURL)/tickets/\(t.id)")
                    }
                }
                return count
            }
        }
        return outcome
    }
}
