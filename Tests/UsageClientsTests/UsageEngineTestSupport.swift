import Foundation
import Sandbox
import SandboxTesting
import UsageClients

extension UsageEngineClient {
    /// The path the token is fetched from.
    static let tokenPath = "/authentication/v1/oauth/token"

    /// A client for `sandbox`'s Usage Engine with the demo client (or `clientID`/`clientSecret` in its place).
    static func make(
        _ sandbox: TestSandbox, clientID: String = DemoCredentials.usageEngineClientID,
        clientSecret: String = DemoCredentials.usageEngineClientSecret, options: ClientOptions? = nil
    ) -> UsageEngineClient {
        UsageEngineClient(
            baseURL: sandbox.url(vendor: .usageEngine), clientID: clientID, clientSecret: clientSecret,
            audience: DemoCredentials.usageEngineAudience, options: options ?? .onVirtualClock(sandbox))
    }

    /// A client of a new Application Access with only `scopes`, minted through the sandbox's admin API.
    static func minted(_ sandbox: TestSandbox, clientID: String, scopes: [String]) async throws -> UsageEngineClient {
        let secret = "\(clientID)-secret"
        let body = try JSONSerialization.data(withJSONObject: [
            "vendor": "usage-engine", "clientId": clientID, "clientSecret": secret, "scopes": scopes,
        ])
        let request = HTTPRequestData(
            method: "POST", url: sandbox.url("/__admin/credentials"),
            headers: [(name: "Content-Type", value: "application/json")], body: body)
        let response = try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))
        guard response.status == 201 else { throw UsageEngineTestFailure.mintFailed(response.status) }
        return make(sandbox, clientID: clientID, clientSecret: secret)
    }

    /// A new meter type named `name` counting pages by sum.
    func makeMeterType(_ name: String = "Pay-Per-Print") async throws -> UsageEngineMeterType {
        try await createMeterType(
            UsageEngineNewMeterType(name: name, unit: "page", category: "printing", aggregation: .sum))
    }
}

enum UsageEngineTestFailure: Error {
    case mintFailed(Int)
}
