import Crypto
import Foundation
import Vapor

/// The stylesheet and the script module, read from the app's resources at start and served
/// under a name that carries their hash, so browsers may keep them for a year.
struct Assets: Sendable {
    struct File: Sendable {
        let body: Data
        let contentType: HTTPMediaType
        let etag: String
    }

    static let names = ["app.css", "app.js"]
    let files: [String: File]

    static func load() throws -> Assets {
        var files: [String: File] = [:]
        for name in names {
            let parts = name.split(separator: ".")
            guard let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Resources/Public") else {
                throw Abort(.internalServerError, reason: "asset \(name) missing from the app's resources")
            }
            let body = try Data(contentsOf: url)
            let digest = SHA256.hash(data: body).prefix(6).map { String(format: "%02x", $0) }.joined()
            files[name] = File(body: body, contentType: name.hasSuffix(".css") ? .css : HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]), etag: digest)
        }
        return Assets(files: files)
    }

    /// The URL of an asset, with its version.
    static func path(_ name: String) -> String {
        "/assets/\(name)?v=\(shared.files[name]?.etag ?? "0")"
    }

    /// Read once, on first use; `configure` asks for it at start, so a missing file stops the start.
    static let loaded = Result { try load() }
    static let shared = (try? loaded.get()) ?? Assets(files: [:])

    @Sendable static func serve(_ req: Request) async throws -> Response {
        guard let name = req.parameters.get("name"), let file = shared.files[name] else { throw Abort(.notFound) }
        if req.headers.first(name: .ifNoneMatch) == "\"\(file.etag)\"" { return Response(status: .notModified) }
        let response = Response(status: .ok, body: .init(data: file.body))
        response.headers.contentType = file.contentType
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(file.etag)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
}

/// Security headers on every response: a strict Content-Security-Policy (no inline script or
/// style, no eval, nothing from elsewhere), no sniffing, no framing, no referrer leaks.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // A response with a policy of its own (a mail's HTML for its sandboxed frame) keeps it.
        if response.headers["Content-Security-Policy"].isEmpty {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy)
        }
        response.headers.replaceOrAdd(name: .xContentTypeOptions, value: "nosniff")
        if response.headers["X-Frame-Options"].isEmpty { response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY") }
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}
