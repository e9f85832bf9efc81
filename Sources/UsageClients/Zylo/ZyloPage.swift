/// One page of a Zylo listing: its items under a resource-named key and the `nextPageToken` (`""` on the last page).
///
/// A page without its list is not an empty page: a gateway's `{"message": "..."}` answered with 200 must not end a
/// listing early, so only a present list (empty or not) decodes.
struct ZyloPage<Item: Decodable & Sendable>: Decodable, Sendable {
    let items: [Item]
    let nextPageToken: String?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The keys a list may carry its items under, most likely first: the vendor documents only `subscriptions`.
    static var itemKeys: [String] { ["subscriptions", "exportJobs", "importJobs", "jobs", "data", "items"] }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        nextPageToken = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "nextPageToken"))
        guard let key = Self.itemKeys.lazy.map(Key.init(stringValue:)).first(where: { container.contains($0) }) else {
            throw DecodingError.keyNotFound(
                Key(stringValue: Self.itemKeys[0]),
                DecodingError.Context(
                    codingPath: [],
                    debugDescription: "the page has no list under any of \(Self.itemKeys.joined(separator: ", "))"))
        }
        items = try container.decode([Item].self, forKey: key)
    }
}
