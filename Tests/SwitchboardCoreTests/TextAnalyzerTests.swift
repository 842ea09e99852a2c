import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct TextAnalyzerTests {
    @Test func greekCaseAndAccentsFoldTogether() {
        // Given
        let spellings = ["ΣΦΆΛΜΑ", "σφαλμα", "Σφάλμα"]
        // When
        let tokens = spellings.map(TextAnalyzer.tokens)
        // Then
        for t in tokens { #expect(t == ["σφαλμα"]) }
    }

    @Test func greekFinalSigmaMatchesCapitalSigma() {
        // Given / When
        let lower = TextAnalyzer.tokens("σφάλματος")
        let upper = TextAnalyzer.tokens("ΣΦΆΛΜΑΤΟΣ")
        // Then
        #expect(lower == upper)
        #expect(lower == ["σφαλματοσ"])
    }

    @Test func polishDiacriticsAndStrokedLFold() {
        // Given
        let spellings = ["PŁATNOŚĆ", "płatność", "platnosc"]
        // When
        let tokens = spellings.map(TextAnalyzer.tokens)
        // Then
        for t in tokens { #expect(t == ["platnosc"]) }
    }

    @Test func cyrillicCaseFolds() {
        // Given / When
        let upper = TextAnalyzer.tokens("ПЛАТІЖ")
        let lower = TextAnalyzer.tokens("платіж")
        // Then
        #expect(upper == lower)
        #expect(lower == ["платіж"])
    }

    @Test(arguments: [
        ("ёлка", "елка"), ("Ёлка", "елка"),
        ("їжак", "іжак"), ("ЇЖАК", "іжак"),
        ("йогурт", "иогурт"), ("ЙОГУРТ", "иогурт"),
    ])
    func cyrillicLettersWithMarksFoldToTheirBase(marked: String, plain: String) {
        // Given / When
        let a = TextAnalyzer.tokens(marked)
        let b = TextAnalyzer.tokens(plain)
        // Then
        #expect(a == b)
        #expect(a == [plain])
    }

    @Test func germanSharpSBecomesDoubleS() {
        // Given / When
        let tokens = TextAnalyzer.tokens("Straße STRASSE straẞe")
        // Then
        #expect(tokens == ["strasse", "strasse", "strasse"])
    }

    @Test func otherHandMappedLettersFold() {
        // Given / When
        let tokens = TextAnalyzer.tokens("Øresund Đorđe Æther œuvre")
        // Then
        #expect(tokens == ["oresund", "dorde", "aether", "oeuvre"])
    }

    @Test func punctuationAndSpacesSplitTokens() {
        // Given / When
        let tokens = TextAnalyzer.tokens("Hello, world! e-mail:user@example.com (refund)…")
        // Then
        #expect(tokens == ["hello", "world", "e", "mail", "user", "example", "com", "refund"])
    }

    @Test func digitsAreKeptInsideAndAsTokens() {
        // Given / When
        let tokens = TextAnalyzer.tokens("Error 404 on v2 order #A1234")
        // Then
        #expect(tokens == ["error", "404", "on", "v2", "order", "a1234"])
    }

    @Test func textWithoutLettersOrDigitsHasNoTokens() {
        // Given / When / Then
        #expect(TextAnalyzer.tokens("").isEmpty)
        #expect(TextAnalyzer.tokens("  --- !!! ... \n\t").isEmpty)
    }

    @Test func longTokensAreCutAtSixtyFour() {
        // Given
        let blob = String(repeating: "a", count: 100)
        // When
        let tokens = TextAnalyzer.tokens(blob + " next")
        // Then
        #expect(tokens == [String(repeating: "a", count: 64), "next"])
        #expect(TextAnalyzer.maxTokenLength == 64)
    }

    @Test func tokenAtTheLimitIsKeptWhole() {
        // Given
        let word = String(repeating: "b", count: 64)
        // When
        let tokens = TextAnalyzer.tokens(word)
        // Then
        #expect(tokens == [word])
    }

    @Test func foldThatExpandsAtTheLimitStillRespectsIt() {
        // Given: 63 letters, then ß which folds to two letters
        let text = String(repeating: "a", count: 63) + "ßß"
        // When
        let tokens = TextAnalyzer.tokens(text)
        // Then
        #expect(tokens.count == 1)
        #expect(tokens.allSatisfy { $0.count <= TextAnalyzer.maxTokenLength })
    }

    @Test func asciiInsideOtherScriptsFoldsAsInAsciiText() {
        // Given: ASCII letters beside words that take the Unicode path
        let mixed = "ERROR σφάλμα Płatność ABC123 x-Y_z"
        // When
        let tokens = TextAnalyzer.tokens(mixed)
        // Then: the same ASCII tokens as ASCII text alone gives
        #expect(tokens == ["error", "σφαλμα", "platnosc", "abc123", "x", "y", "z"])
        #expect(TextAnalyzer.tokens("ERROR ABC123 x-Y_z") == ["error", "abc123", "x", "y", "z"])
    }

    @Test func longMixedTokensAreCutAtSixtyFour() {
        // Given: 70 ASCII letters, then letters that fold on the Unicode path
        let word = String(repeating: "A", count: 70) + "ŁÓDŹ"
        // When
        let tokens = TextAnalyzer.tokens(word + " Łódź")
        // Then
        #expect(tokens == [String(repeating: "a", count: 64), "lodz"])
    }

    @Test func tokensKeepDuplicatesInOrder() {
        // Given / When
        let tokens = TextAnalyzer.tokens("Error error ERROR 404")
        // Then
        #expect(tokens == ["error", "error", "error", "404"])
    }

    @Test func queryTermsAreDistinctInFirstSeenOrder() {
        // Given / When
        let terms = TextAnalyzer.queryTerms("Refund error REFUND Érror 404 refund")
        // Then
        #expect(terms == ["refund", "error", "404"])
    }

    @Test func indexTextJoinsTokensWithSpaces() {
        // Given / When
        let text = TextAnalyzer.indexText("  Płatność   nie przeszła!  ")
        // Then
        #expect(text == "platnosc nie przeszla")
    }

    @Test func indexedAndQueriedFormsMatchAcrossScripts() {
        // Given: a message indexed in one spelling
        let indexed = Set(TextAnalyzer.tokens(TextAnalyzer.indexText("Το ΣΦΆΛΜΑ με την ΠΛΗΡΩΜΉ")))
        // When: the agent searches without accents or capitals
        let query = TextAnalyzer.queryTerms("σφαλμα πληρωμη")
        // Then
        #expect(Set(query).isSubset(of: indexed))
    }
}
