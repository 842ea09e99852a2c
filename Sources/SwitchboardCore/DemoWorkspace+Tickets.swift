import Foundation

extension DemoWorkspace {
    static let ticketCount = 2_000
    /// Tickets are created within this many seconds before `now` (90 days).
    static let windowSeconds = 90 * 86_400

    /// 2,000 tickets over the last 90 days, oldest first; a little denser towards `now`, as a
    /// growing business would see.
    static func makeTickets(
        contacts: [Contact], organizations: [Organization], staff: [Staff], now: Date, random: inout DemoRandom
    ) -> [Ticket] {
        guard !contacts.isEmpty else { return [] }
        let topics = Topic.allCases.map { ($0, scenario($0).weight) }
        let pools = assigneePools(staff)
        let leads = staff.indices.filter { [.manager, .supervisor, .seniorAgent].contains(staff[$0].role) }
        // Outages hit many customers at once: outage tickets cluster after three incident starts.
        let outageAges = (0..<3).map { _ in random.int(in: (2 * 86_400)...(80 * 86_400)) }
        // A fifth of the contacts write often; contacts are already shuffled, so take the first ones.
        let regulars = max(1, contacts.count / 5)
        var drafts: [(ticket: Ticket, order: Int)] = []
        drafts.reserveCapacity(ticketCount)
        for order in 0..<ticketCount {
            let requester = random.chance(0.4) ? random.int(below: regulars) : random.int(below: contacts.count)
            let topic = random.weighted(topics)
            var age = 600 + Int(Double(windowSeconds - 601) * pow(random.unit(), 1.2))
            if topic == .outage {
                age = random.pick(outageAges) - random.int(below: 4 * 3_600)
            } else {
                age = daytime(age: age, now: now, random: &random)
            }
            let contact = contacts[requester]
            let organization = contact.organizationIndex.flatMap { organizations.indices.contains($0) ? organizations[$0] : nil }
            let context = TicketContext(
                topic: topic, requesterIndex: requester, contact: contact, isVip: organization?.tier == "vip",
                age: age, createdAt: now.addingTimeInterval(-Double(age)))
            let ticket = makeTicket(context, staff: staff, pools: pools, leads: leads, random: &random)
            drafts.append((ticket, order))
        }
        return drafts.sorted { ($0.ticket.createdAt, $0.order) < ($1.ticket.createdAt, $1.order) }.map(\.ticket)
    }

    struct TicketContext {
        let topic: Topic
        let requesterIndex: Int
        let contact: Contact
        let isVip: Bool
        /// Seconds between creation and `now`; at least 600.
        let age: Int
        let createdAt: Date
    }

    static func makeTicket(
        _ context: TicketContext, staff: [Staff], pools: [String: [(Int, Int)]], leads: [Int],
        random: inout DemoRandom
    ) -> Ticket {
        let meta = scenario(context.topic)
        let locale = SupportedLocale(rawValue: context.contact.locale) ?? .en
        let status = status(ageSeconds: context.age, random: &random)
        let channel = random.weighted(meta.channels)
        let teamName: String? = status == .new && random.chance(0.5) ? nil : meta.team
        var assignee: Int?
        if status != .new, let pool = pools[meta.team], !pool.isEmpty { assignee = random.weighted(pool) }
        var noteAuthor = assignee
        if !leads.isEmpty, random.chance(0.25) { noteAuthor = random.pick(leads) }
        let agentName = assignee.map { firstName(staff[$0].name) } ?? ""
        let details = makeDetails(
            contact: context.contact, locale: locale, agent: agentName, random: &random)
        let script = script(context.topic, in: locale)
        let variant = random.int(below: script.openings.count)
        let book = phrasebook(locale)
        let conversation = Conversation(
            book: book, script: script, variant: variant, notes: meta.notes, details: details, channel: channel,
            customerName: firstName(context.contact.name), agentName: agentName, assignee: assignee,
            noteAuthor: noteAuthor, isVip: context.isVip, staffGreeting: random.pick(book.staffGreetings),
            staffSignoff: random.pick(book.staffSignoffs), customerSignoff: random.pick(book.customerSignoffs))
        let messages = conversation.messages(
            steps(for: status, random: &random), createdAt: context.createdAt, age: context.age, random: &random)
        return Ticket(
            subject: details.fill(random.pick(meta.subjects(script.subjects, variant: variant))), status: status,
            priority: priority(meta.priority, vip: context.isVip, random: &random), type: meta.type,
            channel: channel, requesterIndex: context.requesterIndex, assigneeIndex: assignee, teamName: teamName,
            tags: meta.tags + (context.isVip ? ["vip"] : []), createdAt: context.createdAt, messages: messages)
    }

    /// Who works each team's tickets, weighted: agents most, leads now and then, other roles never.
    static func assigneePools(_ staff: [Staff]) -> [String: [(Int, Int)]] {
        func weight(_ role: Role) -> Int {
            switch role {
            case .agent: 6
            case .seniorAgent: 4
            case .supervisor, .manager: 1
            case .admin, .qaAnalyst, .trainer: 0
            }
        }
        var pools: [String: [(Int, Int)]] = [:]
        for team in teamNames {
            pools[team] = staff.indices.compactMap { index in
                let w = weight(staff[index].role)
                return staff[index].teamNames.contains(team) && w > 0 ? (index, w) : nil
            }
        }
        return pools
    }

    /// Customers mostly write by day: most tickets that would start between 00:00 and 07:00 UTC
    /// (a stand-in for local time) move nine hours later.
    static func daytime(age: Int, now: Date, random: inout DemoRandom) -> Int {
        let created = Int(now.timeIntervalSince1970.rounded(.down)) - age
        let hour = ((created % 86_400) + 86_400) % 86_400 / 3_600
        let later = age - 9 * 3_600
        return hour < 7 && later >= 600 && random.chance(0.8) ? later : age
    }

    /// Recent tickets are mostly still being worked on; old ones mostly solved or closed.
    static func status(ageSeconds: Int, random: inout DemoRandom) -> TicketStatus {
        let days = Double(ageSeconds) / 86_400
        let table: [(TicketStatus, Int)] =
            switch days {
            case ..<1: [(.new, 35), (.open, 30), (.pending, 15), (.onHold, 5), (.solved, 15)]
            case ..<3: [(.new, 10), (.open, 28), (.pending, 20), (.onHold, 10), (.solved, 32)]
            case ..<7: [(.new, 3), (.open, 15), (.pending, 15), (.onHold, 7), (.solved, 55), (.closed, 5)]
            case ..<14: [(.open, 6), (.pending, 6), (.onHold, 4), (.solved, 44), (.closed, 40)]
            default: [(.open, 2), (.pending, 1), (.onHold, 2), (.solved, 10), (.closed, 85)]
            }
        return random.weighted(table)
    }

    /// The scenario's priority, sometimes one step off, and one step up for VIP organizations.
    static func priority(_ base: TicketPriority, vip: Bool, random: inout DemoRandom) -> TicketPriority {
        var rank = base.rank
        if random.chance(0.15) {
            rank -= 1
        } else if random.chance(0.15) {
            rank += 1
        }
        if vip { rank += 1 }
        let clamped = min(max(rank, 0), 3)
        return TicketPriority.allCases.first { $0.rank == clamped } ?? base
    }

    /// The shape of a conversation for a status: `new` has only the customer's message, solved
    /// and closed end with a staff resolution (sometimes thanked), pending waits on the customer.
    static func steps(for status: TicketStatus, random: inout DemoRandom) -> [Step] {
        switch status {
        case .new:
            [.opening]
        case .open:
            random.pick([
                [.opening], [.opening, .note], [.opening, .reply, .followUp], [.opening, .reply, .followUp, .note],
                [.opening, .reply, .followUp, .hold, .nudge],
            ])
        case .pending:
            random.pick([[.opening, .reply], [.opening, .note, .reply], [.opening, .reply]])
        case .onHold:
            random.pick([[.opening, .hold, .note], [.opening, .note, .hold], [.opening, .reply, .followUp, .note, .hold]])
        case .solved, .closed:
            random.pick([
                [.opening, .resolution], [.opening, .reply, .followUp, .resolution],
                [.opening, .reply, .followUp, .resolution, .thanks],
                [.opening, .note, .reply, .followUp, .resolution, .thanks],
                [.opening, .reply, .followUp, .note, .resolution],
            ])
        }
    }

    static func firstName(_ fullName: String) -> String {
        fullName.split(separator: " ").first.map(String.init) ?? fullName
    }

    /// The varied details one ticket's texts are filled with.
    static func makeDetails(
        contact: Contact, locale: SupportedLocale, agent: String, random: inout DemoRandom
    ) -> Details {
        let book = phrasebook(locale)
        let amount = book.amountFormat.replacingOccurrences(
            of: "{n}", with: grouped(random.int(in: book.amountRange), separator: book.groupSeparator))
        let days = book.daysFormat.replacingOccurrences(of: "{n}", with: String(random.int(in: 5...14)))
        return Details(values: [
            ("name", firstName(contact.name)),
            ("email", contact.email),
            ("order", "NH-" + random.digits(6)),
            ("invoice", "INV-" + random.digits(6)),
            ("amount", amount),
            ("product", random.pick(book.products)),
            ("tracking", "RR" + random.digits(9) + book.trackingCountry),
            ("days", days),
            ("error", random.pick(["500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable",
                                   "429 Too Many Requests", "504 Gateway Timeout"])),
            ("endpoint", random.pick(["/v2/devices", "/v2/orders", "/v2/webhooks", "/v2/events", "/v2/schedules"])),
            ("plan", random.pick(["Plus", "Business", "Enterprise"])),
            // Multiples of five from 20 up take the same plural form in every language here.
            ("qty", String(20 + 5 * random.int(in: 0...46))),
            ("last4", random.digits(4)),
            ("requestId", random.hex(16)),
            ("agent", agent),
        ])
    }

    /// 12500 → "12,500" / "12 500".
    static func grouped(_ number: Int, separator: String) -> String {
        let digits = String(number)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// Placeholder values for one ticket.
    struct Details {
        private let values: [String: String]

        init(values: [(String, String)]) {
            self.values = Dictionary(values, uniquingKeysWith: { _, last in last })
        }

        /// Replaces each `{key}` with its value in one pass; unknown keys stay as they are.
        func fill(_ template: String) -> String {
            guard template.contains("{") else { return template }
            var out = ""
            var rest = template[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let key = String(rest[rest.index(after: open)..<close])
                out += values[key] ?? "{\(key)}"
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }
}
