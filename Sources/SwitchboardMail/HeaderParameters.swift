import Foundation

/// A structured header value like Content-Type or Content-Disposition: a main value and
/// parameters. Parameters follow RFC 2045 (quoted strings), RFC 2231 (`name*0*=utf-8''%E2…`
/// continuations with charset) and, since many senders do it, RFC 2047 words inside quotes.
public struct HeaderParameters: Sendable, Equatable {
    /// The value before the first `;`, lower-cased and trimmed (`text/plain`, `attachment`).
    public let value: String
    /// Parameters by lower-cased name, decoded.
    public let parameters: [String: String]

    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    public init(_ raw: String) {
        let (main, rest) = Self.splitMain(raw)
        value = main.trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        // name -> [(index, encoded, text)] for RFC 2231 sections
        var sections: [String: [(Int, Bool, String)]] = [:]
        for (rawName, rawValue, quoted) in Self.pairs(rest) {
            let name = rawName.lowercased()
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let suffix = name[name.index(after: star)...]
                let encoded = suffix.hasSuffix("*") || suffix.isEmpty
                let number = Int(suffix.trimmingCharacters(in: CharacterSet(charactersIn: "*"))) ?? 0
                sections[base, default: []].append((number, encoded, rawValue))
            } else if plain[name] == nil {
                plain[name] = quoted || rawValue.contains("=?") ? EncodedWords.decode(rawValue) : rawValue
            }
        }
        for (name, parts) in sections {
            plain[name] = Self.joinSections(parts.sorted { $0.0 < $1.0 })
        }
        parameters = plain
    }

    /// RFC 2231: the first encoded section starts with `charset'language'`; encoded sections
    /// are percent-encoded bytes in that charset.
    private static func joinSections(_ parts: [(Int, Bool, String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (i, (_, encoded, text)) in parts.enumerated() {
            var text = Substring(text)
            if encoded, i == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes += encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return Charset.decode(bytes, charset: charset ?? "utf-8")
    }

    private static func percentDecoded(_ s: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let hi = TransferEncoding.hex(u[i + 1]), let lo = TransferEncoding.hex(u[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return out
    }

    private static func splitMain(_ raw: String) -> (Substring, Substring) {
        guard let semi = raw.firstIndex(of: ";") else { return (Substring(raw), "") }
        return (raw[..<semi], raw[raw.index(after: semi)...])
    }

    /// `name=value` pairs separated by `;`, values quoted or not (a missing `;` between pairs
    /// is forgiven).
    private static func pairs(_ s: Substring) -> [(String, String, Bool)] {
        var out: [(String, String, Bool)] = []
        var rest = s
        while true {
            rest = rest.drop { $0 == ";" || $0.isWhitespace }
            guard !rest.isEmpty else { break }
            guard let eq = rest.firstIndex(of: "=") else { break }
            let name = rest[..<eq].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            var value = ""
            var quoted = false
            if rest.first == "\"" {
                quoted = true
                rest = rest.dropFirst()
                var escaped = false
                var end = rest.endIndex
                for index in rest.indices {
                    let c = rest[index]
                    if escaped {
                        value.append(c)
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        end = index
                        break
                    } else {
                        value.append(c)
                    }
                }
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if !name.isEmpty, !name.contains(" ") { out.append((name, value, quoted)) }
        }
        return out
    }
}
