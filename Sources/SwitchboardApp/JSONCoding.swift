import Foundation
import SwitchboardCore
import Vapor

/// The API's JSON: RFC 3339 times with milliseconds, in UTC.
enum APIJSON {
    static func formatter() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }

    static let encoder = StreamingJSONEncoder(dates: .rfc3339)

    /// The time `text` names: RFC 3339 as this API writes it (read without a formatter, since
    /// every event a consumer reads holds several), else what Foundation's ISO 8601 formatter reads.
    static func date(from text: String) -> Date? {
        RFC3339.date(from: text) ?? formatter().date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let date = date(from: try c.decode(String.self)) { return date }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "must be an RFC 3339 time like 2026-11-23T10:00:00Z")
        }
        return d
    }()

    /// Makes Vapor's content coding use these.
    static func install() {
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        ContentConfiguration.global.use(decoder: decoder, for: .json)
    }
}

extension StreamingJSONEncoder: ContentEncoder {
    /// Writes responses as JSON (`application/json; charset=utf-8`).
    public func encode<E: Encodable>(_ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders) throws {
        headers.contentType = .json
        body.writeBytes(try bytes(encodable))
    }
}
