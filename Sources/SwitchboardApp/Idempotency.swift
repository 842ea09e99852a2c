import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Creates with an `Idempotency-Key` header: the first request's response is stored in the same
/// transaction as the create, and a repeat of the key returns it again instead of creating twice.
/// The key sent again with another request body is refused (422), as the IETF draft
/// "The Idempotency-Key HTTP Header Field" asks.
enum Idempotency {
    static let header = "Idempotency-Key"

    static func create<D: Encodable & Sendable>(
        _ req: Request, principal: Principal, status: HTTPStatus = .created,
        storing redact: @escaping @Sendable (D) -> D = { $0 },
        _ body: @escaping @Sendable (WriteContext) async throws -> D
    ) async throws -> Response {
        let route = "\(req.method.rawValue) \(req.url.path)"
        guard let key = req.headers.first(name: header) else {
            return try respond(try await req.store.write(body), status: status)
        }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw DomainError.invalid(field: header, "must be 1–255 visible ASCII characters")
        }
        let userId = principal.user.id
        // The same key with another request (body or path) is a client's mistake, not a retry.
        let fingerprint = AuditHash.hex(Data((route + "\n" + (req.body.string ?? "")).utf8))
        if let replay = try await replay(req, userId: userId, key: key, route: route, fingerprint: fingerprint) { return replay }
        do {
            let data = try await req.store.write { ctx -> Data in
                let value = try await body(ctx)
                let stored = try APIJSON.encoder.encode(redact(value))
                try await ctx.storeIdempotentResponse(
                    userId: userId, key: key, route: route, status: Int(status.code), body: String(decoding: stored, as: UTF8.self),
                    fingerprint: fingerprint)
                return try APIJSON.encoder.encode(value)
            }
            let response = Response(status: status, body: .init(data: data))
            response.headers.contentType = .json
            return response
        } catch {
            // A concurrent request with the same key won the race: answer with its response.
            if let replay = try await replay(req, userId: userId, key: key, route: route, fingerprint: fingerprint) { return replay }
            throw error
        }
    }

    private static func replay(_ req: Request, userId: Int64, key: String, route: String, fingerprint: String) async throws -> Response? {
        guard let stored = try await req.store.read({ try await $0.idempotentResponse(userId: userId, key: key) }) else { return nil }
        guard stored.route == route else {
            throw DomainError(.invalid, field: header, "this key was already used for \(stored.route)")
        }
        guard stored.fingerprint == nil || stored.fingerprint == fingerprint else {
            throw DomainError(.invalid, field: header, "this key was already used with another request body; use a new key for a new request")
        }
        let response = Response(status: HTTPStatus(statusCode: stored.status), body: .init(string: stored.body))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return response
    }
}
