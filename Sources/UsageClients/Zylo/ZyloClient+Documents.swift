import Foundation

extension ZyloClient {
    /// Every subscription of the company with every field exactly as sent, a page at a time, for copying a company
    /// (`usage-sandbox record`).
    ///
    /// ```swift
    /// for try await subscription in zylo.subscriptionDocuments(pageSize: 100) { print(subscription["id"] ?? .null) }
    /// ```
    public func subscriptionDocuments(pageSize: Int? = nil) -> PagedSequence<JSONValue> {
        pages(JSONValue.self, "/v1/subscriptions", pageSize: pageSize)
    }
}
