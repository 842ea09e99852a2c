import Foundation

/// Where a reply's own words end and the quoted history or signature begins, so the page can
/// fold the rest behind a toggle. Nothing is ever removed: the split is a position.
///
/// Knows the attribution lines of Gmail, Apple Mail and Thunderbird ("On …, … wrote:") in
/// English, German, Ukrainian, Polish, Russian and Greek, Outlook's header blocks ("From: …"
/// followed by "Sent:" / "Date:" …) in the same languages, "-----Original Message-----" style
/// separators, a tail of `>` quoted lines, and the `-- ` signature delimiter.
public enum QuotedHistory {
    /// The text split into what the sender wrote and the folded rest (quoted history or
    /// signature); `folded` is empty when there is nothing to fold.
    public static func split(_ text: String) -> (main: String, folded: String) {
        let lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        guard let cut = cutLine(lines), cut > 0 else { return (text, "") }
        var main = lines[..<cut].joined(separator: "\n")
        while main.last?.isWhitespace == true { main.removeLast() }
        // All of it quoted: nothing of the sender's own to show, so fold nothing.
        guard !main.isEmpty else { return (text, "") }
        return (main, lines[cut...].joined(separator: "\n"))
    }

    /// The first line of the part to fold.
    static func cutLine(_ lines: [String]) -> Int? {
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if raw == "-- " || raw == "--" { return i }
            if isSeparator(line) { return i }
            if isAttribution(line, next: lines.dropFirst(i + 1).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { return i }
            if isOutlookHeader(lines, at: i) { return i }
            // A block of quoted lines that runs to the end (the reply is above it).
            if line.hasPrefix(">"), lines[i...].allSatisfy({ let t = $0.trimmingCharacters(in: .whitespaces); return t.isEmpty || t.hasPrefix(">") }) {
                return i
            }
        }
        return nil
    }

    private static let separators = [
        "-----original message-----", "----- original message -----", "-----ursprüngliche nachricht-----",
        "----- ursprüngliche nachricht -----", "-----исходное сообщение-----", "-----оригінальне повідомлення-----",
        "-----wiadomość oryginalna-----", "-----αρχικό μήνυμα-----", "---- original email message ----",
        "-------- original message --------", "-------- forwarded message --------", "---------- forwarded message ---------",
        "-------- weitergeleitete nachricht --------", "-------- пересланное сообщение --------", "________________________________",
    ]

    private static func isSeparator(_ line: String) -> Bool {
        let l = line.lowercased()
        return separators.contains(l) || (l.hasPrefix("-----") && l.hasSuffix("-----") && l.count > 15 && l.contains(" "))
    }

    /// Words that end an attribution line ("… wrote:") by language.
    private static let wrote = [
        "wrote:", "writes:", "schrieb:", "пише:", "пишет:", "написав:", "написала:", "написав(ла):", "написал:", "написала:", "написал(а):",
        "napisał:", "napisała:", "napisał(a):", "έγραψε:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "schreef:",
    ]
    /// Words that start one ("On …", "Am …").
    private static let on = ["on ", "am ", "в ", "у ", "dnia ", "w dniu ", "στις ", "le ", "el ", "il ", "op "]

    private static func isAttribution(_ line: String, next: String?) -> Bool {
        let l = line.lowercased()
        if wrote.contains(where: { l.hasSuffix($0) }), on.contains(where: { l.hasPrefix($0) }) || l.count < 200 && l.contains("@") {
            return true
        }
        // German and Russian Gmail end with the address: "Am …, 09:15 Uhr schrieb Olena <o@x>:".
        if l.hasSuffix(">:"), l.contains("@"), l.contains(where: \.isNumber) { return true }
        // Gmail breaks long attribution lines: "On Mon, … <a@b.c>" then "wrote:".
        if let next, on.contains(where: { l.hasPrefix($0) }), wrote.contains(next.trimmingCharacters(in: .whitespaces).lowercased()) {
            return true
        }
        return false
    }

    /// Outlook's block: a From line, then within the next lines Sent/Date and To or Subject.
    private static let fromWords = ["from:", "von:", "від:", "от:", "od:", "από:", "de :", "de:", "van:"]
    private static let sentWords = [
        "sent:", "date:", "gesendet:", "datum:", "надіслано:", "дата:", "отправлено:", "wysłano:", "data:", "στάλθηκε:", "ημερομηνία:",
        "envoyé :", "enviado:", "verzonden:",
    ]
    private static let toWords = [
        "to:", "subject:", "an:", "betreff:", "кому:", "тема:", "do:", "temat:", "προς:", "θέμα:", "à :", "objet :", "para:", "asunto:",
        "aan:", "onderwerp:", "cc:",
    ]

    private static func isOutlookHeader(_ lines: [String], at i: Int) -> Bool {
        let first = lines[i].trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
        guard fromWords.contains(where: { first.hasPrefix($0) }) else { return false }
        let following = lines[(i + 1)...].prefix(6).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
        }
        return following.contains { l in sentWords.contains { l.hasPrefix($0) } } && following.contains { l in toWords.contains { l.hasPrefix($0) } }
    }
}
