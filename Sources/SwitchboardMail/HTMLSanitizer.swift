import Foundation

/// Inbound HTML made safe to show: an allowlist of tags and attributes, nothing else. Scripts,
/// styles, forms, frames and event handlers go; links keep only http, https and mailto; images
/// keep `cid:` sources (the page maps them to the message's attachments) while remote ones are
/// held back in `data-remote-src` until the agent asks for them. The output is well-formed:
/// text is escaped and every open tag is closed.
public enum HTMLSanitizer {
    public struct Result: Sendable, Equatable {
        public var html: String
        /// Whether remote images were held back.
        public var hasRemoteImages: Bool
    }

    private static let allowed: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "div", "dl",
        "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
        "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
    ]
    private static let void: Set<String> = ["br", "hr", "img", "col"]
    /// Tags dropped together with everything inside them.
    private static let dropWithContent: Set<String> = [
        "script", "style", "head", "title", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template", "svg",
        "math", "select", "textarea", "button", "audio", "video", "canvas",
    ]
    private static let attributes: [String: Set<String>] = [
        "*": ["title", "dir", "lang", "align", "valign", "width", "height"],
        "a": ["href"],
        "img": ["src", "alt", "border"],
        "td": ["colspan", "rowspan", "bgcolor", "nowrap"], "th": ["colspan", "rowspan", "bgcolor", "nowrap"],
        "table": ["border", "cellpadding", "cellspacing", "bgcolor"],
        "font": ["color", "face", "size"], "ol": ["start", "type"], "li": ["value"], "blockquote": ["cite"], "col": ["span"],
    ]

    public static func sanitize(_ html: String) -> Result {
        var out = ""
        var open: [String] = []
        var remote = false
        var i = html.startIndex
        var dropping: (tag: String, depth: Int)?
        while i < html.endIndex {
            if html[i] == "<" {
                let rest = html[i...]
                if rest.hasPrefix("<!--") {
                    i = rest.range(of: "-->")?.upperBound ?? html.endIndex
                    continue
                }
                if rest.hasPrefix("<!") || rest.hasPrefix("<?") {
                    i = rest.firstIndex(of: ">").map(html.index(after:)) ?? html.endIndex
                    continue
                }
                if let (tag, next) = Tag.read(rest) {
                    i = next
                    if var d = dropping {
                        if tag.name == d.tag { d.depth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1) }
                        dropping = d.depth <= 0 ? nil : d
                        continue
                    }
                    if dropWithContent.contains(tag.name) {
                        if !tag.closing, !tag.selfClosing { dropping = (tag.name, 1) }
                        continue
                    }
                    guard allowed.contains(tag.name) else { continue }
                    if tag.closing {
                        if let at = open.lastIndex(of: tag.name) {
                            for name in open[at...].reversed() { out += "</\(name)>" }
                            open.removeSubrange(at...)
                        }
                        continue
                    }
                    out += "<" + tag.name
                    for (name, value) in tag.attributes {
                        guard let kept = keep(tag.name, name, value, remote: &remote) else { continue }
                        out += " \(kept.name)=\"\(escape(kept.value, quotes: true))\""
                    }
                    if tag.name == "a" { out += " rel=\"noopener noreferrer nofollow\" target=\"_blank\"" }
                    out += ">"
                    if !void.contains(tag.name) { open.append(tag.name) }
                    continue
                }
            }
            // Text: up to the next tag, entities decoded and then escaped again.
            let next = html[html.index(after: i)...].firstIndex(of: "<") ?? html.endIndex
            if dropping == nil { out += escape(HTMLText.decodeEntities(html[i..<next]), quotes: false) }
            i = next
        }
        for name in open.reversed() { out += "</\(name)>" }
        return Result(html: out, hasRemoteImages: remote)
    }

    /// The attribute as it may stay, or nil.
    private static func keep(_ tag: String, _ name: String, _ value: String, remote: inout Bool) -> (name: String, value: String)? {
        guard attributes["*"]!.contains(name) || attributes[tag]?.contains(name) == true else { return nil }
        switch (tag, name) {
        case ("a", "href"):
            return isSafeLink(value) ? (name, value) : nil
        case ("img", "src"):
            let scheme = compact(value)
            if scheme.hasPrefix("cid:") { return (name, value) }
            if scheme.hasPrefix("http:") || scheme.hasPrefix("https:") || scheme.hasPrefix("//") {
                remote = true
                return ("data-remote-src", value)
            }
            return nil
        case ("blockquote", "cite"):
            return isSafeLink(value) ? (name, value) : nil
        default:
            return (name, value)
        }
    }

    private static func isSafeLink(_ value: String) -> Bool {
        let v = compact(value)
        return v.hasPrefix("http:") || v.hasPrefix("https:") || v.hasPrefix("mailto:") || v.hasPrefix("#")
    }

    /// Lower-cased, without the whitespace and control characters browsers ignore in URLs.
    private static func compact(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init)).lowercased()
    }

    public static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// One tag: its lower-cased name, whether it closes or closes itself, and its attributes
    /// with entity-decoded values.
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]

        static func read(_ s: Substring) -> (Tag, String.Index)? {
            var i = s.index(after: s.startIndex)
            var closing = false
            if i < s.endIndex, s[i] == "/" {
                closing = true
                i = s.index(after: i)
            }
            let nameStart = i
            while i < s.endIndex, s[i].isLetter || s[i].isNumber || s[i] == "-" || s[i] == ":" { i = s.index(after: i) }
            guard i > nameStart else { return nil }
            var tag = Tag(name: s[nameStart..<i].lowercased(), closing: closing, selfClosing: false, attributes: [])
            while i < s.endIndex {
                let c = s[i]
                if c == ">" { return (tag, s.index(after: i)) }
                if c == "/" {
                    tag.selfClosing = true
                    i = s.index(after: i)
                    continue
                }
                if c.isWhitespace || c == "\"" || c == "'" || c == "=" {
                    i = s.index(after: i)
                    continue
                }
                let attrStart = i
                while i < s.endIndex, !s[i].isWhitespace, s[i] != "=", s[i] != ">", s[i] != "/" { i = s.index(after: i) }
                let name = s[attrStart..<i].lowercased()
                while i < s.endIndex, s[i].isWhitespace { i = s.index(after: i) }
                var value = ""
                if i < s.endIndex, s[i] == "=" {
                    i = s.index(after: i)
                    while i < s.endIndex, s[i].isWhitespace { i = s.index(after: i) }
                    if i < s.endIndex, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        let start = s.index(after: i)
                        let end = s[start...].firstIndex(of: quote) ?? s.endIndex
                        value = String(s[start..<end])
                        i = end < s.endIndex ? s.index(after: end) : end
                    } else {
                        let start = i
                        while i < s.endIndex, !s[i].isWhitespace, s[i] != ">" { i = s.index(after: i) }
                        value = String(s[start..<i])
                    }
                }
                tag.attributes.append((name, HTMLText.decodeEntities(Substring(value))))
            }
            return (tag, s.endIndex)
        }
    }
}
