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
        var length = 0  // of `current`, whose own count walks it
        func flush() {
            if length > 0 {
                result.append(String(current))
                current.removeAll(keepingCapacity: true)
                length = 0
            }
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                // Most scalars of most text: no property lookups.
                switch scalar.value {
                case 0x61...0x7A, 0x30...0x39:
                    if length < maxTokenLength {
                        current.append(scalar)
                        length += 1
                    }
                case 0x41...0x5A:
                    if length < maxTokenLength {
                        current.append(Unicode.Scalar(UInt8(scalar.value) + 32))
                        length += 1
                    }
                default: flush()
                }
                continue
            }
            let props = scalar.properties
            if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark
                || props.generalCategory == .spacingMark
            {
                continue
            }
            if props.isAlphabetic || props.numericType != nil {
                if length < maxTokenLength {
                    length += appendFolded(scalar, to: &current)
                    // A letter may fold into two (ß → ss): cut back to the limit.
                    while length > maxTokenLength {
                        current.removeLast()
                        length -= 1
                    }
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

    /// Appends the folded form of `scalar`; returns how many scalars it appended.
    private static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) -> Int {
        if let special = specialFolds[scalar] {
            out.append(contentsOf: special.unicodeScalars)
            return special.unicodeScalars.count
        }
        var appended = 0
        for s in scalar.properties.lowercaseMapping.unicodeScalars {
            if let special = specialFolds[s] {
                out.append(contentsOf: special.unicodeScalars)
                appended += special.unicodeScalars.count
            } else if s.properties.generalCategory != .nonspacingMark {
                out.append(s)
                appended += 1
            }
        }
        return appended
    }

    /// Letters that canonical decomposition leaves whole but that people type without the mark.
    private static let specialFolds: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h", "þ": "th",
        "ς": "σ",
    ]
}
