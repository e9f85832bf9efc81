import Foundation

extension HyaltoClient {
    /// The customer accounts with every field as sent, for copying an account (`usage-sandbox record`).
    ///
    /// ```swift
    /// let customers = try await hyalto.accountDocuments()
    /// ```
    public func accountDocuments() async throws -> [JSONValue] {
        try await executor.json([JSONValue].self, "GET", "/accountManagement/accounts")
    }

    /// One customer's purchased services with every field as sent.
    ///
    /// ```swift
    /// let services = try await hyalto.serviceDocuments(accountID: 16401)
    /// ```
    public func serviceDocuments(accountID: Int) async throws -> [JSONValue] {
        try await executor.json([JSONValue].self, "GET", "/serviceOfferings/accounts/\(accountID)/services/")
    }
}
