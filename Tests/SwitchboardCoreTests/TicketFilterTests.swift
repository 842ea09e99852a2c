import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct PageCursorTests {
    @Test(arguments: [
        PageCursor(sortValue: 1_750_000_000_000, id: 42, sort: "-updated_at"),
        PageCursor(sortValue: -3, id: 9, sort: "priority"),
        PageCursor(sortValue: 0, id: 1, sort: "number"),
        PageCursor(sortValue: Int64.max, id: Int64.max, sort: "created_at"),
        // These two base64-encode to `/` and `+`, which the token must make URL-safe.
        PageCursor(sortValue: 1, id: 2, sort: "???"),
        PageCursor(sortValue: 1, id: 2, sort: "~~~"),
    ])
    func tokenRoundTrips(cursor: PageCursor) throws {
        // Given
        let token = cursor.token
        // When
        let decoded = try PageCursor(token: token)
        // Then
        #expect(decoded == cursor)
    }

    @Test func tokenLongerThan200IsRefusedEvenIfWellFormed() {
        // Given
        let cursor = PageCursor(sortValue: 1, id: 2, sort: String(repeating: "s", count: 160))
        // When
        let error = #expect(throws: DomainError.self) { try PageCursor(token: cursor.token) }
        // Then
        #expect(cursor.token.count > 200)
        #expect(error?.field == "cursor")
    }

    @Test func tokenIsURLSafeWithoutPadding() {
        // Given
        let cursors = [
            PageCursor(sortValue: 1, id: 2, sort: "???"), PageCursor(sortValue: 1, id: 2, sort: "~~~"),
            PageCursor(sortValue: 1_750_000_000_000, id: 42, sort: "-updated_at"),
        ]
        // When
        let tokens = cursors.map(\.token)
        // Then
        for token in tokens {
            #expect(!token.contains("+") && !token.contains("/") && !token.contains("="), "\(token)")
        }
        #expect(tokens[0].contains("_"))
        #expect(tokens[1].contains("-"))
    }

    @Test(arguments: [
        "",
        "not a cursor!",
        "%%%%",
        Data("hello".utf8).base64EncodedString(),
        Data("sort|1".utf8).base64EncodedString(),
        Data("sort|one|2".utf8).base64EncodedString(),
        Data("sort|1|2|3".utf8).base64EncodedString(),
        Data("sort|1|9223372036854775808".utf8).base64EncodedString(),
    ])
    func garbageTokenIsRefused(token: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try PageCursor(token: token) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "cursor")
    }
}

@Suite struct TicketSortTests {
    @Test(arguments: [
        ("updated_at", TicketSort.Field.updatedAt, false),
        ("-updated_at", .updatedAt, true),
        ("created_at", .createdAt, false),
        ("-created_at", .createdAt, true),
        ("priority", .priority, false),
        ("-priority", .priority, true),
        ("number", .number, false),
        ("-number", .number, true),
    ])
    func sortIsParsed(raw: String, field: TicketSort.Field, descending: Bool) throws {
        // Given / When
        let sort = try TicketSort(parsing: raw)
        // Then
        #expect(sort.field == field)
        #expect(sort.descending == descending)
        #expect(sort.description == raw)
    }

    @Test(arguments: ["", "-", "--updated_at", "updated", "Updated_At", "subject", "+priority", " priority"])
    func unknownSortIsRefused(raw: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try TicketSort(parsing: raw) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "sort")
    }

    @Test func defaultSortIsNewestUpdatedFirst() {
        // Given / When
        let sort = TicketSort()
        // Then
        #expect(sort.description == "-updated_at")
    }
}

@Suite struct BuiltInViewTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let unsolved: [TicketStatus] = [.new, .open, .pending, .onHold]

    @Test func myOpenIsUnsolvedAndAssignedToMe() {
        // Given / When
        let filter = BuiltInView.myOpen.filter(now: now)
        // Then
        #expect(filter == TicketFilter(statuses: unsolved, assignees: [.me]))
    }

    @Test func unassignedIsUnsolvedWithNoAssignee() {
        // Given / When
        let filter = BuiltInView.unassigned.filter(now: now)
        // Then
        #expect(filter == TicketFilter(statuses: unsolved, assignees: [.none]))
    }

    @Test func myTeamsIsUnsolvedInMyTeams() {
        // Given / When
        let filter = BuiltInView.myTeams.filter(now: now)
        // Then
        #expect(filter == TicketFilter(statuses: unsolved, myTeams: true))
    }

    @Test func allOpenIsEveryUnsolvedTicket() {
        // Given / When
        let filter = BuiltInView.allOpen.filter(now: now)
        // Then
        #expect(filter == TicketFilter(statuses: unsolved))
    }

    @Test func pendingIsOnlyPending() {
        // Given / When
        let filter = BuiltInView.pending.filter(now: now)
        // Then
        #expect(filter == TicketFilter(statuses: [.pending]))
    }

    @Test func recentlySolvedCoversTheLastSevenDays() {
        // Given / When
        let filter = BuiltInView.recentlySolved.filter(now: now)
        // Then
        #expect(filter.statuses == [.solved, .closed])
        #expect(filter.updatedFrom == Date(timeIntervalSince1970: 1_750_000_000 - 7 * 24 * 3600))
        #expect(filter.updatedTo == nil)
        #expect(filter.assignees == nil)
    }

    @Test func everyViewHasADistinctTitle() {
        // Given / When
        let titles = BuiltInView.allCases.map(\.title)
        // Then
        #expect(Set(titles).count == BuiltInView.allCases.count)
        #expect(titles.allSatisfy { !$0.isEmpty })
    }
}

@Suite struct TicketFilterTests {
    func decode(_ json: String) throws -> TicketFilter {
        try JSONDecoder().decode(TicketFilter.self, from: Data(json.utf8))
    }

    @Test func assigneeAcceptsMeNoneAndIds() throws {
        // Given
        let json = #"{"assignee": ["me", "none", 42, "17"]}"#
        // When
        let filter = try decode(json)
        // Then
        #expect(filter.assignees == [.me, .none, .user(42), .user(17)])
    }

    @Test(arguments: [
        #"{"assignee": ["bob"]}"#, #"{"assignee": ["ME"]}"#, #"{"assignee": [1.5]}"#, #"{"assignee": [true]}"#,
    ])
    func unknownAssigneeIsADecodingError(json: String) {
        // Given / When / Then
        #expect(throws: DecodingError.self) { try decode(json) }
    }

    @Test func assigneesEncodeAsMeNoneAndNumbers() throws {
        // Given
        let filter = TicketFilter(assignees: [.me, .none, .user(42)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // When
        let json = String(decoding: try encoder.encode(filter), as: UTF8.self)
        // Then: unset fields are left out, and a user id is a JSON number
        #expect(json == #"{"assignee":["me","none",42]}"#)
    }

    @Test func filterUsesTheAPIKeyNames() throws {
        // Given
        let json = #"""
            {"status": ["open", "on_hold"], "priority": ["urgent"], "type": ["return_exchange"], "tag": ["vip"],
             "team": [3], "my_teams": true, "requester": [7], "organization": [9], "channel": ["email"], "q": "refund"}
            """#
        // When
        let filter = try decode(json)
        // Then
        #expect(
            filter
                == TicketFilter(
                    statuses: [.open, .onHold], priorities: [.urgent], types: [.returnExchange], tags: ["vip"],
                    teamIds: [3], myTeams: true, requesterIds: [7], organizationIds: [9], channels: [.email],
                    query: "refund"))
    }

    @Test func filterRoundTripsThroughJSON() throws {
        // Given
        let filter = TicketFilter(
            statuses: [.pending], assignees: [.none, .user(5)], createdFrom: Date(timeIntervalSince1970: 1_700_000_000),
            updatedTo: Date(timeIntervalSince1970: 1_750_000_000), query: "płatność")
        // When
        let decoded = try JSONDecoder().decode(TicketFilter.self, from: JSONEncoder().encode(filter))
        // Then
        #expect(decoded == filter)
    }

    @Test func emptyObjectIsTheEmptyFilter() throws {
        // Given / When
        let filter = try decode("{}")
        // Then
        #expect(filter == TicketFilter())
    }

    @Test func mergedFieldsFromOtherOverrideAndUnsetOnesAreKept() {
        // Given
        let view = TicketFilter(statuses: [.open, .pending], assignees: [.me], channels: [.email], query: "refund")
        let request = TicketFilter(statuses: [.pending], tags: ["vip"], query: "invoice")
        // When
        let merged = view.merged(with: request)
        // Then
        #expect(merged.statuses == [.pending])
        #expect(merged.tags == ["vip"])
        #expect(merged.query == "invoice")
        #expect(merged.assignees == [.me])
        #expect(merged.channels == [.email])
    }

    @Test func mergingWithEmptyFilterChangesNothing() {
        // Given
        let view = BuiltInView.recentlySolved.filter(now: Date(timeIntervalSince1970: 1_750_000_000))
        // When
        let merged = view.merged(with: TicketFilter())
        // Then
        #expect(merged == view)
    }

    @Test func mergingEveryFieldTakesTheOther() {
        // Given
        let base = TicketFilter(
            statuses: [.open], priorities: [.low], types: [.task], tags: ["a"], assignees: [.me], teamIds: [1],
            myTeams: false, requesterIds: [1], organizationIds: [1], channels: [.chat],
            createdFrom: Date(timeIntervalSince1970: 1), createdTo: Date(timeIntervalSince1970: 2),
            updatedFrom: Date(timeIntervalSince1970: 3), updatedTo: Date(timeIntervalSince1970: 4), query: "a")
        let other = TicketFilter(
            statuses: [.solved], priorities: [.high], types: [.incident], tags: ["b"], assignees: [.user(2)],
            teamIds: [2], myTeams: true, requesterIds: [2], organizationIds: [2], channels: [.phone],
            createdFrom: Date(timeIntervalSince1970: 10), createdTo: Date(timeIntervalSince1970: 20),
            updatedFrom: Date(timeIntervalSince1970: 30), updatedTo: Date(timeIntervalSince1970: 40), query: "b")
        // When
        let merged = base.merged(with: other)
        // Then
        #expect(merged == other)
    }
}
