/// Every item of a paginated listing, fetching pages as the caller iterates and stopping on the vendor's
/// last-page signal (an empty or missing next-page token).
///
/// ```swift
/// for try await subscription in zylo.subscriptions() {
///     print(subscription.id)
/// }
/// ```
public struct PagedSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after `cursor` (`nil` for the first), answering its items and the next cursor.
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> (items: [Element], next: String?)

    private let fetch: Fetch

    /// A sequence over the pages `fetch` answers.
    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(fetch: fetch) }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private let fetch: Fetch
        private var buffer: [Element] = []
        private var index = 0
        private var cursor: String?
        private var finished = false
        private var seen: Set<String> = []

        init(fetch: @escaping Fetch) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                guard !finished else { return nil }
                let page = try await fetch(cursor)
                buffer = page.items
                index = 0
                if let next = page.next, !next.isEmpty {
                    // A vendor answering the same token twice would otherwise loop forever.
                    guard seen.insert(next).inserted else {
                        throw UsageClientError(
                            kind: .decoding, message: "the vendor returned the page token '\(next)' twice")
                    }
                    cursor = next
                } else {
                    finished = true
                }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
