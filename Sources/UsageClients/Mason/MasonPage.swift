/// One page of a Mason listing: `data`, and the opaque `nextPage`/`prevPage` keys, which may be absent, `null` or
/// `""` on the last page.
///
/// `data` is required: a 200 answer without it (a gateway's `{"message": "..."}`) is not an empty page.
struct MasonPage<Item: Decodable & Sendable>: Decodable, Sendable {
    let data: [Item]
    let nextPage: String?
    let prevPage: String?

    private enum CodingKeys: String, CodingKey {
        case data, nextPage, prevPage
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decode([Item].self, forKey: .data)
        nextPage = try container.decodeIfPresent(String.self, forKey: .nextPage)
        prevPage = try container.decodeIfPresent(String.self, forKey: .prevPage)
    }
}
