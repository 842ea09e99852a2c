import Foundation

/// Turns text into search tokens: the one analyzer used for indexing and for querying, on
/// SQLite and PostgreSQL alike, because neither database folds Greek accents, Polish `ł` or
/// Cyrillic `ё` by itself.
///
/// Folding: Unicode canonical decomposition, combining marks dropped, lower-cased, and a few
/// letters that are not decomposable mapped by hand (`ł→l`, `ø→o`, `đ→d`, `ß→ss`, `ς→σ`, …).
public enum TextAnalyzer {
    /// The longest token kept; longer runs (base64 blobs, hashes) are cut.
    public static let maxTokenLength = 64

    /// The folded tokens of `text`, in order, duplicates kept.
    public static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                result.append(String(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let props = scalar.properties
            if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark
                || props.generalCategory == .spacingMark
            {
                continue
            }
            if props.isAlphabetic || props.numericType != nil {
                if current.count < maxTokenLength {
                    appendFolded(scalar, to: &current)
                    // A letter may fold into two (ß → ss): cut back to the limit.
                    while current.count > maxTokenLength { current.removeLast() }
                }
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The same as `tokens` for ASCII text, without Unicode property lookups.
    private static func asciiTokens(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(maxTokenLength)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if current.count < maxTokenLength { current.append(byte) }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if current.count < maxTokenLength { current.append(byte + 32) }
            default:
                if !current.isEmpty {
                    result.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// The folded text as space-separated tokens: what goes into the full-text index.
    public static func indexText(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    /// The distinct tokens of a query, in first-seen order.
    public static func queryTerms(_ query: String) -> [String] {
        var seen = Set<String>()
        return tokens(query).filter { seen.insert($0).inserted }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if let special = specialFolds[scalar] {
            out.append(contentsOf: special.unicodeScalars)
            return
        }
        let lower = scalar.properties.lowercaseMapping
        for s in lower.unicodeScalars {
            if let special = specialFolds[s] {
                out.append(contentsOf: special.unicodeScalars)
            } else if s.properties.generalCategory != .nonspacingMark {
                out.append(s)
            }
        }
    }

    /// Letters that canonical decomposition leaves whole but that people type without the mark.
    private static let specialFolds: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h", "þ": "th",
        "ς": "σ",
    ]
}
