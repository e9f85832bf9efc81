/// One page of a Zylo listing: its items under a resource-named key and the `nextPageToken` (`""` on the last page).
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
        let key = Self.itemKeys.lazy.map(Key.init(stringValue:)).first { container.contains($0) }
        items = try key.map { try container.decodeIfPresent([Item].self, forKey: $0) ?? [] } ?? []
    }
}
