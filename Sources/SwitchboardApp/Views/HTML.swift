import SwitchboardCore

/// Writes HTML. Text and attribute values are escaped on the way in, so data (a ticket
/// subject, a customer name) can never become markup; words on the page come from the
/// catalogue through `t`, never from literals in view code (a test checks that).
final class HTMLWriter {
    private(set) var output = ""
    let l: Localizer

    init(_ localizer: Localizer) {
        self.l = localizer
        output.reserveCapacity(16_384)
    }

    /// An element with attributes (nil values are left out, `""` gives a bare attribute such
    /// as `hidden`) and children written by `body`.
    func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ body: () -> Void = {}) {
        open(name, attributes)
        body()
        output += "</\(name)>"
    }

    /// An element without content (`input`, `meta`, `link`).
    func void(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        open(name, attributes)
    }

    /// Data from the database or the user, escaped.
    func text(_ value: String) {
        output += Self.escape(value)
    }

    /// A word or sentence of the interface, from the catalogue.
    func t(_ key: String, _ arguments: [String: String] = [:]) {
        output += Self.escape(l.text(key, arguments))
    }

    /// A counted phrase from the catalogue ("3 tickets", "3 звернення").
    func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) {
        output += Self.escape(l.plural(key, count: count, arguments))
    }

    /// Markup written by our own code (the doctype). Never pass data here.
    func trusted(_ markup: StaticString) {
        output += "\(markup)"
    }

    private func open(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        output += "<\(name)"
        for (key, value) in attributes {
            guard let value else { continue }
            output += value.isEmpty ? " \(key)" : " \(key)=\"\(Self.escape(value))\""
        }
        output += ">"
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
