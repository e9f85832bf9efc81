import Foundation

/// A client for Zylo's v1 API: subscriptions, license aggregates, export jobs and legacy import jobs.
///
/// It sends `Authorization: Bearer TOKENID:TOKENSECRET` on every call, retries what is safe to retry, and reports
/// failures as ``UsageClientError``s carrying Zylo's `zylo-request-id`.
///
/// ```swift
/// let zylo = ZyloClient(tokenID: id, tokenSecret: secret)
/// for try await subscription in zylo.subscriptions() {
///     print(subscription.id, subscription.appDescription ?? "")
/// }
/// let rows = try await zylo.runExport()
/// ```
public struct ZyloClient: Sendable {
    /// Zylo's production API root, `https://api.zylo.com`.
    public static let liveBaseURL = URL(string: "https://api.zylo.com") ?? URL(fileURLWithPath: "/")

    let executor: RequestExecutor
    let options: ClientOptions

    /// A client for the API at `baseURL` (the sandbox's `…/zylo` in tests) with a company token.
    ///
    /// - Parameters:
    ///   - tokenID: the token's public id.
    ///   - tokenSecret: the secret shown once when the token was made; it never appears in errors.
    public init(
        baseURL: URL = ZyloClient.liveBaseURL, tokenID: String, tokenSecret: String,
        options: ClientOptions = ClientOptions()
    ) {
        self.options = options
        executor = RequestExecutor(
            vendor: "zylo", baseURL: baseURL, options: options,
            authorizer: .fixed([(name: "Authorization", value: "Bearer \(tokenID):\(tokenSecret)")]),
            requestIDHeader: "zylo-request-id")
    }

    /// Every subscription of the company, fetched a page at a time.
    ///
    /// ```swift
    /// let all = try await zylo.subscriptions(pageSize: 100).reduce(into: []) { $0.append($1) }
    /// ```
    /// - Parameter pageSize: subscriptions per request; Zylo's default is 50.
    public func subscriptions(pageSize: Int? = nil) -> PagedSequence<ZyloSubscription> {
        pages(ZyloSubscription.self, "/v1/subscriptions", pageSize: pageSize)
    }

    /// One subscription.
    ///
    /// ```swift
    /// let subscription = try await zylo.subscription(id: "9f797a9a-334a-44c1-81aa-1e4afdcb8595")
    /// print(subscription.status ?? "")
    /// ```
    public func subscription(id: String) async throws -> ZyloSubscription {
        try await executor.json(ZyloSubscription.self, "GET", "/v1/subscriptions/\(Self.segment(id))")
    }

    /// The user counts per license of one subscription.
    ///
    /// ```swift
    /// let aggregates = try await zylo.licenseAggregates(subscriptionID: id)
    /// for license in aggregates.licenses { print(license.name ?? "?", license.activeUsers ?? 0) }
    /// ```
    public func licenseAggregates(subscriptionID: String) async throws -> ZyloLicenseAggregates {
        try await executor.json(
            ZyloLicenseAggregates.self, "GET",
            "/v1/subscriptions/\(Self.segment(subscriptionID))/users/aggregates/licenses")
    }

    /// Every item of the listing at `path`, following `nextPageToken` until it is empty.
    func pages<Item: Decodable & Sendable>(_ type: Item.Type, _ path: String, pageSize: Int?) -> PagedSequence<Item> {
        let executor = executor
        return PagedSequence { cursor in
            var query: [(String, String)] = []
            if let pageSize { query.append(("pageSize", String(pageSize))) }
            if let cursor { query.append(("pageToken", cursor)) }
            let page = try await executor.json(ZyloPage<Item>.self, "GET", path, query: query)
            return (page.items, page.nextPageToken)
        }
    }

    /// `id` made safe for a URL path segment.
    static func segment(_ id: String) -> String { RequestExecutor.encode(id) }
}
