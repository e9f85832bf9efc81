import Foundation
import Sandbox
import SandboxTesting
import UsageClients

extension MasonClient {
    /// A client for `sandbox`'s Mason with the demo key, or `apiKey` in its place.
    static func make(_ sandbox: TestSandbox, apiKey: String = DemoCredentials.masonAPIKey) -> MasonClient {
        MasonClient(baseURL: sandbox.url(vendor: .mason), apiKey: apiKey)
    }

    /// Mints a Mason key with only `scopes` through the sandbox's admin API.
    static func mintKey(_ key: String, scopes: [String], on sandbox: TestSandbox) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["vendor": "mason", "apiKey": key, "scopes": scopes])
        let request = HTTPRequestData(
            method: "POST", url: sandbox.url("/__admin/credentials"),
            headers: [(name: "Content-Type", value: "application/json")], body: body)
        let response = try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))
        guard response.status == 201 else { throw MasonTestFailure.mintFailed(response.status) }
    }
}

extension MasonUsage {
    /// The count `column` sorts by.
    func value(of column: MasonOrderColumn) -> Int64 {
        switch column {
        case .total: total
        case .upload: upload
        case .download: download
        }
    }
}

extension Date {
    /// `2020-08-01T00:00:00Z` plus `days`: the month the Mason fixtures have data for.
    static func masonAugust(day: Int = 1) -> Date {
        Date(timeIntervalSince1970: 1_596_240_000 + Double(day - 1) * 86_400)
    }
}

extension AsyncSequence where Self: Sendable, Element: Sendable {
    /// Every element, in order.
    func masonCollect() async throws -> [Element] {
        var all: [Element] = []
        for try await element in self { all.append(element) }
        return all
    }
}

enum MasonTestFailure: Error {
    case mintFailed(Int)
}
