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
