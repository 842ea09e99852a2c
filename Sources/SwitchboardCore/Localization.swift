import Foundation

/// One language's strings: a key maps to a text, or to one text per plural category.
/// Texts name their parameters in braces: `"{name} assigned {ticket}"`.
public struct Catalog: Sendable {
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural([PluralCategory: String])
    }

    public let language: String
    public let entries: [String: Entry]

    public init(language: String, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// Reads the JSON form: `{"key": "text", "other.key": {"one": "…", "few": "…", …}}`.
    public init(language: String, json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw CatalogError("the \(language) catalogue is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (key, value) in object {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let forms = value as? [String: String] {
                var plural: [PluralCategory: String] = [:]
                for (name, text) in forms {
                    guard let category = PluralCategory(rawValue: name) else {
                        throw CatalogError("\(language): \(key) has an unknown plural category \(name)")
                    }
                    plural[category] = text
                }
                entries[key] = .plural(plural)
            } else {
                throw CatalogError("\(language): \(key) is neither a text nor plural forms")
            }
        }
        self.init(language: language, entries: entries)
    }

    /// What is wrong with this catalogue next to `reference` (the English one): keys missing
    /// or extra, plural entries without every category the language needs, parameters that
    /// differ. Empty when the catalogue is complete.
    public func problems(against reference: Catalog) -> [String] {
        var problems: [String] = []
        for key in reference.entries.keys.sorted() where entries[key] == nil {
            problems.append("\(language): missing \(key)")
        }
        for key in entries.keys.sorted() where reference.entries[key] == nil {
            problems.append("\(language): \(key) is not in the \(reference.language) catalogue")
        }
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard let other = reference.entries[key] else { continue }
            switch (entry, other) {
            case (.text(let text), .text(let original)):
                if Self.parameters(text) != Self.parameters(original) {
                    problems.append("\(language): \(key) has parameters \(Self.parameters(text).sorted()), expected \(Self.parameters(original).sorted())")
                }
            case (.plural(let forms), .plural(let originals)):
                for category in PluralRules.categories(language: language) where forms[category] == nil {
                    problems.append("\(language): \(key) lacks the plural form \(category.rawValue)")
                }
                let expected = originals.values.reduce(into: Set<String>()) { $0.formUnion(Self.parameters($1)) }
                for (category, text) in forms where !Self.parameters(text).isSubset(of: expected) {
                    problems.append("\(language): \(key).\(category.rawValue) has parameters not in \(expected.sorted())")
                }
            default:
                problems.append("\(language): \(key) is a \(entry.isPlural ? "plural" : "text") in one catalogue and not in the other")
            }
            if case .text(let text) = entry, text.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(language): \(key) is empty")
            }
        }
        return problems
    }

    /// The `{name}` parameters of a text.
    static func parameters(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension Catalog.Entry {
    var isPlural: Bool { if case .plural = self { true } else { false } }
}

/// A catalogue that cannot be read.
public struct CatalogError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Texts, numbers and dates in one language, falling back to English for a missing key (and
/// to the key itself when English lacks it too, so a gap shows instead of an empty label).
///
/// Made for one request at a time (it keeps its number and date formatters, which are slow to
/// make), so it is not `Sendable`.
public struct Localizer {
    public let language: String
    private let catalog: Catalog
    private let fallback: Catalog
    private let locale: Locale
    private let formatters = Formatters()

    /// The formatters, made on first use.
    private final class Formatters {
        var number: NumberFormatter?
        var dates: [TimeZone: DateFormatter] = [:]
    }

    public init(catalog: Catalog, fallback: Catalog) {
        self.language = catalog.language
        self.catalog = catalog
        self.fallback = fallback
        self.locale = Locale(identifier: Self.localeIdentifiers[catalog.language] ?? catalog.language)
    }

    /// The text of `key` with `{name}` parameters filled in.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch catalog.entries[key] ?? fallback.entries[key] {
        case .text(let text): Self.fill(text, arguments)
        case .plural(let forms): Self.fill(forms[.other] ?? forms.values.first ?? key, arguments)
        case nil: key
        }
    }

    /// The form of `key` for `count` (by the language's plural rules), with `{count}` set to
    /// the number formatted for the language and the other parameters filled in.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["count"] = number(count)
        let (entry, language) = catalog.entries[key].map { ($0, catalog.language) } ?? (fallback.entries[key], fallback.language)
        switch entry {
        case .plural(let forms):
            let category = PluralRules.category(count, language: language)
            return Self.fill(forms[category] ?? forms[.other] ?? forms[.many] ?? key, arguments)
        case .text(let text): return Self.fill(text, arguments)
        case nil: return key
        }
    }

    /// A whole number with the language's digit grouping (1,234 · 1 234 · 1.234).
    public func number(_ n: Int) -> String {
        let formatter = formatters.number ?? {
            let f = NumberFormatter()
            f.locale = locale
            f.numberStyle = .decimal
            formatters.number = f
            return f
        }()
        return formatter.string(from: NSNumber(value: n)) ?? String(n)
    }

    /// A date and time, short, in the language's conventions and the given time zone.
    public func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = formatters.dates[timeZone] ?? {
            let f = DateFormatter()
            f.locale = locale
            f.timeZone = timeZone
            f.dateStyle = .medium
            f.timeStyle = .short
            formatters.dates[timeZone] = f
            return f
        }()
        return formatter.string(from: date)
    }

    private static let localeIdentifiers = ["en": "en_US", "uk": "uk_UA", "pl": "pl_PL", "ru": "ru_RU", "el": "el_GR"]

    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var out = text
        for (name, value) in arguments { out = out.replacingOccurrences(of: "{\(name)}", with: value) }
        return out
    }

    /// The best of `available` languages for an `Accept-Language` header value, or nil.
    public static func negotiate(acceptLanguage header: String, available: [String]) -> String? {
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { quality = Double(piece.dropFirst(2)) ?? 0 }
            return (tag.lowercased(), quality)
        }
        for (tag, quality) in ranked.sorted(by: { $0.1 > $1.1 }) where quality > 0 {
            let language = String(tag.prefix { $0 != "-" && $0 != "_" })
            if available.contains(language) { return language }
        }
        return nil
    }
}
