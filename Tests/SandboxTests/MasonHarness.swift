import HummingbirdTesting
import Testing

@testable import Sandbox

extension Harness {
    static let masonKey = "basic \(DemoCredentials.masonAPIKey)"

    /// A Mason GET with the demo key (or `authorization`).
    func mason(_ path: String, authorization: String? = Harness.masonKey) async throws -> TestResponse {
        try await request(
            .get, "/mason/beta/default/data/" + path, token: nil,
            headers: authorization.map { [.authorization: $0] } ?? [:])
    }

    /// The `data` array of a Mason response.
    func masonData(_ path: String) async throws -> [[String: Any]] {
        try await mason(path).json()["data"] as? [[String: Any]] ?? []
    }
}
