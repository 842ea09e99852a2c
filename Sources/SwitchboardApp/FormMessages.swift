import Foundation
import SwitchboardCore

/// The validation messages of the domain (English, made for the API's problem documents) in
/// the language of the page that shows them next to a field. A message this table does not
/// know stays as it is.
enum FormMessages {
    private static let rows: [(pattern: String, key: String, names: [String])] = [
        ("^is required$", "error.required", []),
        ("^is longer than ([0-9]+) characters$", "error.too_long", ["max"]),
        ("^must be at most ([0-9]+) characters$", "error.too_long", ["max"]),
        ("^must be at least ([0-9]+) characters$", "error.too_short", ["min"]),
        ("^(?:is not an email address|has an invalid local part|has an invalid domain)$", "error.email", []),
        ("^(?:is too long for a phone number|needs a country code.*|may contain only digits.*|is not a valid E\\.164 number.*)$", "error.phone", []),
        ("^is not a language tag", "error.locale", []),
        ("^must be a date like", "error.date", []),
        ("^must be one of: (.*)$", "error.one_of", ["options"]),
        ("^must be a (?:finite number|number value)$", "error.number", []),
    ]

    /// The patterns, compiled once.
    private static let table: [(regex: NSRegularExpression, key: String, names: [String])] = rows.compactMap { row in
        (try? NSRegularExpression(pattern: row.pattern)).map { ($0, row.key, row.names) }
    }

    static func text(_ error: DomainError, _ l: Localizer) -> String {
        let message = error.message
        for row in table {
            guard let match = row.regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            var arguments: [String: String] = [:]
            for (i, name) in row.names.enumerated() {
                if let range = Range(match.range(at: i + 1), in: message) { arguments[name] = String(message[range]) }
            }
            return l.text(row.key, arguments)
        }
        return message
    }
}
