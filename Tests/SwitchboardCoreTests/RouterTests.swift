import Foundation
import Testing

@testable import SwitchboardCore

/// Who gets a ticket: round robin, fewest open, skills; availability and capacity.
@Suite struct RouterTests {
    static func agent(_ id: Int64, _ availability: Availability = .online, capacity: Int? = nil, open: Int = 0, skills: [Int64: Int] = [:])
        -> RoutingCandidate
    {
        RoutingCandidate(userId: id, availability: availability, capacity: capacity, openTickets: open, skills: skills)
    }

    @Test func roundRobinGoesToTheNextAvailableAgentAfterTheLastAndWrapsAround() {
        let team = [Self.agent(3), Self.agent(1), Self.agent(2, .away), Self.agent(4, .offline), Self.agent(5)]
        #expect(Router.choose(.roundRobin, among: team, needs: [:], after: nil) == 1)
        #expect(Router.choose(.roundRobin, among: team, needs: [:], after: 1) == 3)
        #expect(Router.choose(.roundRobin, among: team, needs: [:], after: 3) == 5)
        #expect(Router.choose(.roundRobin, among: team, needs: [:], after: 5) == 1)
    }

    @Test func roundRobinOverManyTicketsStaysEven() {
        // 10,000 tickets across 50 agents: max − min ≤ 1
        let team = (1...50).map { Self.agent(Int64($0)) }
        var counts: [Int64: Int] = [:]
        var cursor: Int64?
        for _ in 0..<10_000 {
            let chosen = Router.choose(.roundRobin, among: team, needs: [:], after: cursor)
            counts[chosen!, default: 0] += 1
            cursor = chosen
        }
        #expect(counts.count == 50)
        #expect(counts.values.max()! - counts.values.min()! <= 1)
    }

    @Test func fullAgentsAndOfflineAgentsGetNothing() {
        let team = [Self.agent(1, capacity: 2, open: 2), Self.agent(2, .offline), Self.agent(3, capacity: 0)]
        #expect(Router.choose(.roundRobin, among: team, needs: [:], after: nil) == nil)
        #expect(Router.choose(.leastOpen, among: team + [Self.agent(4, capacity: 3, open: 2)], needs: [:], after: nil) == 4)
    }

    @Test func leastOpenPicksTheQuietestAndBreaksTiesInTurn() {
        let team = [Self.agent(1, open: 4), Self.agent(2, open: 1), Self.agent(3, open: 1), Self.agent(4, open: 7)]
        #expect(Router.choose(.leastOpen, among: team, needs: [:], after: nil) == 2)
        #expect(Router.choose(.leastOpen, among: team, needs: [:], after: 2) == 3)
    }

    @Test func skillsNeedEveryRequiredSkillAtItsLevel() {
        let polish: Int64 = 10
        let billing: Int64 = 11
        let team = [
            Self.agent(1, open: 0, skills: [polish: 2]), Self.agent(2, open: 3, skills: [polish: 4, billing: 3]),
            Self.agent(3, open: 1, skills: [polish: 5, billing: 1]),
        ]
        #expect(Router.choose(.skills, among: team, needs: [polish: 3, billing: 2], after: nil) == 2)
        #expect(Router.choose(.skills, among: team, needs: [polish: 3], after: nil) == 3)
        #expect(Router.choose(.skills, among: team, needs: [:], after: nil) == 1)
        #expect(Router.choose(.skills, among: team, needs: [billing: 5], after: nil) == nil)
        #expect(Router.choose(.manual, among: team, needs: [:], after: nil) == nil)
    }

    @Test func ticketsNeedSkillsByTypeTagOrLanguage() {
        let skills = [
            Skill(id: 1, name: "Polish", rules: [.init(kind: .language, value: "pl")], minLevel: 3),
            Skill(id: 2, name: "Returns", rules: [.init(kind: .type, value: "return_exchange"), .init(kind: .tag, value: "refund")]),
        ]
        var ticket = Ticket(id: 1, number: 1, subject: "Zwrot", type: .question, requesterId: 1, createdAt: Date())
        #expect(Router.needs(of: ticket, language: "pl-PL", skills: skills) == [1: 3])
        ticket.tags = ["refund"]
        #expect(Router.needs(of: ticket, language: "en", skills: skills) == [2: 1])
        ticket.tags = []
        ticket.type = .returnExchange
        #expect(Router.needs(of: ticket, language: nil, skills: skills) == [2: 1])
    }

    @Test func badSkillsAreRefusedNamingTheField() {
        #expect(throws: DomainError.invalid(field: "min_level", "must be between 1 and 5")) { try Skill(id: 0, name: "X", rules: [], minLevel: 6).validate() }
        #expect(throws: DomainError.invalid(field: "rules[0].value", "is not a ticket type")) {
            try Skill(id: 0, name: "X", rules: [.init(kind: .type, value: "rumour")]).validate()
        }
        #expect(throws: DomainError.invalid(field: "name", "is required")) { try Skill(id: 0, name: " ", rules: []).validate() }
    }
}
