import Foundation

/// A mailbox from an address header: the address and, when given, the display name.
public struct Mailbox: Sendable, Equatable, CustomStringConvertible {
    /// The display name, decoded and unquoted; a comment stands in when there is no phrase.
    public var name: String?
    /// The addr-spec as written (`local@domain`); may lack a domain in broken mail.
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The mailboxes of an address list header (From, To, Cc, Reply-To …), groups flattened.
    /// Lenient: unbalanced quotes or brackets end at the end of the text, entries without an
    /// address are dropped.
    public static func list(_ raw: String) -> [Mailbox] {
        split(raw).compactMap(parse)
    }

    /// Splits at top-level commas, and at the `:` and `;` of groups.
    private static func split(_ raw: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuote = false, escaped = false
        var angle = 0, comment = 0
        for c in raw {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            switch c {
            case "\\" where inQuote || comment > 0:
                escaped = true
                current.append(c)
            case "\"" where comment == 0:
                inQuote.toggle()
                current.append(c)
            case "(" where !inQuote:
                comment += 1
                current.append(c)
            case ")" where !inQuote && comment > 0:
                comment -= 1
                current.append(c)
            case "<" where !inQuote && comment == 0:
                angle += 1
                current.append(c)
            case ">" where !inQuote && comment == 0 && angle > 0:
                angle -= 1
                current.append(c)
            case "," where !inQuote && comment == 0 && angle == 0, ";" where !inQuote && comment == 0 && angle == 0:
                items.append(current)
                current = ""
            case ":" where !inQuote && comment == 0 && angle == 0 && !current.contains("@"):
                current = ""  // a group's name: its members follow
            default:
                current.append(c)
            }
        }
        items.append(current)
        return items
    }

    private static func parse(_ item: String) -> Mailbox? {
        var text = Substring(item.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { return nil }
        if let open = lastTopLevelAngle(text) {
            let inside = text[text.index(after: open)...].prefix { $0 != ">" }
            let address = cleanAddress(withoutComments(inside).text)
            let phrase = text[..<open]
            var name = displayName(withoutComments(phrase).text)
            if name == nil { name = withoutComments(phrase).comments.last.flatMap(displayName) }
            guard !address.isEmpty else { return nil }
            return Mailbox(name: name, address: address)
        }
        let (bare, comments) = withoutComments(text)
        text = Substring(bare)
        let address = cleanAddress(bare)
        guard !address.isEmpty, !address.contains(" ") || address.contains("@") else { return nil }
        return Mailbox(name: comments.last.flatMap(displayName), address: address.contains(" ") ? String(address.split(separator: " ").first { $0.contains("@") } ?? "") : address)
    }

    /// The `<` that starts the angle address (outside quotes).
    private static func lastTopLevelAngle(_ s: Substring) -> Substring.Index? {
        var inQuote = false, escaped = false
        var found: Substring.Index?
        for i in s.indices {
            let c = s[i]
            if escaped { escaped = false; continue }
            if c == "\\", inQuote { escaped = true; continue }
            if c == "\"" { inQuote.toggle() }
            if c == "<", !inQuote { found = i }
        }
        return found
    }

    /// The text without `(comments)` (outside quotes), and the comments' texts.
    static func withoutComments(_ s: some StringProtocol) -> (text: String, comments: [String]) {
        var text = "", comment = "", comments: [String] = []
        var depth = 0, inQuote = false, escaped = false
        for c in s {
            if escaped {
                if depth > 0 { comment.append(c) } else { text.append(c) }
                escaped = false
                continue
            }
            if c == "\\", inQuote || depth > 0 {
                escaped = true
                if depth == 0 { text.append(c) }
                continue
            }
            if depth == 0, c == "\"" { inQuote.toggle() }
            if !inQuote, c == "(" {
                if depth > 0 { comment.append(c) }
                depth += 1
                continue
            }
            if !inQuote, c == ")", depth > 0 {
                depth -= 1
                if depth == 0 {
                    comments.append(comment)
                    comment = ""
                } else {
                    comment.append(c)
                }
                continue
            }
            if depth > 0 { comment.append(c) } else { text.append(c) }
        }
        if depth > 0 { comments.append(comment) }
        return (text, comments)
    }

    /// A display name: unquoted, unescaped, encoded words decoded, whitespace tidied; nil if empty.
    private static func displayName(_ raw: String) -> String? {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 {
            s = String(s.dropFirst().dropLast())
            var out = "", escaped = false
            for c in s {
                if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
            }
            s = out
        } else {
            s = s.replacingOccurrences(of: "\"", with: "")
        }
        s = EncodedWords.decode(s)
        s = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
        s = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix("'"), s.hasSuffix("'"), s.count >= 2 { s = String(s.dropFirst().dropLast()) }
        return s.isEmpty ? nil : s
    }

    private static func cleanAddress(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "<>\"'"))
        if s.lowercased().hasPrefix("mailto:") { s = String(s.dropFirst(7)) }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
