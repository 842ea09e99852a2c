import Foundation
import Testing

@testable import SwitchboardApp
@testable import SwitchboardCore

/// Every word on a page comes from the catalogues, and the catalogues are complete.
@Suite struct CatalogueTests {
    static let appSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/SwitchboardApp")

    static func viewSources() throws -> [(String, String)] {
        let views = appSources.appendingPathComponent("Views")
        let names = try FileManager.default.contentsOfDirectory(atPath: views.path).filter { $0.hasSuffix(".swift") }
        return try names.map { ($0, try String(contentsOf: views.appendingPathComponent($0), encoding: .utf8)) }
            + [("WebController.swift", try String(contentsOf: appSources.appendingPathComponent("WebController.swift"), encoding: .utf8))]
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func withoutInterpolations(_ literal: String) -> String {
        literal.replacingOccurrences(of: #"\\\([^)]*\)"#, with: "", options: .regularExpression)
    }

    @Test func ukrainianIsComplete() throws {
        let catalogs = try Catalogs.load()
        let english = try #require(catalogs.byLanguage["en"])
        let ukrainian = try #require(catalogs.byLanguage["uk"])
        #expect(ukrainian.problems(against: english) == [])
    }

    @Test func everyKeyTheViewsUseIsInTheCatalogue() throws {
        let english = try #require(try Catalogs.load().byLanguage["en"])
        var used = Set<String>()
        for (_, source) in try Self.viewSources() {
            for pattern in [#"\bt\("([a-z_.]+)""#, #"l\.text\("([a-z_.]+)""#, #"localizer(?:\(for: [^)]*\))?\.text\("([a-z_.]+)""#,
                            #"plural\("([a-z_.]+)""#, #"\("([a-z]+\.[a-z_.]+)", "[a-z]+\.[a-z_.]+"\)"#] {
                used.formUnion(try Self.matches(pattern, in: source))
            }
        }
        // Keys built from enum values
        used.formUnion(TicketStatus.allCases.map { "status." + $0.rawValue })
        used.formUnion(TicketPriority.allCases.map { "priority." + $0.rawValue })
        used.formUnion(TicketType.allCases.map { "type." + $0.rawValue })
        used.formUnion(BuiltInView.allCases.map { "view." + $0.rawValue })
        used.formUnion(DomainEventType.allCases.map { "history." + $0.action })
        used.formUnion(Role.allCases.map { "role." + $0.rawValue })
        used.formUnion(EntityType.allCases.map { "entity." + $0.rawValue })
        used.formUnion(TicketLinkKind.allCases.map { "link." + $0.rawValue })
        used.formUnion(CustomFieldDefinition.Kind.allCases.map { "fields.kind_" + $0.rawValue })
        used.formUnion(["audit.actor_system", "audit.actor_contact", "audit.actor_user"])
        used.formUnion(SLAMetric.allCases.map { "sla.metric." + $0.rawValue })
        used.formUnion(SLAEscalation.Action.allCases.map { "sla.action." + $0.rawValue })
        used.formUnion(OrganizationTier.allCases.map { "tier." + $0.rawValue })
        used.formUnion(ChannelKind.allCases.map { "channel." + $0.rawValue })
        used.formUnion(Availability.allCases.map { "availability." + $0.rawValue })
        used.formUnion(MacrosModel.languages.map { "macros.reply_" + $0 })
        used.formUnion((1...5).map { "skills.level_\($0)" })
        used.formUnion(AutomationCondition.Field.allCases.map { "automations.field_" + $0.rawValue })
        used.formUnion(AutomationCondition.Operator.allCases.map { "automations.op_" + $0.rawValue })
        used.formUnion(AutomationAction.Kind.allCases.map { "automations.action_" + $0.rawValue })
        used.formUnion(AutomationRule.Kind.allCases.map { "automations.kind_" + $0.rawValue })
        used.formUnion(AutomationRule.Event.allCases.map { "automations.event_" + $0.rawValue })
        used.formUnion(AssignmentStrategy.allCases.map { "teams.assignment_" + $0.rawValue })
        used.formUnion(AdminHoursView.dayKeys + AdminHoursView.dayKeys.map { $0 + "_short" })
        used.formUnion(["sla.tier_1", "sla.tier_2", "ticket.escalate_to_1", "ticket.escalate_to_2"])
        #expect(used.count > 50)
        let missing = used.filter { !$0.hasSuffix(".") && !$0.hasSuffix("_") && english.entries[$0] == nil }.sorted()  // prefixes of built keys are checked above
        #expect(missing == [], "keys used in views but missing from en.json")
    }

    @Test func viewsHaveNoUntranslatedLiterals() throws {
        // The check itself notices a literal word, and lets data and symbols through.
        let sample = ##"h.text("Save") h.text(ticket.subject) h.text("#\(row.number)") "aria-label": "Close""##
        #expect(try Self.matches(#"\bh\.text\("((?:[^"\\]|\\.)*)"\)"#, in: sample).map(Self.withoutInterpolations) == ["Save", "#"])
        #expect(try Self.matches("\"aria-label\": \"([^\"]*)\"", in: sample) == ["Close"])
        var literals: [String] = []
        for (file, source) in try Self.viewSources() {
            // Data goes through `h.text(…)`; a literal with letters there (outside interpolated
            // values) is an untranslated word.
            for literal in try Self.matches(#"\bh\.text\("((?:[^"\\]|\\.)*)"\)"#, in: source)
            where Self.withoutInterpolations(literal).contains(where: \.isLetter) {
                literals.append("\(file): text(\"\(literal)\")")
            }
            for attribute in ["aria-label", "placeholder", "title", "alt"] {
                for literal in try Self.matches("\"\(attribute)\": \"([^\"]*)\"", in: source) where literal.contains(where: \.isLetter) {
                    literals.append("\(file): \(attribute) \"\(literal)\"")
                }
            }
        }
        #expect(literals == [])
    }
}

/// Validation messages next to form fields come out in the page's language.
@Suite struct FormMessageTests {
    @Test func knownMessagesAreTranslatedAndOthersKept() throws {
        let catalogs = try Catalogs.load()
        let uk = catalogs.localizer("uk")
        let en = catalogs.localizer("en")
        #expect(FormMessages.text(.invalid(field: "name", "is required"), uk) == "Це обов’язкове поле.")
        #expect(FormMessages.text(.invalid(field: "name", "is longer than 200 characters"), uk) == "Довше за 200 символів.")
        #expect(FormMessages.text(.invalid(field: "new_password", "must be at least 10 characters"), en) == "This needs at least 10 characters.")
        #expect(FormMessages.text(.invalid(field: "email", "has an invalid domain"), en) == "Enter an email address, like name@example.com.")
        #expect(FormMessages.text(.invalid(field: "phones[0]", "needs a country code in international form, like +380441234567"), uk)
            .hasPrefix("Введіть номер телефону"))
        #expect(FormMessages.text(.invalid(field: "x", "something nobody mapped"), uk) == "something nobody mapped")
        // Every message a validator in Core produces for these fields is in the table
        for raw in ["", String(repeating: "x", count: 300)] {
            do throws(DomainError) { _ = try validatedText(raw, field: "name", max: 200) } catch {
                #expect(FormMessages.text(error, en) != error.message, "\(error.message)")
            }
        }
        for raw in ["no-at-sign", "a@b", "@example.com"] {
            do throws(DomainError) { _ = try EmailAddress(raw) } catch { #expect(FormMessages.text(error, en) != error.message, "\(error.message)") }
        }
        for raw in ["12345", "+12", "+38 abc 44"] {
            do throws(DomainError) { _ = try PhoneNumber(raw) } catch { #expect(FormMessages.text(error, en) != error.message, "\(error.message)") }
        }
    }

    /// Messages only API clients and scripts ever see: protocol details, not form mistakes.
    static let apiOnlyMessages: Set<String> = [
        "a JSON body is required", "the body is not valid JSON", "is not a valid cursor", "must be between 1 and 200",
        "belongs to a list sorted by 7, not 7", "must be 1–255 visible ASCII characters", "this key was already used for 7",
        "this key was already used with another request body; use a new key for a new request",
        "missing or wrong X-CSRF-Token header for a signed-in browser session", "the API token is not valid or was revoked",
        "must be the ticket's version as an ETag, like \\\"3\\\"", "must be one of 7.joined(separator: ", "a ticket needs at least one message",
        "not processed",
    ]

    @Test func everyDomainMessageInTheSourcesHasATranslation() throws {
        // Message literals handed to DomainError, with interpolated parts replaced by a sample value.
        let pattern = #"(?:\.invalid|\.conflict|\.invalidTransition|DomainError)\((?:\.[a-zA-Z]+,\s*)?(?:field:\s*[^,]+,\s*)?"((?:[^"\\]|\\\([^)]*\)|\\.)*)""#
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        var messages = Set<String>()
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let source = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for literal in try CatalogueTests.matches(pattern, in: source) {
                messages.insert(literal.replacingOccurrences(of: #"\\\([^)]*\)"#, with: "7", options: .regularExpression))
            }
        }
        #expect(messages.count > 60)
        let english = try #require(try Catalogs.load().byLanguage["en"])
        let untranslated = messages.subtracting(Self.apiOnlyMessages).filter { FormMessages.match($0) == nil }.sorted()
        #expect(untranslated == [], "add a row to FormMessages and keys to the catalogues")
        let missingKeys = FormMessages.rows.map(\.key).filter { english.entries[$0] == nil }
        #expect(missingKeys == [])
    }

    @Test func statusesInAMessageAreTranslatedToo() throws {
        let uk = try Catalogs.load().localizer("uk")
        #expect(FormMessages.text("a ticket cannot move from closed to open", uk) == "Звернення не може перейти зі стану «Закрите» до «Відкрите».")
    }
}
