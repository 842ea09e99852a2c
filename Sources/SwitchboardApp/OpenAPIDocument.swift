/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Plain data: keep it in step with `routes.swift`, `Requests.swift` and `DTOs.swift`.
/// `e2e/api/test_openapi_contract.py` checks every route against it.
enum OpenAPIDocument {
    /// The document: plain JSON split over several files only to keep each file short.
    static let json = [part1, part2, part3, mailPaths, slaPaths, routingPaths, automationPaths, macroPaths, sideConversationPaths, part3b, mailSchemas, slaSchemas, routingSchemas, automationSchemas, macroSchemas, sideConversationSchemas, part3c, part4, part5, part5b, part6].joined(separator: "\n")
}
