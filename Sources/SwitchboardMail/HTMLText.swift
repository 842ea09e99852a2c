import Foundation

/// HTML as plain text, for previews, search and quoting: tags dropped, entities decoded, a line
/// break at block elements and `<br>`, script and style content left out.
public enum HTMLText {
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section",
        "article", "header", "footer", "td", "th", "dd", "dt", "dl", "address", "center", "form", "title",
    ]

    public static func plain(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        var i = html.startIndex
        var skipUntil: String?
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                if html[i...].hasPrefix("<!--") {
                    i = html[i...].range(of: "-->")?.upperBound ?? html.endIndex
                    continue
                }
                let close = html[i...].firstIndex(of: ">") ?? html.endIndex
                let tag = html[html.index(after: i)..<close]
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if let waiting = skipUntil {
                    if tag.hasPrefix("/"), name == waiting { skipUntil = nil }
                } else if !tag.hasPrefix("/"), name == "script" || name == "style" || name == "head" {
                    skipUntil = name
                } else if blocks.contains(name) {
                    out.append("\n")
                }
                i = close < html.endIndex ? html.index(after: close) : close
                continue
            }
            if skipUntil != nil {
                i = html.index(after: i)
                continue
            }
            if c == "&", let semi = html[i...].prefix(12).firstIndex(of: ";"), let decoded = entity(html[html.index(after: i)..<semi]) {
                out += decoded
                i = html.index(after: semi)
                continue
            }
            out.append(c)
            i = html.index(after: i)
        }
        return out
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©", "reg": "®", "euro": "€",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "bull": "•", "middot": "·", "deg": "°", "times": "×", "shy": "\u{00AD}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è",
        "agrave": "à", "aacute": "á", "iacute": "í", "oacute": "ó", "uacute": "ú", "ccedil": "ç", "ntilde": "ñ", "Eacute": "É",
        "ecirc": "ê", "acirc": "â", "ocirc": "ô", "icirc": "î", "ucirc": "û", "trade": "™", "sect": "§", "para": "¶", "zwnj": "\u{200C}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
    ]

    static func entity(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return named[String(name)]
    }

    /// Text with its character references (`&amp;`, `&#233;`, `&#xE9;`) decoded.
    static func decodeEntities(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";"), let decoded = entity(s[s.index(after: i)..<semi]) {
                out += decoded
                i = s.index(after: semi)
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }

    /// The charset an HTML document declares in a `<meta>` tag, if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }
}

/// Files uuencoded into a text body (`begin 644 name` … `end`), as old mailers send them.
enum UUEncodedFiles {
    static func extract(from text: String, bytes: [UInt8]) -> (String, [MailAttachment]) {
        guard text.contains("begin "), text.contains("\nend") else { return (text, []) }
        var kept: [Substring] = []
        var files: [MailAttachment] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count == 3, parts[0] == "begin", parts[1].count == 3, parts[1].allSatisfy({ ("0"..."7").contains($0) }),
                let end = lines[(i + 1)...].firstIndex(where: { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) == "end" })
            {
                let block = lines[i...end].joined(separator: "\n")
                if let (name, data) = TransferEncoding.uudecode(Array(block.utf8)) {
                    files.append(MailAttachment(filename: name, contentType: "application/octet-stream", contentId: nil, disposition: .attachment, data: data))
                    i = end + 1
                    continue
                }
            }
            kept.append(lines[i])
            i += 1
        }
        return (kept.joined(separator: "\n"), files)
    }
}
