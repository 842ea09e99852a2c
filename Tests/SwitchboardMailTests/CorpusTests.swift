import Foundation
import Testing

@testable import SwitchboardMail

/// The conformance corpus in testdata/mail (a copy of ../shared/corpus/mail; see its README): every message parses, and
/// the parsed fields match Zammad's expectations on at least 97 % of the checks.
@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../testdata/mail")
        .standardizedFileURL

    static func files(_ folder: String) throws -> [URL] {
        let root = corpus.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.compactMap { $0 as? URL } ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true && !["expected.json", "SKIPPED.txt"].contains($0.lastPathComponent)
        }.sorted { $0.path < $1.path }
    }

    @Test func everyMessageParsesWithASenderAndSubjectOrSaysWhy() throws {
        let all = try Self.files("zammad") + Self.files("chatwoot") + Self.files("rt")
        #expect(all.count >= 150)
        var missing: [String] = []
        for file in all {
            let message = MailParser.parse(try Data(contentsOf: file))
            let name = file.pathComponents.suffix(2).joined(separator: "/")
            if message.author == nil || message.subject == nil {
                // Only what truly has none may come out without them, and it must say so.
                let raw = Headers.parse([UInt8](try Data(contentsOf: file))[...]).headers
                let hasFrom = raw["From"].map { !Mailbox.list($0).isEmpty } ?? false
                if (hasFrom && message.author == nil) || (raw["Subject"] != nil && message.subject == nil) { missing.append(name) }
            }
        }
        #expect(missing == [], "messages whose sender or subject was lost")
    }

    @Test func zammadExpectationsPassAtLeast97Percent() throws {
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.corpus.appendingPathComponent("zammad/expected.json")))
        let entries = try #require(expected as? [String: [String: Any]])
        var passed: [String: Int] = [:], total: [String: Int] = [:]
        var failures: [String] = []
        var fullyPassing = 0
        for (file, fields) in entries.sorted(by: { $0.key < $1.key }) {
            let message = MailParser.parse(try Data(contentsOf: Self.corpus.appendingPathComponent("zammad/" + file)))
            var allPassed = true
            for (field, value) in fields {
                let checks = Self.check(field, value, message)
                for (ok, detail) in checks {
                    total[field, default: 0] += 1
                    if ok { passed[field, default: 0] += 1 } else {
                        allPassed = false
                        failures.append("\(file) \(field): \(detail)")
                    }
                }
            }
            if allPassed { fullyPassing += 1 }
        }
        let summary = total.keys.sorted().map { "\($0) \(passed[$0] ?? 0)/\(total[$0] ?? 0)" }.joined(separator: ", ")
        let rate = Double(passed.values.reduce(0, +)) / Double(max(1, total.values.reduce(0, +)))
        print("mail corpus: \(summary); messages fully passing \(fullyPassing)/\(entries.count); checks \(String(format: "%.1f", rate * 100)) %")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(rate >= 0.97, "\(failures.count) failing checks")
    }

    /// One or more (passed, what was found) results for a field of expected.json.
    static func check(_ field: String, _ value: Any, _ m: MailMessage) -> [(Bool, String)] {
        switch field {
        case "from_email":
            let got = m.from.first?.address.lowercased() ?? "nil"
            return [(got == (value as? String)?.lowercased(), got)]
        case "from_display_name":
            let got = m.from.first?.name?.trimmingCharacters(in: .whitespaces) ?? "nil"
            return [(got == (value as? String)?.trimmingCharacters(in: .whitespaces), got)]
        case "subject":
            return [(m.subject == value as? String, String(reflecting: m.subject))]
        case "to", "cc":
            let got = (field == "to" ? m.to : m.cc).map { $0.address.lowercased() }
            return [(got == (value as? [String])?.map { $0.lowercased() }, "\(got)")]
        case "body_contains":
            let body = normalized([m.text, m.html.map(HTMLText.plain)].compactMap { $0 }.joined(separator: "\n"))
            return (value as? [String] ?? []).map { snippet in
                (body.contains(normalized(snippet)), "missing \"\(snippet)\"")
            }
        case "attachments":
            let wanted = value as? [[String: Any]] ?? []
            if wanted.isEmpty { return [(m.attachments.isEmpty, "\(m.attachments.map { $0.filename ?? $0.contentType })")] }
            var free = m.attachments
            return wanted.map { want in
                let index = free.firstIndex { a in
                    if let name = want["filename"] as? String, a.filename != name { return false }
                    if want["filename"] == nil, let type = want["content_type"] as? String, a.contentType != type { return false }
                    if let size = want["size"] as? Int, let type = want["content_type"] as? String, a.data.count != size || a.contentType != type {
                        return false
                    }
                    return true
                }
                guard let index else {
                    return (false, "no part for \(want); have \(free.map { "\($0.filename ?? "-") \($0.contentType) \($0.data.count)" })")
                }
                free.remove(at: index)
                return (true, "")
            }
        default:
            return [(false, "unknown field \(field)")]
        }
    }

    /// NFC, and every run of whitespace (U+00A0 and U+3000 too) as one space.
    static func normalized(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{3000}" })
            .joined(separator: " ")
    }
}
