import Foundation

/// A client for Mason's Connectivity Usage API (beta): monthly aggregates and daily series of SIM data usage.
///
/// It sends `Authorization: basic <API key>` (the raw key, as Mason expects) on every call; the key needs the
/// `connect:read` scope.
///
/// ```swift
/// let mason = MasonClient(apiKey: key)
/// let august = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
/// for try await row in mason.simUsages(month: august, orderByColumn: .download) {
///     print(row.sim?.iccid ?? "", row.usage.download)
/// }
/// ```
public struct MasonClient: Sendable {
    /// Mason's production API root, `https://api.bymason.com`.
    public static let liveBaseURL = URL(string: "https://api.bymason.com") ?? URL(fileURLWithPath: "/")

    let executor: RequestExecutor
    /// The fleet every path names, `default` unless the account has others.
    public let fleet: String

    /// A client for the API at `baseURL` (the sandbox's `…/mason` in tests) with an API key.
    ///
    /// - Parameters:
    ///   - apiKey: a key with the `connect:read` scope; it never appears in errors.
    ///   - fleet: the fleet in every path.
    public init(
        baseURL: URL = MasonClient.liveBaseURL, apiKey: String, fleet: String = "default",
        options: ClientOptions = ClientOptions()
    ) {
        self.fleet = fleet
        executor = RequestExecutor(
            vendor: "mason", baseURL: baseURL, options: options,
            authorizer: .fixed([(name: "Authorization", value: "basic \(apiKey)")]))
    }

    /// `date` as Mason's RFC 3339 parameters take it: `2020-08-01T00:00:00Z`, in UTC.
    public static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// The path under `/beta/{fleet}/data`.
    func path(_ rest: String) -> String {
        "/beta/\(RequestExecutor.encode(fleet))/data\(rest)"
    }

    /// Every item of the listing at `path`, following `after=<nextPage>` until the key is absent or empty.
    func pages<Item: Decodable & Sendable>(
        _ type: Item.Type, _ path: String, query: [(String, String)], limit: Int? = nil
    ) -> PagedSequence<Item> {
        let executor = executor
        return PagedSequence { cursor in
            var query = query
            if let limit { query.append(("limit", String(limit))) }
            if let cursor { query.append(("after", cursor)) }
            let page = try await executor.json(MasonPage<Item>.self, "GET", path, query: query)
            return (page.data, page.nextPage)
        }
    }
}
