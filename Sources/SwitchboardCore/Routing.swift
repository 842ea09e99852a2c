import Foundation

/// How a team hands out its unassigned tickets.
public enum AssignmentStrategy: String, Codable, Sendable, CaseIterable {
    /// Agents take tickets themselves.
    case manual
    /// In turn, each available agent after the last one given a ticket.
    case roundRobin = "round_robin"
    /// To the available agent with the fewest open tickets.
    case leastOpen = "least_open"
    /// To an available agent holding the skills the ticket needs, fewest open tickets first.
    case skills
}

/// Whether an agent takes new work.
public enum Availability: String, Codable, Sendable, CaseIterable {
    case online, away, offline
}

/// A skill tickets may need (a language, a product, a kind of request) and when they need it.
public struct Skill: Sendable, Codable, Equatable {
    /// What about a ticket makes it need the skill.
    public struct Rule: Sendable, Codable, Equatable, Hashable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// The ticket's type, like `complaint`.
            case type
            /// A tag on the ticket.
            case tag
            /// The requester's language, like `pl`.
            case language
        }
        public var kind: Kind
        public var value: String

        public init(kind: Kind, value: String) {
            self.kind = kind
            self.value = value
        }
    }

    public var id: Int64
    public var name: String
    /// The ticket needs the skill when any rule matches.
    public var rules: [Rule]
    /// The level (1–5) an agent needs at least.
    public var minLevel: Int

    enum CodingKeys: String, CodingKey { case id, name, rules, minLevel = "min_level" }

    public init(id: Int64, name: String, rules: [Rule], minLevel: Int = 1) {
        self.id = id
        self.name = name
        self.rules = rules
        self.minLevel = minLevel
    }

    /// Checks what a client can get wrong, naming the field.
    public func validate() throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid(field: "name", "is required") }
        guard trimmed.count <= Limits.teamName else { throw .invalid(field: "name", "is longer than \(Limits.teamName) characters") }
        guard (1...5).contains(minLevel) else { throw .invalid(field: "min_level", "must be between 1 and 5") }
        for (i, rule) in rules.enumerated() {
            switch rule.kind {
            case .type:
                guard TicketType(rawValue: rule.value) != nil else {
                    throw .invalid(field: "rules[\(i)].value", "is not a ticket type")
                }
            case .tag, .language:
                guard !rule.value.trimmingCharacters(in: .whitespaces).isEmpty, rule.value.count <= 64 else {
                    throw .invalid(field: "rules[\(i)].value", "must be 1 to 64 characters")
                }
            }
        }
    }

    /// Whether `ticket`, from a requester speaking `language`, needs this skill.
    public func isNeeded(by ticket: Ticket, language: String?) -> Bool {
        rules.contains { rule in
            switch rule.kind {
            case .type: ticket.type.rawValue == rule.value
            case .tag: ticket.tags.contains(rule.value.lowercased())
            case .language:
                language.map { $0.lowercased() == rule.value.lowercased() || $0.lowercased().hasPrefix(rule.value.lowercased() + "-") } ?? false
            }
        }
    }
}

/// An agent as routing sees them.
public struct RoutingCandidate: Sendable, Equatable {
    public var userId: Int64
    public var availability: Availability
    /// The most open tickets they take; nil for no limit.
    public var capacity: Int?
    public var openTickets: Int
    /// Skill id → level (1–5).
    public var skills: [Int64: Int]

    public init(userId: Int64, availability: Availability, capacity: Int?, openTickets: Int, skills: [Int64: Int] = [:]) {
        self.userId = userId
        self.availability = availability
        self.capacity = capacity
        self.openTickets = openTickets
        self.skills = skills
    }

    /// Online and under capacity.
    public var takesWork: Bool {
        availability == .online && capacity.map { openTickets < $0 } ?? true
    }
}

/// Chooses who gets a ticket. Pure: the store gives it the team's agents and remembers the
/// last one chosen (the round-robin cursor).
public enum Router {
    /// The agent for a ticket of a team with `strategy`, or nil when nobody can take it now
    /// (it waits, unassigned). `needs` are skill id → minimum level; `after` is the user id the
    /// team last gave a ticket to.
    public static func choose(
        _ strategy: AssignmentStrategy, among candidates: [RoutingCandidate], needs: [Int64: Int], after cursor: Int64?
    ) -> Int64? {
        var eligible = candidates.filter(\.takesWork)
        if strategy == .skills {
            eligible = eligible.filter { agent in needs.allSatisfy { skill, level in (agent.skills[skill] ?? 0) >= level } }
        }
        // Round-robin order: the agents after the cursor, then from the start.
        let ordered = eligible.sorted { $0.userId < $1.userId }
        let turn = ordered.filter { $0.userId > (cursor ?? Int64.min) } + ordered.filter { $0.userId <= (cursor ?? Int64.min) }
        switch strategy {
        case .manual:
            return nil
        case .roundRobin:
            return turn.first?.userId
        case .leastOpen, .skills:
            guard let fewest = turn.map(\.openTickets).min() else { return nil }
            return turn.first { $0.openTickets == fewest }?.userId
        }
    }

    /// The skills `ticket` needs: skill id → minimum level.
    public static func needs(of ticket: Ticket, language: String?, skills: [Skill]) -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for skill in skills where skill.isNeeded(by: ticket, language: language) { out[skill.id] = skill.minLevel }
        return out
    }
}
