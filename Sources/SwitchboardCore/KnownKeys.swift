/// Any key of a JSON object, to list the keys it holds.
public struct AnyCodingKey: CodingKey {
    public let stringValue: String
    public let intValue: Int?

    public init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Throws, naming the key, when the object being decoded holds a key that is not one of
    /// `Keys`: a mistyped condition or target must not be dropped without a word (a policy
    /// whose conditions all went missing would cover every ticket).
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        guard let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) else { return }
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath + [unknown], debugDescription: "is not a known field (known: \(known.joined(separator: ", ")))"))
    }
}
