import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct CustomFieldTests {
    let definitions: [CustomFieldDefinition] = [
        CustomFieldDefinition(id: 1, key: "order_number", label: "Order number", kind: .text),
        CustomFieldDefinition(id: 2, key: "amount", label: "Amount", kind: .number),
        CustomFieldDefinition(id: 3, key: "plan", label: "Plan", kind: .dropdown, options: ["Basic", "Pro"]),
        CustomFieldDefinition(id: 4, key: "due_on", label: "Due on", kind: .date),
        CustomFieldDefinition(id: 5, key: "vip", label: "VIP", kind: .checkbox),
        CustomFieldDefinition(id: 6, key: "contract", label: "Contract", kind: .text, required: true),
        CustomFieldDefinition(id: 7, key: "legacy", label: "Legacy", kind: .text, active: false),
    ]

    func validate(_ values: [String: CustomFieldValue]) throws(DomainError) -> [String: CustomFieldValue] {
        try CustomFieldValidator.validate(values, definitions: definitions)
    }

    // MARK: - Values

    @Test func validValueOfEachKindIsKept() throws {
        // Given
        let values: [String: CustomFieldValue] = [
            "order_number": .text("A-1001"), "amount": .number(99.5), "plan": .text("Pro"),
            "due_on": .text("2026-11-23"), "vip": .bool(true),
        ]
        // When
        let cleaned = try validate(values)
        // Then
        #expect(cleaned == values)
    }

    @Test(arguments: [
        ("order_number", CustomFieldValue.number(1)),
        ("order_number", .bool(true)),
        ("amount", .text("12")),
        ("amount", .bool(false)),
        ("plan", .number(1)),
        ("due_on", .number(20_261_123)),
        ("vip", .text("true")),
        ("vip", .number(1)),
    ])
    func valueOfTheWrongKindIsRefused(key: String, value: CustomFieldValue) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validate([key: value]) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "custom_fields.\(key)")
    }

    @Test func textOver2000CharactersIsRefused() throws {
        // Given
        let longest = String(repeating: "t", count: 2000)
        // When
        let cleaned = try validate(["order_number": .text(longest)])
        let error = #expect(throws: DomainError.self) { try validate(["order_number": .text(longest + "t")]) }
        // Then
        #expect(cleaned["order_number"] == .text(longest))
        #expect(error?.field == "custom_fields.order_number")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumberIsRefused(number: Double) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validate(["amount": .number(number)]) }
        // Then
        #expect(error?.field == "custom_fields.amount")
    }

    @Test func dropdownAcceptsOnlyItsOptions() throws {
        // Given / When
        let basic = try validate(["plan": .text("Basic")])
        let unknown = #expect(throws: DomainError.self) { try validate(["plan": .text("Enterprise")]) }
        let wrongCase = #expect(throws: DomainError.self) { try validate(["plan": .text("pro")]) }
        // Then
        #expect(basic["plan"] == .text("Basic"))
        #expect(unknown?.field == "custom_fields.plan")
        #expect(unknown?.message.contains("Basic, Pro") == true)
        #expect(wrongCase?.field == "custom_fields.plan")
    }

    @Test(arguments: ["2026-11-23", "2028-02-29", "2000-02-29", "2026-12-31", "2026-04-30", "2026-01-01"])
    func realCalendarDateIsAccepted(date: String) throws {
        // Given / When
        let cleaned = try validate(["due_on": .text(date)])
        // Then
        #expect(cleaned["due_on"] == .text(date))
    }

    @Test(arguments: [
        "2026-02-29",  // 2026 is not a leap year
        "2100-02-29",  // centuries are leap years only every 400 years
        "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2026-1-1", "26-01-01", "2026/01/01", "23.11.2026", "tomorrow", "",
        "2026-11-23T10:00:00Z",
    ])
    func impossibleOrMalformedDateIsRefused(date: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validate(["due_on": .text(date)]) }
        // Then
        #expect(error?.field == "custom_fields.due_on")
    }

    @Test(arguments: ["-2026-01-1", "2026--01-1", "2026-01-+1", "+026-01-01", "2026-+1-01"])
    func signedOrDoubledDashDateIsRefused(date: String) {
        // Given: ten characters and three numeric parts, but not YYYY-MM-DD
        // When
        let error = #expect(throws: DomainError.self) { try validate(["due_on": .text(date)]) }
        // Then
        #expect(error?.field == "custom_fields.due_on")
    }

    @Test func unknownKeyIsRefused() {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validate(["colour": .text("red")]) }
        // Then
        #expect(error?.field == "custom_fields.colour")
        #expect(error?.message == "is not a custom field")
    }

    @Test func inactiveFieldIsTreatedAsUnknown() {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validate(["legacy": .text("x")]) }
        // Then
        #expect(error?.field == "custom_fields.legacy")
    }

    @Test func nullClearsAnOptionalFieldButNotARequiredOne() throws {
        // Given / When
        let cleared = try validate(["vip": .null])
        let error = #expect(throws: DomainError.self) { try validate(["contract": .null]) }
        // Then
        #expect(cleared == ["vip": .null])
        #expect(error?.field == "custom_fields.contract")
    }

    @Test func firstBadKeyInKeyOrderIsReported() {
        // Given: two bad values; the validator reports them in key order
        let values: [String: CustomFieldValue] = ["vip": .text("yes"), "amount": .text("ten")]
        // When
        let error = #expect(throws: DomainError.self) { try validate(values) }
        // Then
        #expect(error?.field == "custom_fields.amount")
    }

    // MARK: - Required fields

    @Test func missingRequiredFieldIsReported() {
        // Given
        let merged: [String: CustomFieldValue] = ["vip": .bool(true)]
        // When
        let error = #expect(throws: DomainError.self) {
            try CustomFieldValidator.checkRequired(merged, definitions: definitions)
        }
        // Then
        #expect(error?.field == "custom_fields.contract")
        #expect(error?.message == "is required")
    }

    @Test func requiredFieldSetToNullIsMissing() {
        // Given
        let merged: [String: CustomFieldValue] = ["contract": .null]
        // When / Then
        #expect(throws: DomainError.self) { try CustomFieldValidator.checkRequired(merged, definitions: definitions) }
    }

    @Test func presentRequiredFieldPasses() throws {
        // Given
        let merged: [String: CustomFieldValue] = ["contract": .text("C-7")]
        // When / Then
        try CustomFieldValidator.checkRequired(merged, definitions: definitions)
    }

    @Test func inactiveRequiredFieldIsNotEnforced() throws {
        // Given
        let retired = [
            CustomFieldDefinition(id: 9, key: "old", label: "Old", kind: .text, required: true, active: false)
        ]
        // When / Then
        try CustomFieldValidator.checkRequired([:], definitions: retired)
    }

    // MARK: - Definitions

    @Test(arguments: ["order_number", "a", "v2_plan", String(repeating: "k", count: 64)])
    func wellFormedKeyIsAccepted(key: String) throws {
        // Given / When / Then
        try CustomFieldDefinition.validateDefinition(key: key, label: "Label", kind: .text, options: [])
    }

    @Test(arguments: [
        "", "Order", "order-number", "order number", "2fa", "_private", "zamówienie",
        String(repeating: "k", count: 65),
    ])
    func malformedKeyIsRefused(key: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(key: key, label: "Label", kind: .text, options: [])
        }
        // Then
        #expect(error?.field == "key")
    }

    @Test func blankLabelIsRefused() {
        // Given / When
        let error = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(key: "plan", label: "  ", kind: .text, options: [])
        }
        // Then
        #expect(error?.field == "label")
    }

    @Test func dropdownNeedsDistinctNonEmptyOptions() throws {
        // Given / When
        try CustomFieldDefinition.validateDefinition(
            key: "plan", label: "Plan", kind: .dropdown, options: ["Basic", "Pro"])
        let none = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(key: "plan", label: "Plan", kind: .dropdown, options: [])
        }
        let duplicate = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(
                key: "plan", label: "Plan", kind: .dropdown, options: ["Pro", "Pro"])
        }
        let blank = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(
                key: "plan", label: "Plan", kind: .dropdown, options: ["Pro", " "])
        }
        // Then
        #expect(none?.field == "options")
        #expect(duplicate?.field == "options")
        #expect(blank?.field == "options")
    }

    @Test(arguments: [CustomFieldDefinition.Kind.text, .number, .date, .checkbox])
    func onlyDropdownsHaveOptions(kind: CustomFieldDefinition.Kind) {
        // Given / When
        let error = #expect(throws: DomainError.self) {
            try CustomFieldDefinition.validateDefinition(key: "plan", label: "Plan", kind: kind, options: ["A"])
        }
        // Then
        #expect(error?.field == "options")
    }

    // MARK: - JSON

    @Test func valuesDecodeFromJSONByType() throws {
        // Given
        let json = #"{"a": "x", "b": 1, "c": 2.5, "d": true, "e": null}"#
        // When
        let values = try JSONDecoder().decode([String: CustomFieldValue].self, from: Data(json.utf8))
        // Then
        #expect(values == ["a": .text("x"), "b": .number(1), "c": .number(2.5), "d": .bool(true), "e": .null])
    }

    @Test func valuesRoundTripThroughJSON() throws {
        // Given
        let values: [String: CustomFieldValue] = ["a": .text("x"), "b": .number(1.5), "d": .bool(false), "e": .null]
        // When
        let data = try JSONEncoder().encode(values)
        let decoded = try JSONDecoder().decode([String: CustomFieldValue].self, from: data)
        // Then
        #expect(decoded == values)
    }
}
