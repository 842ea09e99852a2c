import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct EmailAddressTests {
    @Test func emailIsTrimmedAndLowerCased() throws {
        // Given / When
        let email = try EmailAddress("  Olena.Kovalenko@Example.COM \n")
        // Then
        #expect(email.value == "olena.kovalenko@example.com")
        #expect(email.description == "olena.kovalenko@example.com")
        #expect(email.domain == "example.com")
    }

    @Test func plusAddressesAndSubdomainsAreAccepted() throws {
        // Given / When
        let email = try EmailAddress("support+billing@mail.shop-24.co.uk")
        // Then
        #expect(email.domain == "mail.shop-24.co.uk")
    }

    @Test func differentlyCasedAddressesAreEqual() throws {
        // Given / When
        let a = try EmailAddress("Anna@Example.com")
        let b = try EmailAddress("anna@example.com")
        // Then
        #expect(a == b)
    }

    @Test(arguments: [
        "",
        "no-at-sign.example.com",
        "@example.com",
        "john doe@example.com",
        "john@exa mple.com",
        "john@",
        "john@localhost",
        "john@example..com",
        "john@-example.com",
        "john@example-.com",
        "john@example.com.",
        "john@exam_ple.com",
        ".john@example.com",
        "john.@example.com",
        "jo..hn@example.com",
        "a@b@example.com",
        "<john>@example.com",
    ])
    func malformedEmailIsRefused(raw: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try EmailAddress(raw) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "email")
    }

    /// `local@b….c….d….com` with 64 + 1 + (63 + 1 + 63 + 1 + `last` + 4) characters.
    func longAddress(lastLabel last: Int) -> String {
        let labels = [
            String(repeating: "b", count: 63), String(repeating: "c", count: 63), String(repeating: "d", count: last),
        ]
        return String(repeating: "a", count: 64) + "@" + labels.joined(separator: ".") + ".com"
    }

    @Test func emailOf254IsAcceptedButLongerIsRefused() throws {
        // Given
        let longest = longAddress(lastLabel: 57)
        let tooLong = longAddress(lastLabel: 58)
        // When
        let email = try EmailAddress(longest)
        let error = #expect(throws: DomainError.self) { try EmailAddress(tooLong) }
        // Then
        #expect(longest.count == 254)
        #expect(email.value == longest)
        #expect(tooLong.count == 255)
        #expect(error?.field == "email")
    }

    @Test func localPartLongerThan64IsRefused() throws {
        // Given
        let ok = String(repeating: "a", count: 64) + "@example.com"
        let tooLong = String(repeating: "a", count: 65) + "@example.com"
        // When / Then
        _ = try EmailAddress(ok)
        #expect(throws: DomainError.self) { try EmailAddress(tooLong) }
    }

    @Test func domainLabelLongerThan63IsRefused() {
        // Given
        let raw = "a@" + String(repeating: "b", count: 64) + ".com"
        // When / Then
        #expect(throws: DomainError.self) { try EmailAddress(raw) }
    }

    @Test func errorNamesTheGivenField() {
        // Given / When
        let error = #expect(throws: DomainError.self) { try EmailAddress("nope", field: "requester.email") }
        // Then
        #expect(error?.field == "requester.email")
    }
}

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+380 (44) 123-45-67", "+380441234567"),
        ("0048 601 234 567", "+48601234567"),
        ("+48.601.234.567", "+48601234567"),
        ("  +30 210 123 4567  ", "+302101234567"),
        ("+1234567", "+1234567"),
        ("+123456789012345", "+123456789012345"),
    ])
    func phoneIsNormalizedToE164(raw: String, expected: String) throws {
        // Given / When
        let phone = try PhoneNumber(raw)
        // Then
        #expect(phone.value == expected)
        #expect(phone.description == expected)
    }

    @Test(arguments: [
        "044 123 45 67",  // no country code
        "380441234567",  // no plus
        "+380 44 CALL-ME",  // letters
        "+380/44/1234567",  // slash
        "+123456",  // six digits
        "+1234567890123456",  // sixteen digits
        "+0441234567",  // country code cannot start with 0
        "+",
        "",
    ])
    func malformedPhoneIsRefused(raw: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try PhoneNumber(raw) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "phone")
    }

    @Test func phoneTextLongerThanFortyIsRefused() {
        // Given: only 11 digits, but padded with spaces past 40 characters
        let raw = "+380" + String(repeating: " ", count: 40) + "441234567"
        // When / Then
        #expect(throws: DomainError.self) { try PhoneNumber(raw) }
    }

    @Test func nonASCIIDigitsAreRefused() {
        // Given: Arabic-Indic digits
        let raw = "+٣٨٠٤٤١٢٣٤٥٦٧"
        // When / Then
        #expect(throws: DomainError.self) { try PhoneNumber(raw) }
    }
}

@Suite struct LocaleAndTextTests {
    @Test(arguments: [
        ("pt-br", "pt-BR"),
        ("UK", "uk"),
        ("en", "en"),
        ("sr-latn", "sr-Latn"),
        ("ZH-HANT-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        (" el ", "el"),
    ])
    func localeIsReturnedInCanonicalCase(raw: String, expected: String) throws {
        // Given / When
        let locale = try validatedLocale(raw)
        // Then
        #expect(locale == expected)
    }

    @Test(arguments: ["", "e", "english", "en_US", "en-", "-en", "12", "en-US-", "uk-a", "ру", "en-toolongsubtag"])
    func malformedLocaleIsRefused(raw: String) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validatedLocale(raw) }
        // Then
        #expect(error?.kind == .invalid)
        #expect(error?.field == "locale")
    }

    @Test func requiredTextIsTrimmed() throws {
        // Given / When
        let text = try validatedText("  Olena  \n", field: "name", max: 10)
        // Then
        #expect(text == "Olena")
    }

    @Test(arguments: ["\u{00A0}Olena\u{3000}", "\tOlena", "Olena\u{2028}", "Olena"])
    func textIsTrimmedOfEveryKindOfSpace(raw: String) throws {
        // Given / When
        let text = try validatedText(raw, field: "name", max: 10)
        // Then
        #expect(text == "Olena")
    }

    @Test func textLongerThanTheLimitInCharactersIsRefused() {
        // Given: 10 characters of two bytes each pass; 11 do not
        let ten = String(repeating: "ł", count: 10)
        // When / Then
        #expect((try? validatedText(ten, field: "name", max: 10)) == ten)
        let error = #expect(throws: DomainError.self) { try validatedText(ten + "ł", field: "name", max: 10) }
        #expect(error?.field == "name")
    }

    @Test(arguments: [nil, "", "   \n\t"] as [String?])
    func missingRequiredTextIsRefused(raw: String?) {
        // Given / When
        let error = #expect(throws: DomainError.self) { try validatedText(raw, field: "name", max: 10) }
        // Then
        #expect(error?.field == "name")
        #expect(error?.message == "is required")
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func missingOptionalTextIsNil(raw: String?) throws {
        // Given / When
        let text = try validatedText(raw, field: "job_title", max: 10, required: false)
        // Then
        #expect(text == nil)
    }

    @Test func textIsMeasuredAfterTrimming() throws {
        // Given
        let padded = "  " + String(repeating: "x", count: 10) + "  "
        // When
        let text = try validatedText(padded, field: "name", max: 10)
        let error = #expect(throws: DomainError.self) {
            try validatedText(String(repeating: "x", count: 11), field: "name", max: 10)
        }
        // Then
        #expect(text == String(repeating: "x", count: 10))
        #expect(error?.field == "name")
    }
}
