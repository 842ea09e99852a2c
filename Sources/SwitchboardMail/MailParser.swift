import Foundation

/// Reads a raw RFC 5322 message with its MIME structure. Never fails: malformed mail is read
/// as well as it can be, and what was wrong is listed in `problems`.
public enum MailParser {
    /// Parts nested deeper than this are kept as attachments, not opened.
    static let maxDepth = 20

    public static func parse(_ raw: [UInt8]) -> MailMessage {
        let (headers, bodyStart) = Headers.parse(raw[...])
        var message = MailMessage(headers: headers)
        if headers.fields.isEmpty { message.problems.append("no header fields") }
        readEnvelope(headers, into: &message)
        var bodies = Bodies()
        walk(headers: headers, body: raw[bodyStart...], depth: 0, into: &bodies, problems: &message.problems)
        message.text = bodies.text.isEmpty ? nil : bodies.text.joined(separator: "\n\n")
        message.html = bodies.html.isEmpty ? nil : bodies.html.joined(separator: "\n")
        message.attachments = bodies.attachments
        return message
    }

    public static func parse(_ raw: Data) -> MailMessage { parse([UInt8](raw)) }

    private static func readEnvelope(_ headers: Headers, into m: inout MailMessage) {
        m.from = headers["From"].map(Mailbox.list) ?? []
        m.sender = headers["Sender"].flatMap { Mailbox.list($0).first }
        m.replyTo = headers["Reply-To"].map(Mailbox.list) ?? []
        m.to = headers.all("To").flatMap(Mailbox.list)
        m.cc = headers.all("Cc").flatMap(Mailbox.list)
        m.subject = headers.text("Subject")
        m.date = headers["Date"].flatMap(MailDate.parse)
        m.messageId = headers["Message-ID"].flatMap { MessageIds.parse($0).first }
        m.inReplyTo = headers["In-Reply-To"].map(MessageIds.parse) ?? []
        m.references = headers["References"].map(MessageIds.parse) ?? []
    }

    /// What the walk collects: body texts in order, and files.
    struct Bodies {
        var text: [String] = []
        var html: [String] = []
        var attachments: [MailAttachment] = []
    }

    private static func walk(headers: Headers, body: ArraySlice<UInt8>, depth: Int, into out: inout Bodies, problems: inout [String]) {
        let type = HeaderParameters(headers["Content-Type"] ?? "text/plain")
        let mediaType = type.value.isEmpty || !type.value.contains("/") ? "text/plain" : type.value
        let disposition = headers["Content-Disposition"].map(HeaderParameters.init)
        let encoding = headers["Content-Transfer-Encoding"]

        if mediaType.hasPrefix("multipart/"), depth < maxDepth {
            let boundary = type["boundary"] ?? guessBoundary(body)
            guard let boundary, !boundary.isEmpty else {
                problems.append("multipart without a boundary; read as text")
                addText(TransferEncoding.decode(body, encoding: encoding), charset: type["charset"], html: false, into: &out)
                return
            }
            let parts = MultipartSplitter.split(body, boundary: boundary, problems: &problems)
            if mediaType == "multipart/alternative" {
                alternative(parts, depth: depth, into: &out, problems: &problems)
            } else {
                for part in parts {
                    let (h, start) = Headers.parse(part)
                    walk(headers: h, body: part[start...], depth: depth + 1, into: &out, problems: &problems)
                }
            }
            return
        }

        let data = TransferEncoding.decode(body, encoding: encoding)
        let filename = disposition?["filename"] ?? type["name"]
        let isAttachment = disposition?.value == "attachment" || filename != nil
        if !isAttachment, mediaType == "text/plain" || mediaType == "text/html" || mediaType == "text" {
            addText(data, charset: type["charset"], html: mediaType == "text/html", into: &out)
            return
        }
        if !isAttachment, mediaType == "message/delivery-status" || mediaType == "text/rfc822-headers" {
            out.attachments.append(file(headers, type: mediaType, filename: nil, data: data))
            return
        }
        out.attachments.append(file(headers, type: mediaType, filename: filename, data: data))
    }

    /// multipart/alternative: the plain and the HTML rendering of one body; other children
    /// (calendars, nested related parts with images) are walked as usual.
    private static func alternative(_ parts: [ArraySlice<UInt8>], depth: Int, into out: inout Bodies, problems: inout [String]) {
        var inner = Bodies()
        for part in parts {
            let (h, start) = Headers.parse(part)
            walk(headers: h, body: part[start...], depth: depth + 1, into: &inner, problems: &problems)
        }
        // Several renderings of one text: keep the last of each kind (the richest, by RFC 2046).
        if let text = inner.text.last { out.text.append(text) }
        if let html = inner.html.last { out.html.append(html) }
        out.attachments += inner.attachments
    }

    private static func addText(_ data: [UInt8], charset: String?, html: Bool, into out: inout Bodies) {
        if html {
            out.html.append(Charset.decode(data, charset: charset ?? HTMLText.declaredCharset(data)))
            return
        }
        // Uuencoded files inside a text body become attachments; the text around them stays.
        let text = Charset.decode(data, charset: charset)
        let (rest, files) = UUEncodedFiles.extract(from: text, bytes: data)
        out.text.append(rest)
        out.attachments += files
    }

    private static func file(_ headers: Headers, type: String, filename: String?, data: [UInt8]) -> MailAttachment {
        let disposition = headers["Content-Disposition"].map(HeaderParameters.init)
        let contentId = headers["Content-ID"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) }
        var name = filename?.trimmingCharacters(in: .whitespacesAndNewlines)
        if name?.isEmpty == true { name = nil }
        if name == nil, type == "message/rfc822" {
            // A forwarded message: name it after its subject.
            let inner = Headers.parse(data[...]).headers
            name = (inner.text("Subject").map { $0.isEmpty ? "message" : $0 } ?? "message") + ".eml"
        }
        return MailAttachment(
            filename: name, contentType: type, contentId: contentId?.isEmpty == true ? nil : contentId,
            disposition: disposition?.value == "inline" || (disposition == nil && contentId != nil) ? .inline : .attachment, data: data)
    }

    /// A multipart body whose boundary parameter is missing: the first `--token` line, if the
    /// same token starts another line.
    private static func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline)
        for line in lines where line.hasPrefix("--") && line.count > 3 {
            let token = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            if lines.filter({ $0.hasPrefix("--" + token) }).count >= 2 { return token.hasSuffix("--") ? String(token.dropLast(2)) : token }
        }
        return nil
    }
}

/// The parts of a multipart body, split at its boundary lines.
enum MultipartSplitter {
    static func split(_ body: ArraySlice<UInt8>, boundary: String, problems: inout [String]) -> [ArraySlice<UInt8>] {
        let marker = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        var closed = false
        while i < body.endIndex {
            var lineEnd = i
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < body.endIndex ? lineEnd + 1 : body.endIndex
            let line = body[i..<lineEnd]
            if line.starts(with: marker) {
                let after = line.dropFirst(marker.count)
                let isClose = after.starts(with: [0x2D, 0x2D])
                let rest = isClose ? after.dropFirst(2) : after
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart { parts.append(body[start..<trimEnd(body, i)]) }
                    partStart = isClose ? nil : next
                    if isClose {
                        closed = true
                        break
                    }
                }
            }
            i = next
        }
        if let start = partStart, start < body.endIndex {
            parts.append(body[start..<body.endIndex])
        }
        if !closed { problems.append("multipart without its closing boundary") }
        return parts
    }

    /// The line break before a boundary belongs to the boundary.
    private static func trimEnd(_ body: ArraySlice<UInt8>, _ end: Int) -> Int {
        var e = end
        if e > body.startIndex, body[e - 1] == 0x0A { e -= 1 }
        if e > body.startIndex, body[e - 1] == 0x0D { e -= 1 }
        return e
    }
}

/// Message ids in Message-ID, In-Reply-To and References: the `<…>` tokens, without brackets;
/// a bare id when the sender left the brackets off.
enum MessageIds {
    static func parse(_ raw: String) -> [String] {
        let (text, _) = Mailbox.withoutComments(raw)
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            ids = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init).filter { $0.contains("@") }
        }
        return ids
    }
}
