import Foundation

/// Query strings of our own pages, read and written the same way everywhere (pagination,
/// filters, links between pages).
enum QueryString {
    /// The pairs of a query string, decoded, in order.
    static func parse(_ query: String) -> [(String, String)] {
        query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let key = parts.first, !key.isEmpty else { return nil }
            return (key, parts.count > 1 ? parts[1] : "")
        }
    }

    /// A query string of the pairs, encoded.
    static func encode(_ parameters: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,")
        return parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}
