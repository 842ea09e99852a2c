import Foundation

/// A normalized email address: trimmed and lower-cased, checked for a plausible shape.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// The part after `@`.
    public var domain: String { String(value[value.index(after: value.lastIndex(of: "@")!)...]) }

    /// Validates and normalizes; `field` names the request field in the error.
    public init(_ raw: String, field: String = "email") throws(DomainError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard trimmed.utf8.count <= 254 else { throw .invalid(field: field, "is longer than 254 characters") }
        guard let at = trimmed.lastIndex(of: "@") else { throw .invalid(field: field, "is not an email address") }
        let local = trimmed[..<at]
        let domain = trimmed[trimmed.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw .invalid(field: field, "has an invalid local part") }
        guard !local.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "@" || $0 == "," }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { throw .invalid(field: field, "has an invalid local part") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            })
        else { throw .invalid(field: field, "has an invalid domain") }
        value = trimmed
    }

    public var description: String { value }
}

/// A phone number in E.164 form (`+` and up to 15 digits).
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// Accepts common punctuation (`+380 (44) 123-45-67`, `00 48 601 234 567`) and requires a
    /// country code, since a number without one cannot be made E.164 without guessing.
    public init(_ raw: String, field: String = "phone") throws(DomainError) {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 40 else { throw .invalid(field: field, "is too long for a phone number") }
        if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
        guard text.hasPrefix("+") else {
            throw .invalid(field: field, "needs a country code in international form, like +380441234567")
        }
        var digits = ""
        for ch in text.dropFirst() {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if ch == " " || ch == "-" || ch == "(" || ch == ")" || ch == "." {
                continue
            } else {
                throw .invalid(field: field, "may contain only digits, spaces, dashes, dots and brackets")
            }
        }
        guard digits.count >= 7, digits.count <= 15, digits.first != "0" else {
            throw .invalid(field: field, "is not a valid E.164 number (7 to 15 digits after +)")
        }
        value = "+" + digits
    }

    public var description: String { value }
}

/// The interface languages Switchboard ships catalogues for.
public enum SupportedLocale: String, Codable, Sendable, CaseIterable {
    case en, uk, pl, ru, el
}

/// Checks a BCP 47 language tag such as `uk`, `pt-BR` or `sr-Latn`; returns it in canonical case.
public func validatedLocale(_ raw: String, field: String = "locale") throws(DomainError) -> String {
    let parts = raw.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter }),
        parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    else { throw .invalid(field: field, "is not a language tag like en, uk or pt-BR") }
    var out = [language.lowercased()]
    for part in parts.dropFirst() {
        out.append(part.count == 2 ? part.uppercased() : part.count == 4 ? part.prefix(1).uppercased() + part.dropFirst().lowercased() : part.lowercased())
    }
    return out.joined(separator: "-")
}

/// Checks an IANA time zone name such as `Europe/Kyiv`; an empty one means none (nil).
public func validatedTimeZone(_ raw: String, field: String = "time_zone") throws(DomainError) -> String? {
    let name = raw.trimmingCharacters(in: .whitespaces)
    if name.isEmpty { return nil }
    guard name.count <= 64, name == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(name), TimeZone(identifier: name) != nil else {
        throw .invalid(field: field, "is not a time zone like Europe/Kyiv")
    }
    return name
}

/// `text` without white space and newlines at either end; itself, without a search, when it
/// starts and ends with a visible ASCII character.
private func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    if (0x21...0x7E).contains(first.value), (0x21...0x7E).contains(last.value) { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Checks a free-text field: trimmed, non-empty when required, within a length limit.
public func validatedText(
    _ raw: String?, field: String, max: Int, required: Bool = true
) throws(DomainError) -> String? {
    let text = raw.map(trimmed)
    guard let text, !text.isEmpty else {
        if required { throw .invalid(field: field, "is required") }
        return nil
    }
    // A character takes at least one byte: counting characters (slow) only for long texts.
    guard text.utf8.count <= max || text.count <= max else { throw .invalid(field: field, "is longer than \(max) characters") }
    return text
}
