import Foundation

/// An admin-defined field on tickets.
public struct CustomFieldDefinition: Sendable, Codable, Equatable {
    /// The value types a custom field can hold.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case text, number, dropdown, date, checkbox
    }

    public var id: Int64
    /// Stable machine name used in the API (`order_number`).
    public var key: String
    public var label: String
    public var kind: Kind
    /// The allowed values of a dropdown.
    public var options: [String]
    public var required: Bool
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case id, key, label, kind, options, required, active
    }

    public init(id: Int64, key: String, label: String, kind: Kind, options: [String] = [], required: Bool = false, active: Bool = true) {
        self.id = id
        self.key = key
        self.label = label
        self.kind = kind
        self.options = options
        self.required = required
        self.active = active
    }

    /// Checks the definition itself (as an admin submits it).
    public static func validateDefinition(key: String, label: String, kind: Kind, options: [String]) throws(DomainError) {
        guard (1...64).contains(key.count), key.first?.isLetter == true,
            key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { throw .invalid(field: "key", "must be 1–64 lower-case letters, digits or underscores, starting with a letter") }
        _ = try validatedText(label, field: "label", max: 120)
        if kind == .dropdown {
            guard !options.isEmpty else { throw .invalid(field: "options", "a dropdown needs at least one option") }
            guard Set(options).count == options.count else { throw .invalid(field: "options", "contains duplicates") }
            for option in options { _ = try validatedText(option, field: "options", max: 120) }
        } else if !options.isEmpty {
            throw .invalid(field: "options", "only dropdown fields have options")
        }
    }
}

/// A custom field value as it travels in JSON.
public enum CustomFieldValue: Sendable, Codable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        }
    }
}

/// Validates submitted custom field values against their definitions.
public enum CustomFieldValidator {
    /// Returns the cleaned values; unknown keys, wrong types and bad options are errors naming
    /// `custom_fields.<key>`. `null` removes a value.
    public static func validate(
        _ values: [String: CustomFieldValue], definitions: [CustomFieldDefinition]
    ) throws(DomainError) -> [String: CustomFieldValue] {
        let byKey = Dictionary(definitions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String: CustomFieldValue] = [:]
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            let field = "custom_fields.\(key)"
            guard let def = byKey[key], def.active else { throw .invalid(field: field, "is not a custom field") }
            switch (def.kind, value) {
            case (_, .null):
                if def.required { throw .invalid(field: field, "is required") }
                out[key] = .null
            case (.text, .text(let s)):
                guard s.count <= 2000 else { throw .invalid(field: field, "is longer than 2000 characters") }
                out[key] = .text(s)
            case (.number, .number(let n)):
                guard n.isFinite else { throw .invalid(field: field, "must be a finite number") }
                out[key] = .number(n)
            case (.dropdown, .text(let s)):
                guard def.options.contains(s) else {
                    throw .invalid(field: field, "must be one of: \(def.options.joined(separator: ", "))")
                }
                out[key] = .text(s)
            case (.date, .text(let s)):
                guard isCalendarDate(s) else { throw .invalid(field: field, "must be a date like 2026-11-23") }
                out[key] = .text(s)
            case (.checkbox, .bool(let b)):
                out[key] = .bool(b)
            default:
                throw .invalid(field: field, "must be a \(def.kind.rawValue) value")
            }
        }
        return out
    }

    /// Fails when a required field has no value in `merged` (existing values plus changes).
    public static func checkRequired(_ merged: [String: CustomFieldValue], definitions: [CustomFieldDefinition]) throws(DomainError) {
        for def in definitions where def.required && def.active {
            if merged[def.key] == nil || merged[def.key] == .null {
                throw .invalid(field: "custom_fields.\(def.key)", "is required")
            }
        }
    }

    static func isCalendarDate(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
            chars.enumerated().allSatisfy({ i, c in i == 4 || i == 7 || (c.isASCII && c.isNumber) })
        else { return false }
        let parts = s.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
