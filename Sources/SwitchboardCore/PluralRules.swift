import Foundation

/// CLDR plural categories.
public enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other
}

/// CLDR cardinal plural rules for the languages Switchboard speaks, for whole numbers
/// (counts of tickets, messages, minutes…). Source: CLDR `plurals.xml`, integer cases only.
public enum PluralRules {
    /// The categories a language uses, in CLDR order; a catalogue entry must have all of them.
    public static func categories(language: String) -> [PluralCategory] {
        switch language {
        case "uk", "ru", "pl": [.one, .few, .many, .other]
        default: [.one, .other]
        }
    }

    /// The category of `n` in `language` (a bare code such as "uk").
    public static func category(_ n: Int, language: String) -> PluralCategory {
        let n = n.magnitude
        let mod10 = n % 10
        let mod100 = n % 100
        switch language {
        case "uk", "ru":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        default:  // en, el and anything unknown
            return n == 1 ? .one : .other
        }
    }
}
