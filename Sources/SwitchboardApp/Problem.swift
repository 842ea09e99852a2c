import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// An RFC 9457 problem document.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    /// The request field the problem is about ("requester.email").
    var field: String?
    /// For 409 on a stale ticket: the ticket as it is now.
    var current: TicketDTO?
}

/// The one place that turns errors into HTTP problem responses; nothing else renders errors.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        if error is SignInNeeded { return WebController.signInRedirect(request) }
        let problem = problem(for: error, request: request)
        if Self.wantsPage(request) {
            // A person in a browser gets a page in their language, not a JSON document.
            let l = request.localizer
            let detail = (error as? DomainError).map { FormMessages.text($0, l) } ?? problem.detail
            let page = ErrorPageView.render(status: problem.status, detail: detail, l)
            return WebController.html(page, status: HTTPResponseStatus(statusCode: problem.status))
        }
        let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
        response.body = .init(data: (try? APIJSON.encoder.encode(problem)) ?? Data())
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        if problem.status == 429 { response.headers.replaceOrAdd(name: .retryAfter, value: "900") }
        return response
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let e as DomainError:
            let status: Int =
                switch e.kind {
                case .invalid, .invalidTransition: 422
                case .notFound: 404
                case .forbidden: 403
                case .unauthorized: 401
                case .conflict: 409
                case .tooManyRequests: 429
                }
            return Problem(type: "about:blank#\(e.kind.rawValue)", title: title(status), status: status, detail: e.message, field: e.field)
        case let e as StaleTicket:
            return Problem(
                type: "about:blank#stale", title: "Conflict", status: 409,
                detail: "the ticket changed since version you sent; it is now at version \(e.current.version)", field: "version",
                current: TicketDTO(e.current))
        case let e as DecodingError:
            let (field, detail) = describe(e)
            return Problem(type: "about:blank#invalid", title: "Unprocessable Content", status: 422, detail: detail, field: field)
        case let e as any AbortError:
            let status = Int(e.status.code)
            var detail = e.reason
            if status == 413 { detail = "the request body is larger than the limit of \(request.application.config.maxBodySize) bytes" }
            if status == 400, detail.contains("JSON") || detail.contains("decode") { detail = "the body is not valid JSON" }
            return Problem(type: "about:blank", title: title(status), status: status, detail: detail, field: nil)
        case let e as StoreError where e.isUnavailable:
            return Problem(type: "about:blank", title: "Service Unavailable", status: 503, detail: e.description, field: nil)
        default:
            request.logger.error("unhandled error: \(String(reflecting: error))")
            return Problem(type: "about:blank", title: "Internal Server Error", status: 500, detail: "something went wrong on our side", field: nil)
        }
    }

    /// Whether the request came from a page (not the API or a script asking for JSON).
    static func wantsPage(_ request: Request) -> Bool {
        !request.url.path.hasPrefix("/api/") && request.url.path != "/healthz" && request.url.path != "/metrics"
            && (request.headers.first(name: .accept)?.contains("text/html") ?? false)
    }

    static func title(_ status: Int) -> String {
        status == 422 ? "Unprocessable Content" : HTTPResponseStatus(statusCode: status).reasonPhrase
    }

    /// Names the offending field of a decoding error as a dotted path.
    static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ keys: [any CodingKey]) -> String? {
            let parts = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return parts.isEmpty ? nil : parts.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            if ctx.codingPath.isEmpty { return (nil, "the body must be a JSON object") }
            return (path(ctx.codingPath), "must be of type \(jsonType(type))")
        case .valueNotFound(let type, let ctx):
            return (path(ctx.codingPath), "must not be null (expected \(jsonType(type)))")
        case .keyNotFound(let key, let ctx):
            return (path(ctx.codingPath + [key]), "is required")
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return (nil, "the body is not valid JSON") }
            return (path(ctx.codingPath), enumMessage(ctx.debugDescription) ?? ctx.debugDescription)
        @unknown default:
            return (nil, "the body could not be read")
        }
    }

    /// Rewrites Foundation's "Cannot initialize X from invalid String value y" into the allowed values.
    private static func enumMessage(_ text: String) -> String? {
        guard text.hasPrefix("Cannot initialize ") else { return nil }
        let typeName = text.dropFirst("Cannot initialize ".count).prefix { $0 != " " }
        let value = text.components(separatedBy: " value ").last ?? ""
        guard let allowed = allowedValues[String(typeName)] else { return "has an unknown value: \(value)" }
        return "must be one of \(allowed.joined(separator: ", ")) (got \(value))"
    }

    private static let allowedValues: [String: [String]] = [
        "TicketStatus": TicketStatus.allCases.map(\.rawValue), "TicketPriority": TicketPriority.allCases.map(\.rawValue),
        "TicketType": TicketType.allCases.map(\.rawValue), "ChannelKind": ChannelKind.allCases.map(\.rawValue),
        "Role": Role.allCases.map(\.rawValue), "OrganizationTier": OrganizationTier.allCases.map(\.rawValue),
        "TicketLinkKind": TicketLinkKind.allCases.map(\.rawValue), "Kind": CustomFieldDefinition.Kind.allCases.map(\.rawValue),
        "MessageVisibility": ["public", "internal"], "Author": ["me", "requester"],
    ]

    private static func jsonType(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("String") { return "string" }
        if name.contains("Int") || name.contains("Double") { return "number" }
        if name.contains("Bool") { return "boolean" }
        if name.contains("Array") { return "array" }
        if name.contains("Dictionary") { return "object" }
        return name
    }
}

extension DomainError {
    static let signInRequired = DomainError(.unauthorized, "sign in or send an API token (Authorization: Bearer …)")
}
