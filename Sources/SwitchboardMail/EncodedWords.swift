import Foundation

/// RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`) in header text.
///
/// Lenient like real mail needs: words may touch other text, may contain spaces (Q) and may
/// split one character over two words, so adjacent words of one charset are decoded together.
/// Whitespace between two encoded words is dropped, as the RFC says.
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var out = ""
        var pending: (charset: String, bytes: [UInt8])?
        var gap = ""  // whitespace seen after an encoded word, kept only if plain text follows
        var rest = Substring(text)
        func flush() {
            if let p = pending { out += Charset.decode(p.bytes, charset: p.charset) }
            pending = nil
        }
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (charset, bytes, after) = word(at: rest) {
                if let p = pending, p.charset.caseInsensitiveCompare(charset) == .orderedSame {
                    pending?.bytes += bytes
                } else {
                    flush()
                    pending = (charset, bytes)
                }
                gap = ""
                rest = after
                continue
            }
            let c = rest.first!
            if pending != nil, c == " " || c == "\t" || c == "\r" || c == "\n" {
                gap.append(c == "\t" ? " " : c)
                rest = rest.dropFirst()
                continue
            }
            flush()
            out += gap
            gap = ""
            out.append(c)
            rest = rest.dropFirst()
        }
        flush()
        out += gap
        return out
    }

    /// The encoded word at the start of `s`: its charset, decoded bytes and the text after it.
    private static func word(at s: Substring) -> (String, [UInt8], Substring)? {
        let afterOpen = s.dropFirst(2)
        guard let q1 = afterOpen.firstIndex(of: "?") else { return nil }
        var charset = String(afterOpen[..<q1])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        guard !charset.isEmpty, charset.count < 40, !charset.contains(" ") else { return nil }
        let afterCharset = afterOpen[afterOpen.index(after: q1)...]
        guard let mode = afterCharset.first, afterCharset.dropFirst().first == "?" else { return nil }
        let payloadStart = afterCharset.dropFirst(2)
        guard let close = payloadStart.range(of: "?=") else { return nil }
        let payload = payloadStart[..<close.lowerBound]
        guard !payload.contains("\n") else { return nil }
        let bytes: [UInt8]
        switch mode {
        case "B", "b": bytes = TransferEncoding.base64(Array(payload.utf8))
        case "Q", "q": bytes = TransferEncoding.quotedPrintable(Array(payload.utf8), underscoreIsSpace: true)
        default: return nil
        }
        return (charset, bytes, payloadStart[close.upperBound...])
    }
}
