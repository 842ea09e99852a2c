import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct TicketStatusTests {
    /// The lifecycle as the product spec states it, written out independently of `allowedTargets`.
    static let allowedMoves: [TicketStatus: Set<TicketStatus>] = [
        .new: [.open, .pending, .onHold, .solved, .closed],
        .open: [.pending, .onHold, .solved, .closed],
        .pending: [.open, .onHold, .solved, .closed],
        .onHold: [.open, .pending, .solved, .closed],
        .solved: [.open, .pending, .onHold, .closed],
        .closed: [],
    ]

    let created = Date(timeIntervalSince1970: 1_750_000_000)
    let later = Date(timeIntervalSince1970: 1_750_003_600)
    let muchLater = Date(timeIntervalSince1970: 1_750_090_000)

    func ticket(_ status: TicketStatus) -> Ticket {
        Ticket(id: 1, number: 1001, subject: "Printer on fire", status: status, requesterId: 7, createdAt: created)
    }

    // MARK: - Transition table

    @Test(arguments: TicketStatus.allCases, TicketStatus.allCases)
    func transitionFollowsTheLifecycle(from: TicketStatus, to: TicketStatus) throws {
        // Given
        let allowed = Self.allowedMoves[from] ?? []
        // When / Then
        if from == to {
            #expect(try from.transition(to: to) == from)
        } else if allowed.contains(to) {
            #expect(try from.transition(to: to) == to)
        } else {
            let error = #expect(throws: DomainError.self) { try from.transition(to: to) }
            #expect(error?.kind == .invalidTransition)
            #expect(error?.field == "status")
        }
    }

    @Test func allowedTargetsMatchTheLifecycle() {
        // Given / When / Then
        for status in TicketStatus.allCases {
            #expect(status.allowedTargets == Self.allowedMoves[status], "targets of \(status)")
        }
    }

    @Test func noStatusMayMoveBackToNew() {
        // Given
        let others = TicketStatus.allCases.filter { $0 != .new }
        // When / Then
        for status in others {
            #expect(throws: DomainError.self) { try status.transition(to: .new) }
        }
    }

    @Test func closedTicketIsFinal() {
        // Given
        var ticket = ticket(.closed)
        let before = ticket
        // When / Then
        for target in TicketStatus.allCases where target != .closed {
            let error = #expect(throws: DomainError.self) { try ticket.setStatus(target, now: later) }
            #expect(error?.kind == .invalidTransition)
            #expect(error?.field == "status")
            #expect(error?.message.contains("final") == true)
        }
        #expect(ticket == before)
    }

    @Test func stayingInTheSameStatusIsANoOp() throws {
        // Given
        var ticket = ticket(.solved)
        ticket.solvedAt = created
        let before = ticket
        // When
        try ticket.setStatus(.solved, now: later)
        // Then
        #expect(ticket == before)
    }

    @Test func unsolvedMeansNotSolvedOrClosed() {
        // Given / When / Then
        #expect(TicketStatus.allCases.filter(\.isUnsolved) == [.new, .open, .pending, .onHold])
    }

    // MARK: - Timestamps

    @Test func solvingSetsSolvedAt() throws {
        // Given
        var ticket = ticket(.open)
        // When
        try ticket.setStatus(.solved, now: later)
        // Then
        #expect(ticket.status == .solved)
        #expect(ticket.solvedAt == later)
        #expect(ticket.closedAt == nil)
        #expect(ticket.reopenCount == 0)
    }

    @Test func reopeningSolvedTicketCountsAndClearsSolvedAt() throws {
        // Given
        var ticket = ticket(.open)
        try ticket.setStatus(.solved, now: later)
        // When
        try ticket.setStatus(.open, now: muchLater)
        // Then
        #expect(ticket.status == .open)
        #expect(ticket.reopenCount == 1)
        #expect(ticket.solvedAt == nil)
    }

    @Test func everyReopenIsCounted() throws {
        // Given
        var ticket = ticket(.open)
        // When
        for _ in 0..<3 {
            try ticket.setStatus(.solved, now: later)
            try ticket.setStatus(.open, now: muchLater)
        }
        // Then
        #expect(ticket.reopenCount == 3)
    }

    @Test func closingSolvedTicketKeepsSolvedAtAndSetsClosedAt() throws {
        // Given
        var ticket = ticket(.open)
        try ticket.setStatus(.solved, now: later)
        // When
        try ticket.setStatus(.closed, now: muchLater)
        // Then
        #expect(ticket.status == .closed)
        #expect(ticket.solvedAt == later)
        #expect(ticket.closedAt == muchLater)
        #expect(ticket.reopenCount == 0)
    }

    @Test func closingUnsolvedTicketAlsoSetsSolvedAt() throws {
        // Given
        var ticket = ticket(.pending)
        // When
        try ticket.setStatus(.closed, now: later)
        // Then
        #expect(ticket.closedAt == later)
        #expect(ticket.solvedAt == later)
    }

    @Test func movingBetweenUnsolvedStatusesLeavesTimestampsAlone() throws {
        // Given
        var ticket = ticket(.open)
        // When
        try ticket.setStatus(.pending, now: later)
        try ticket.setStatus(.onHold, now: later)
        // Then
        #expect(ticket.status == .onHold)
        #expect(ticket.solvedAt == nil)
        #expect(ticket.closedAt == nil)
        #expect(ticket.reopenCount == 0)
    }

    // MARK: - Customer replies

    @Test(arguments: [
        (TicketStatus.new, TicketStatus.new),
        (.open, .open),
        (.pending, .open),
        (.onHold, .open),
        (.solved, .open),
        (.closed, .closed),
    ])
    func customerReplyMovesStatus(from: TicketStatus, expected: TicketStatus) {
        // Given / When
        let next = from.afterCustomerReply
        // Then
        #expect(next == expected)
    }

    @Test func customerReplyReopensSolvedTicket() throws {
        // Given
        var ticket = ticket(.open)
        try ticket.setStatus(.solved, now: later)
        // When
        try ticket.setStatus(ticket.status.afterCustomerReply, now: muchLater)
        // Then
        #expect(ticket.status == .open)
        #expect(ticket.reopenCount == 1)
        #expect(ticket.solvedAt == nil)
    }

    @Test func priorityRankOrdersByUrgency() {
        // Given / When
        let sorted = TicketPriority.allCases.shuffled().sorted { $0.rank < $1.rank }
        // Then
        #expect(sorted == [.low, .normal, .high, .urgent])
    }
}
