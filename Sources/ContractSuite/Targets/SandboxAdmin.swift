import Foundation
import UsageClients
import UsageJSON

/// A sandbox's `/__admin` API, as a contract run uses it: fresh credentials per check, and the virtual clock.
public struct SandboxAdmin: Sendable {
    /// The sandbox root, such as `http://127.0.0.1:8080`.
    public let root: URL
    /// The `--admin-token` the sandbox was started with, if any.
    public let token: String?
    let http: RawHTTP

    /// The admin API of the sandbox at `root`.
    public init(root: URL, token: String? = nil) {
        self.root = root
        self.token = token
        http = RawHTTP(baseURL: root)
    }

    /// A new credential of `vendor` (its own tenant), as an endpoint under the sandbox's vendor prefix.
    ///
    /// - Parameter scopes: Mason or Usage Engine scopes; the vendor's full default set when `nil`.
    public func mint(_ vendor: ContractVendor, scopes: [String]? = nil) async throws -> VendorEndpoint {
        var request: [String: JSONValue] = ["vendor": .string(vendor.rawValue), "label": .string("contract")]
        if let scopes { request["scopes"] = .array(scopes.map(JSONValue.string)) }
        let response = try await send("POST", "/__admin/credentials", JSONValue.body(request))
        guard response.status == 201, let body = response.json else {
            throw ContractFailure(
                "minting a \(vendor.rawValue) credential answered \(response.status): \(response.snippet)")
        }
        func field(_ name: String) throws -> String {
            guard let value = body[name]?.string else {
                throw ContractFailure("the minted \(vendor.rawValue) credential has no \(name): \(response.snippet)")
            }
            return value
        }
        let credential: VendorCredential =
            switch vendor {
            case .hyalto: .hyalto(accessKey: try field("accessKey"), secretKey: try field("secretKey"))
            case .usageEngine:
                .usageEngine(
                    clientID: try field("clientId"), clientSecret: try field("clientSecret"),
                    audience: try field("audience"))
            case .zylo: .zylo(tokenID: try field("tokenId"), tokenSecret: try field("tokenSecret"))
            case .mason: .mason(apiKey: try field("apiKey"), fleet: "default")
            }
        return VendorEndpoint(
            vendor: vendor, baseURL: root.appending(path: vendor.rawValue), credential: credential)
    }

    /// Moves the sandbox's virtual clock forward by `seconds`.
    public func advanceClock(by seconds: Double) async throws {
        let response = try await send("POST", "/__admin/clock", Data(#"{"advance":\#(seconds)}"#.utf8))
        guard response.status == 200 else {
            throw ContractFailure("advancing the sandbox clock answered \(response.status): \(response.snippet)")
        }
    }

    /// Whether `GET /__admin/health` answers 200.
    public func health() async throws -> RawResponse {
        try await send("GET", "/__admin/health", nil)
    }

    private func send(_ method: String, _ path: String, _ body: Data?) async throws -> RawResponse {
        var headers = [(name: "Content-Type", value: "application/json")]
        if let token { headers.append((name: "Authorization", value: "Bearer \(token)")) }
        return try await http.send(method, path, headers: headers, body: body)
    }
}
