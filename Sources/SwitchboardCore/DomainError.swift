import Foundation

/// An error a use case reports to its caller; the App maps each kind to one HTTP status.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of the error.
    public enum Kind: String, Sendable, Equatable {
        case invalid        // 422: a field failed validation
        case invalidTransition  // 422: a status change that is not allowed
        case notFound       // 404
        case forbidden      // 403
        case unauthorized   // 401
        case conflict       // 409: stale version or duplicate
        case tooManyRequests  // 429
    }

    public let kind: Kind
    /// The request field the error is about, as a JSON pointer-ish dotted path ("requester.email").
    public let field: String?
    public let message: String

    public init(_ kind: Kind, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    public static func invalid(field: String, _ message: String) -> DomainError {
        DomainError(.invalid, field: field, message)
    }
    public static func invalidTransition(field: String, _ message: String) -> DomainError {
        DomainError(.invalidTransition, field: field, message)
    }
    public static func notFound(_ what: String, field: String? = nil) -> DomainError {
        DomainError(.notFound, field: field, "\(what) not found")
    }
    public static func forbidden(_ message: String) -> DomainError {
        DomainError(.forbidden, message)
    }
    public static func conflict(field: String? = nil, _ message: String) -> DomainError {
        DomainError(.conflict, field: field, message)
    }
}
