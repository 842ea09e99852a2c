import Foundation
import SwitchboardCore
import SwitchboardMail
import SwitchboardStore
import Vapor

/// A mail's HTML as its sender formatted it, for a sandboxed frame on the ticket page:
/// sanitized by allowlist, inline images (`cid:`) pointed at the message's attachments, remote
/// images held back until the agent asks (`?images=1`), and a policy that lets the document
/// run nothing and load nothing else.
enum WebMailView {
    @Sendable static func html(_ req: Request) async throws -> Response {
        _ = try await req.webPage(.viewTickets)
        let ticketId = try req.id(what: "ticket")
        let messageId = try req.id("message", what: "message")
        let remoteImages = req.query[String.self, at: "images"] == "1"
        let (html, files) = try await req.store.read { ctx -> (String?, [Attachment]) in
            guard let message = try await ctx.message(id: messageId), message.ticketId == ticketId else { return (nil, []) }
            return (try await ctx.messageHTML(messageId: messageId), try await ctx.attachments(ticketId: ticketId)[messageId] ?? [])
        }
        guard let html else { throw DomainError.notFound("message") }
        var body = HTMLSanitizer.sanitize(html).html
        for file in files {
            guard let cid = file.contentId else { continue }
            let name = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            body = body.replacingOccurrences(of: "src=\"cid:\(HTMLSanitizer.escape(cid, quotes: true))\"", with: "src=\"/attachments/\(file.id)/\(name)\"")
        }
        if remoteImages { body = body.replacingOccurrences(of: " data-remote-src=\"", with: " src=\"") }
        let document = "<!doctype html><html><head><meta charset=\"utf-8\"><base target=\"_blank\"></head><body>\(body)</body></html>"
        let response = Response(status: .ok, body: .init(string: document))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: "default-src 'none'; img-src 'self' data:\(remoteImages ? " https: http:" : ""); frame-ancestors 'self'; "
                + "sandbox allow-popups allow-popups-to-escape-sandbox")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "SAMEORIGIN")
        return response
    }
}
