import Crypto
import Foundation

/// A message to send, before it is written out.
public struct OutgoingMessage: Sendable {
    public struct File: Sendable {
        public var filename: String
        public var contentType: String
        public var data: [UInt8]
        public init(filename: String, contentType: String, data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox] = []
    public var replyTo: Mailbox?
    public var subject: String
    public var text: String
    public var html: String?
    public var files: [File] = []
    /// Without angle brackets; made from the sender's domain when nil.
    public var messageId: String?
    public var inReplyTo: String?
    public var references: [String] = []
    public var date: Date
    /// Mail no person wrote (notifications, acknowledgements): RFC 3834 `Auto-Submitted`.
    public var automatic = false

    public init(from: Mailbox, to: [Mailbox], subject: String, text: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.date = date
    }
}

/// Writes an `OutgoingMessage` as RFC 5322 with MIME: multipart/alternative (text and HTML)
/// inside multipart/mixed when there are files; UTF-8 text as quoted-printable; non-ASCII
/// header text as RFC 2047 words and file names as RFC 2231 parameters; lines within 78
/// characters; CRLF throughout. Threading headers let every client group the conversation,
/// Outlook included (Thread-Index).
public enum MailComposer {
    public static func compose(_ m: OutgoingMessage) -> (bytes: [UInt8], messageId: String) {
        let domain = m.from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageId = m.messageId ?? "\(UUID().uuidString.lowercased())@\(domain)"
        var out = ""
        func header(_ name: String, _ value: String) { out += fold("\(name): \(value)") + "\r\n" }
        header("From", address(m.from))
        header("To", m.to.map(address).joined(separator: ", "))
        if !m.cc.isEmpty { header("Cc", m.cc.map(address).joined(separator: ", ")) }
        if let replyTo = m.replyTo { header("Reply-To", address(replyTo)) }
        header("Subject", encodeWords(m.subject))
        header("Date", rfc5322Date(m.date))
        header("Message-ID", "<\(messageId)>")
        if let inReplyTo = m.inReplyTo { header("In-Reply-To", "<\(inReplyTo)>") }
        if !m.references.isEmpty { header("References", m.references.suffix(20).map { "<\($0)>" }.joined(separator: " ")) }
        header("Thread-Index", threadIndex(root: m.references.first ?? m.inReplyTo ?? messageId, date: m.date, depth: m.references.count))
        if m.automatic {
            header("Auto-Submitted", "auto-generated")
            header("X-Auto-Response-Suppress", "All")
        }
        header("MIME-Version", "1.0")
        let alternative = boundary()
        var body = ""
        if let html = m.html {
            body += "Content-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n\r\n"
            body += "--\(alternative)\r\n" + textPart(m.text, type: "text/plain")
            body += "--\(alternative)\r\n" + textPart(html, type: "text/html")
            body += "--\(alternative)--\r\n"
        } else {
            body += textPart(m.text, type: "text/plain")
        }
        if m.files.isEmpty {
            out += body
        } else {
            let mixed = boundary()
            out += "Content-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n\r\n"
            out += "--\(mixed)\r\n" + body
            for file in m.files {
                out += "--\(mixed)\r\n"
                out += "Content-Type: \(file.contentType); \(parameter("name", file.filename))\r\n"
                out += "Content-Disposition: attachment; \(parameter("filename", file.filename))\r\n"
                out += "Content-Transfer-Encoding: base64\r\n\r\n"
                out += base64Lines(file.data)
            }
            out += "--\(mixed)--\r\n"
        }
        return (Array(out.utf8), messageId)
    }

    static func textPart(_ text: String, type: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + quotedPrintable(text) + "\r\n"
    }

    /// `Name <address>` with the name quoted or encoded as needed.
    static func address(_ m: Mailbox) -> String {
        guard let name = m.name, !name.isEmpty else { return m.address }
        if !name.allSatisfy(\.isASCII) { return "\(encodeWords(name)) <\(m.address)>" }
        if name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " }) { return "\(name) <\(m.address)>" }
        return "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\" <\(m.address)>"
    }

    /// RFC 2047 B-words of at most 75 characters each, split between characters.
    static func encodeWords(_ text: String) -> String {
        guard !text.allSatisfy({ $0.isASCII && $0 != "\r" && $0 != "\n" }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for c in text {
            let bytes = Array(String(c).utf8)
            if (chunk.count + bytes.count) > 45 {  // 45 bytes = 60 base64 characters + 12 of framing
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// `name="value"` for ASCII names, else RFC 2231 `name*=UTF-8''…`.
    static func parameter(_ name: String, _ value: String) -> String {
        if value.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }) { return "\(name)=\"\(value)\"" }
        let encoded = value.utf8.map { b -> String in
            let c = Character(Unicode.Scalar(b))
            return b < 0x80 && (c.isLetter || c.isNumber || "-._~".contains(c)) ? String(c) : String(format: "%%%02X", b)
        }.joined()
        return "\(name)*=UTF-8''\(encoded)"
    }

    /// Quoted-printable with soft breaks before 76 characters; CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (i, b) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                var piece: String
                if (b >= 33 && b <= 126 && b != 61) || (b == 32 && !isLast) || (b == 9 && !isLast) {
                    piece = String(Character(Unicode.Scalar(b)))
                } else {
                    piece = String(format: "=%02X", b)
                }
                // A dot alone at a line start is safe in QP, but some relays mangle it; encode it.
                if current.isEmpty, b == 46 { piece = "=2E" }
                if current.count + piece.count > 75 {
                    out += current + "=\r\n"
                    current = ""
                }
                current += piece
            }
            out += current
            if n < lines.count - 1 { out += "\r\n" }
        }
        return out
    }

    static func base64Lines(_ data: [UInt8]) -> String {
        let encoded = Data(data).base64EncodedString()
        var out = ""
        var i = encoded.startIndex
        while i < encoded.endIndex {
            let end = encoded.index(i, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[i..<end] + "\r\n"
            i = end
        }
        return out
    }

    /// Folds a header line at spaces so no line passes 78 characters where it can be helped.
    static func fold(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var out = ""
        var current = ""
        for (i, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            // Never break right after the field name.
            if i > 1, !current.isEmpty, current.count + 1 + word.count > 78 {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        return out + current
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }

    static func boundary() -> String { "=_sb_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }

    /// Outlook's Thread-Index: 22 bytes for the conversation (a time stamp and a GUID, both made
    /// from the thread's first Message-ID so every message of it agrees) and 5 more per reply.
    static func threadIndex(root: String, date: Date, depth: Int) -> String {
        var bytes = Array(SHA256.hash(data: Data(root.utf8)).prefix(22))
        for i in 0..<min(depth, 20) { bytes += [UInt8(i), 0x00, 0x00, 0x00, UInt8(truncatingIfNeeded: Int(date.timeIntervalSince1970))] }
        return Data(bytes).base64EncodedString()
    }
}
