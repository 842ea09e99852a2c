import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct PluralRulesTests {
    @Test func ukrainianAndRussianUseOneFewMany() {
        for language in ["uk", "ru"] {
            let expected: [(Int, PluralCategory)] = [
                (0, .many), (1, .one), (2, .few), (4, .few), (5, .many), (11, .many), (12, .many), (14, .many), (21, .one),
                (22, .few), (25, .many), (101, .one), (111, .many), (1_000_002, .few),
            ]
            for (n, category) in expected {
                #expect(PluralRules.category(n, language: language) == category, "\(language) \(n)")
            }
        }
    }

    @Test func polishHasOneOnlyForOne() {
        let expected: [(Int, PluralCategory)] = [(1, .one), (2, .few), (5, .many), (12, .many), (21, .many), (22, .few), (0, .many)]
        for (n, category) in expected { #expect(PluralRules.category(n, language: "pl") == category, "\(n)") }
    }

    @Test func englishAndGreekHaveOneAndOther() {
        for language in ["en", "el"] {
            #expect(PluralRules.category(1, language: language) == .one)
            #expect(PluralRules.category(0, language: language) == .other)
            #expect(PluralRules.category(21, language: language) == .other)
        }
    }
}

@Suite struct LocalizerTests {
    let english = Catalog(language: "en", entries: [
        "tickets": .plural([.one: "{count} ticket", .other: "{count} tickets"]), "hello": .text("Hello, {name}"), "only.en": .text("Only"),
    ])
    let ukrainian = Catalog(language: "uk", entries: [
        "tickets": .plural([.one: "{count} звернення", .few: "{count} звернення", .many: "{count} звернень", .other: "{count} звернення"]),
        "hello": .text("Привіт, {name}"),
    ])

    @Test func pluralsFollowTheLanguagesRules() {
        let l = Localizer(catalog: ukrainian, fallback: english)
        #expect(l.plural("tickets", count: 1) == "1 звернення")
        #expect(l.plural("tickets", count: 5) == "5 звернень")
        #expect(l.plural("tickets", count: 22) == "22 звернення")
        #expect(Localizer(catalog: english, fallback: english).plural("tickets", count: 1) == "1 ticket")
    }

    @Test func missingKeysFallBackToEnglishThenToTheKey() {
        let l = Localizer(catalog: ukrainian, fallback: english)
        #expect(l.text("hello", ["name": "Олена"]) == "Привіт, Олена")
        #expect(l.text("only.en") == "Only")
        #expect(l.text("no.such.key") == "no.such.key")
    }

    @Test func numbersAreGroupedPerLanguage() {
        #expect(Localizer(catalog: english, fallback: english).number(1234567) == "1,234,567")
        let uk = Localizer(catalog: ukrainian, fallback: english).number(1234567)
        #expect(!uk.contains(","))
        #expect(uk.filter(\.isNumber) == "1234567")
    }

    @Test func incompleteCataloguesAreReported() {
        let problems = ukrainian.problems(against: english)
        #expect(problems == ["uk: missing only.en"])
        let broken = Catalog(language: "uk", entries: [
            "tickets": .plural([.one: "{count} звернення", .other: "{count}"]), "hello": .text("Привіт, {user}"), "only.en": .text(" "),
        ])
        let found = broken.problems(against: english)
        #expect(found.contains("uk: tickets lacks the plural form few"))
        #expect(found.contains("uk: tickets lacks the plural form many"))
        #expect(found.contains { $0.hasPrefix("uk: hello has parameters") })
        #expect(found.contains("uk: only.en is empty"))
    }

    @Test func acceptLanguagePicksTheBestAvailable() {
        #expect(Localizer.negotiate(acceptLanguage: "uk-UA,uk;q=0.9,en;q=0.8", available: ["en", "uk"]) == "uk")
        #expect(Localizer.negotiate(acceptLanguage: "de-DE,en;q=0.5", available: ["en", "uk"]) == "en")
        #expect(Localizer.negotiate(acceptLanguage: "fr", available: ["en", "uk"]) == nil)
        #expect(Localizer.negotiate(acceptLanguage: "en;q=0.1, uk;q=0.9", available: ["en", "uk"]) == "uk")
    }
}

@Suite struct AuditDiffTests {
    @Test func changedFieldsAreListedWithoutBookkeeping() {
        let event = AuditEvent(
            sequence: 1, occurredAt: Date(), actor: .system, entity: .ticket, entityId: 1, action: "updated",
            before: JSONText(stored: #"{"assignee_id":null,"status":"open","tags":["a"],"version":1,"updated_at":"x"}"#),
            after: JSONText(stored: #"{"assignee_id":7,"status":"pending","tags":["a","b"],"version":2,"updated_at":"y"}"#),
            previousHash: "", hash: "")
        #expect(event.changes == [
            FieldChange(field: "assignee_id", before: "", after: "7"), FieldChange(field: "status", before: "open", after: "pending"),
            FieldChange(field: "tags", before: "a", after: "a, b"),
        ])
    }

    /// A message's event shows the reply or note and the status move it made.
    @Test func aMessageShowsItsOpeningAndTheStatusItMoved() {
        func event(_ before: String?, _ after: String) -> AuditEvent {
            AuditEvent(
                sequence: 1, occurredAt: Date(), actor: .system, entity: .message, entityId: 1, action: "added",
                before: before.map { JSONText(stored: $0) }, after: JSONText(stored: after), previousHash: "", hash: "")
        }
        let reply = event(#"{"status":"new","priority":"high"}"#, #"{"body":"On it","visibility":"public","author_kind":"staff"}"#)
        #expect(reply.changes == [FieldChange(field: "reply", before: "", after: "On it"), FieldChange(field: "status", before: "new", after: "open")])
        let reopened = event(#"{"status":"solved"}"#, #"{"body":"Back again","visibility":"public","author_kind":"contact"}"#)
        #expect(reopened.changes.last == FieldChange(field: "status", before: "solved", after: "open"))
        let note = event(nil, #"{"body":"\#(String(repeating: "x", count: 300))","visibility":"internal","author_kind":"staff"}"#)
        #expect(note.changes == [FieldChange(field: "note", before: "", after: String(repeating: "x", count: 200) + "…")])
    }

    /// An SLA event's escalations: each one apart, its own lists in brackets.
    @Test func recordsInAListStayApart() {
        let event = AuditEvent(
            sequence: 1, occurredAt: Date(), actor: .system, entity: .ticket, entityId: 1, action: "escalated",
            before: nil,
            after: JSONText(
                stored: #"{"escalations":[{"metric":"first_response","level":1,"actions":["notify_assignee","raise_priority"]},"#
                    + #"{"metric":"resolution","level":2,"actions":["next_tier"]}],"targets":{"first_response":120}}"#),
            previousHash: "", hash: "")
        #expect(event.changes == [
            FieldChange(
                field: "escalations", before: "",
                after: "{actions: [notify_assignee, raise_priority], level: 1, metric: first_response}; "
                    + "{actions: [next_tier], level: 2, metric: resolution}"),
            FieldChange(field: "targets", before: "", after: "first_response: 120"),
        ])
    }
}
