import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct TicketChangesTests {
    let created = Date(timeIntervalSince1970: 1_750_000_000)
    let now = Date(timeIntervalSince1970: 1_750_007_200)

    func ticket(_ status: TicketStatus = .open, tags: [String] = [], assigneeId: Int64? = nil) -> Ticket {
        Ticket(
            id: 1, number: 1001, subject: "Cannot log in", status: status, requesterId: 7, assigneeId: assigneeId,
            tags: tags, createdAt: created)
    }

    // MARK: - Closed tickets and versions

    @Test func closedTicketRefusesChanges() {
        // Given
        var ticket = ticket(.closed)
        let before = ticket
        // When
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(priority: .urgent).apply(to: &ticket, now: now)
        }
        // Then
        #expect(error?.kind == .invalidTransition)
        #expect(error?.field == "status")
        #expect(ticket == before)
    }

    @Test func realChangeBumpsVersionAndUpdatedAt() throws {
        // Given
        var ticket = ticket()
        // When
        let changed = try TicketChanges(priority: .high).apply(to: &ticket, now: now)
        // Then
        #expect(changed)
        #expect(ticket.priority == .high)
        #expect(ticket.version == 2)
        #expect(ticket.updatedAt == now)
    }

    @Test func sameValuesDoNotBumpVersion() throws {
        // Given
        var ticket = ticket(tags: ["billing"])
        let before = ticket
        let changes = TicketChanges(
            subject: "  Cannot log in ", status: .open, priority: .normal, type: .question, tags: ["Billing"])
        // When
        let changed = try changes.apply(to: &ticket, now: now)
        // Then
        #expect(!changed)
        #expect(ticket == before)
        #expect(ticket.version == 1)
        #expect(ticket.updatedAt == created)
    }

    @Test func emptyChangesChangeNothing() throws {
        // Given
        var ticket = ticket()
        let before = ticket
        // When
        let changed = try TicketChanges().apply(to: &ticket, now: now)
        // Then
        #expect(!changed)
        #expect(ticket == before)
    }

    @Test func refusedChangeLeavesTicketUntouched() {
        // Given: a valid subject and tags together with a forbidden status move
        var ticket = ticket(.open, tags: ["billing"])
        let before = ticket
        let changes = TicketChanges(subject: "Renamed", status: .new, tags: ["other"])
        // When
        #expect(throws: DomainError.self) { try changes.apply(to: &ticket, now: now) }
        // Then: nothing of the refused request is half-applied
        #expect(ticket == before)
    }

    // MARK: - Tags

    @Test func tagsAreTrimmedLowerCasedUnderscoredAndDeduplicated() throws {
        // Given
        var ticket = ticket()
        // When
        try TicketChanges(tags: ["  Billing ", "billing", "Needs Review", "VIP"]).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.tags == ["billing", "needs_review", "vip"])
    }

    @Test func replacingTagsDropsTheOldOnes() throws {
        // Given
        var ticket = ticket(tags: ["billing", "vip"])
        // When
        try TicketChanges(tags: ["refund"]).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.tags == ["refund"])
    }

    @Test func moreThanFiftyTagsAreRefused() {
        // Given
        var ticket = ticket()
        let tags = (1...51).map { "tag\($0)" }
        // When
        let error = #expect(throws: DomainError.self) { try TicketChanges(tags: tags).apply(to: &ticket, now: now) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "tags")
    }

    @Test func fiftyTagsAreAccepted() throws {
        // Given
        var ticket = ticket()
        let tags = (1...50).map { "tag\($0)" }
        // When
        try TicketChanges(tags: tags).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.tags.count == 50)
    }

    @Test func tagOfSixtyFourCharactersIsAcceptedButLongerIsRefused() throws {
        // Given
        var ticket = ticket()
        let longest = String(repeating: "x", count: 64)
        // When
        try TicketChanges(tags: [longest]).apply(to: &ticket, now: now)
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(tags: [longest + "x"]).apply(to: &ticket, now: now)
        }
        // Then
        #expect(ticket.tags == [longest])
        #expect(error?.field == "tags")
    }

    @Test(arguments: ["", "   ", "a,b", "line\nbreak"])
    func malformedTagIsRefused(tag: String) {
        // Given
        var ticket = ticket()
        // When
        let error = #expect(throws: DomainError.self) { try TicketChanges(tags: [tag]).apply(to: &ticket, now: now) }
        // Then
        #expect(error?.field == "tags")
    }

    @Test func addTagsAppendsNormalizedTagsWithoutDuplicates() throws {
        // Given
        var ticket = ticket(tags: ["billing"])
        // When
        try TicketChanges(addTags: ["VIP", "Billing", "vip"]).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.tags == ["billing", "vip"])
        #expect(ticket.version == 2)
    }

    @Test func addingOnlyExistingTagsIsNoChange() throws {
        // Given
        var ticket = ticket(tags: ["billing"])
        // When
        let changed = try TicketChanges(addTags: ["BILLING"]).apply(to: &ticket, now: now)
        // Then
        #expect(!changed)
        #expect(ticket.version == 1)
    }

    @Test func malformedAddTagNamesAddTagsField() {
        // Given
        var ticket = ticket()
        // When
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(addTags: ["a,b"]).apply(to: &ticket, now: now)
        }
        // Then
        #expect(error?.field == "add_tags")
    }

    @Test func addTagsBeyondFiftyInTotalIsRefused() {
        // Given
        var ticket = ticket(tags: (1...40).map { "old\($0)" })
        // When
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(addTags: (1...11).map { "new\($0)" }).apply(to: &ticket, now: now)
        }
        // Then
        #expect(error?.kind == .invalid)
    }

    @Test func reAddingExistingTagsDoesNotCountTowardsTheLimit() throws {
        // Given: 30 tags, and a request that adds the same 30 again
        let tags = (1...30).map { "tag\($0)" }
        var ticket = ticket(tags: tags)
        // When
        let changed = try TicketChanges(addTags: tags).apply(to: &ticket, now: now)
        // Then: the result has 30 tags, well within 50
        #expect(!changed)
        #expect(ticket.tags == tags)
    }

    @Test func removeTagsRemovesNormalizedMatches() throws {
        // Given
        var ticket = ticket(tags: ["billing", "vip", "refund"])
        // When
        try TicketChanges(removeTags: ["VIP", " Refund "]).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.tags == ["billing"])
    }

    @Test func removingAbsentTagIsNoChange() throws {
        // Given
        var ticket = ticket(tags: ["billing"])
        // When
        let changed = try TicketChanges(removeTags: ["vip"]).apply(to: &ticket, now: now)
        // Then
        #expect(!changed)
        #expect(ticket.tags == ["billing"])
    }

    @Test func malformedRemoveTagNamesRemoveTagsField() {
        // Given
        var ticket = ticket(tags: ["billing"])
        // When
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(removeTags: [""]).apply(to: &ticket, now: now)
        }
        // Then
        #expect(error?.field == "remove_tags")
    }

    // MARK: - Assignment and status

    @Test func assigningNewTicketMakesItOpen() throws {
        // Given
        var ticket = ticket(.new)
        // When
        try TicketChanges(assigneeId: 42).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.assigneeId == 42)
        #expect(ticket.status == .open)
        #expect(ticket.version == 2)
    }

    @Test func assigningWithAnExplicitStatusKeepsThatStatus() throws {
        // Given
        var ticket = ticket(.new)
        // When
        try TicketChanges(status: .pending, assigneeId: 42).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.status == .pending)
    }

    @Test func assigningPendingTicketLeavesItPending() throws {
        // Given
        var ticket = ticket(.pending)
        // When
        try TicketChanges(assigneeId: 42).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.status == .pending)
    }

    @Test func someNilClearsTheAssigneeWhileNilLeavesItAlone() throws {
        // Given
        var kept = ticket(assigneeId: 42)
        var cleared = ticket(assigneeId: 42)
        // When
        try TicketChanges(priority: .low).apply(to: &kept, now: now)
        try TicketChanges(assigneeId: .some(nil), teamId: .some(nil)).apply(to: &cleared, now: now)
        // Then
        #expect(kept.assigneeId == 42)
        #expect(cleared.assigneeId == nil)
        #expect(cleared.version == 2)
    }

    @Test(arguments: [TicketStatus.open, .pending, .onHold, .solved])
    func movingBackToNewIsRefused(from: TicketStatus) {
        // Given
        var ticket = ticket(from)
        // When
        let error = #expect(throws: DomainError.self) { try TicketChanges(status: .new).apply(to: &ticket, now: now) }
        // Then
        #expect(error?.kind == .invalidTransition)
        #expect(error?.field == "status")
        #expect(ticket.status == from)
    }

    @Test func solvingThroughChangesSetsSolvedAt() throws {
        // Given
        var ticket = ticket(.open)
        // When
        try TicketChanges(status: .solved).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.status == .solved)
        #expect(ticket.solvedAt == now)
        #expect(ticket.version == 2)
    }

    @Test func reopeningThroughChangesCountsTheReopen() throws {
        // Given
        var ticket = ticket(.solved)
        ticket.solvedAt = created
        // When
        try TicketChanges(status: .open).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.reopenCount == 1)
        #expect(ticket.solvedAt == nil)
    }

    // MARK: - Subject and custom fields

    @Test func subjectIsTrimmed() throws {
        // Given
        var ticket = ticket()
        // When
        try TicketChanges(subject: "  Invoice is wrong \n").apply(to: &ticket, now: now)
        // Then
        #expect(ticket.subject == "Invoice is wrong")
    }

    @Test(arguments: ["", "   ", String(repeating: "s", count: Limits.subject + 1)])
    func invalidSubjectIsRefused(subject: String) {
        // Given
        var ticket = ticket()
        // When
        let error = #expect(throws: DomainError.self) {
            try TicketChanges(subject: subject).apply(to: &ticket, now: now)
        }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "subject")
        #expect(ticket.subject == "Cannot log in")
    }

    @Test func subjectAtTheLimitIsAccepted() throws {
        // Given
        var ticket = ticket()
        let subject = String(repeating: "s", count: Limits.subject)
        // When
        try TicketChanges(subject: subject).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.subject == subject)
    }

    @Test func customFieldsMergeAndNullRemoves() throws {
        // Given
        var ticket = ticket()
        ticket.customFields = ["order_number": .text("A-1"), "vip": .bool(true)]
        // When
        try TicketChanges(customFields: ["vip": .null, "amount": .number(12.5)]).apply(to: &ticket, now: now)
        // Then
        #expect(ticket.customFields == ["order_number": .text("A-1"), "amount": .number(12.5)])
    }

    @Test func removingAbsentCustomFieldIsNoChange() throws {
        // Given
        var ticket = ticket()
        // When
        let changed = try TicketChanges(customFields: ["vip": .null]).apply(to: &ticket, now: now)
        // Then
        #expect(!changed)
        #expect(ticket.customFields.isEmpty)
    }
}

/// Who a note mentions.
@Suite struct MentionTests {
    static let olena = User(id: 1, email: "olena@example.com", name: "Olena", jobTitle: nil, locale: "uk", role: .agent, active: true, teamIds: [], createdAt: .init(), updatedAt: .init())
    static let oleh = User(id: 2, email: "oleh.k@example.com", name: "Oleh", jobTitle: nil, locale: "uk", role: .agent, active: true, teamIds: [], createdAt: .init(), updatedAt: .init())

    @Test func mentionsByHandleOrEmailNotInsideWords() {
        let staff = [Self.olena, Self.oleh]
        #expect(Mentions.userIds(in: "@olena please check", among: staff) == [1])
        #expect(Mentions.userIds(in: "Ask @Oleh.K.", among: staff) == [2])
        #expect(Mentions.userIds(in: "cc @olena@example.com and @oleh.k", among: staff) == [1, 2])
        #expect(Mentions.userIds(in: "mail olena@example.com", among: staff) == [])
        #expect(Mentions.userIds(in: "@olenka is someone else", among: staff) == [])
    }

    // MARK: - Tags

    @Test func tagsAlreadyNormalAreKeptAndOthersNormalized() throws {
        // Given: tags as typed, some already in the kept form (the fast path), some not
        let typed = ["vip", "touched3", "escalated_high", "a-b.c:d", "  Billing Issue ", "VIP", "Zoë Kowalska", "оплата", "Ünïcode ", "tab\tx"]
        // When
        let kept = try Tags.normalize(typed)
        // Then: each as the general rule makes it, duplicates once
        #expect(kept == ["vip", "touched3", "escalated_high", "a-b.c:d", "billing_issue", "zoë_kowalska", "оплата", "ünïcode", "tab\tx"])
        for tag in typed {
            #expect(Tags.normalized(tag) == tag.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_"))
        }
    }
}
