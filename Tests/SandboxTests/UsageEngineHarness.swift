import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Sandbox

/// Usage Engine helpers: token requests, metering calls and JWT decoding.
extension Harness {
    static let ueTokenPath = "/usage-engine/authentication/v1/oauth/token"
    static let ueMetering = "/usage-engine/usage-metering/v1"

    /// A form-encoded client-credentials request for `clientId`, as the vendor's guides send it.
    static func ueForm(
        clientId: String = DemoCredentials.usageEngineClientID,
        clientSecret: String = DemoCredentials.usageEngineClientSecret,
        audience: String = DemoCredentials.usageEngineAudience, grantType: String = "client_credentials"
    ) -> String {
        let pairs = [
            ("grant_type", grantType), ("client_id", clientId), ("client_secret", clientSecret), ("audience", audience),
        ]
        return pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $1)" }
            .joined(separator: "&")
    }

    /// Posts `body` to the token endpoint (at `path`) with `contentType`.
    func ueTokenRequest(
        _ body: String = Harness.ueForm(), contentType: String? = "application/x-www-form-urlencoded",
        path: String = Harness.ueTokenPath, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let contentType { headers[.contentType] = contentType }
        return try await request(.post, path, token: nil, headers: headers, body: ByteBuffer(string: body))
    }

    /// A fresh access token for `clientId`.
    func ueToken(
        clientId: String = DemoCredentials.usageEngineClientID,
        clientSecret: String = DemoCredentials.usageEngineClientSecret
    ) async throws -> String {
        let response = try await ueTokenRequest(Self.ueForm(clientId: clientId, clientSecret: clientSecret))
        return try response.json()["access_token"] as? String ?? ""
    }

    /// Mints a Usage Engine Application Access (a new account) with `scopes` (all by default); answers its token.
    func ueMintToken(clientId: String, scopes: [String]? = nil) async throws -> String {
        let scopeList = scopes.map { ",\"scopes\":[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? ""
        let minted = try await post(
            "/__admin/credentials", token: nil,
            json: #"{"vendor":"usage-engine","clientId":"\#(clientId)","clientSecret":"secret-\#(clientId)""#
                + scopeList + "}")
        #expect(minted.status == .created)
        return try await ueToken(clientId: clientId, clientSecret: "secret-\(clientId)")
    }

    /// A metering call: `path` under `/usage-engine/usage-metering/v1`, with `json` as the body.
    func ue(_ method: HTTPRequest.Method, _ path: String, token: String, json: String? = nil) async throws
        -> TestResponse
    {
        let headers: HTTPFields = json == nil ? [:] : [.contentType: "application/json"]
        return try await request(
            method, Self.ueMetering + path, token: token, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Creates a meter type named `name` and answers its id.
    func ueMeterType(_ name: String = "Pay-Per-Print", token: String) async throws -> String {
        let response = try await ue(.post, "/meter-types", token: token, json: #"{"name":"\#(name)","unit":"page"}"#)
        #expect(response.status == .created)
        return try response.json()["id"] as? String ?? ""
    }

    /// Creates a meter of `typeId` with `meterKey` and answers its id.
    func ueMeter(typeId: String, meterKey: String = "key-1", token: String) async throws -> String {
        let body = #"{"userId":"101","meterKey":"\#(meterKey)","meterTypeId":"\#(typeId)"}"#
        let response = try await ue(.post, "/meters", token: token, json: body)
        #expect(response.status == .created)
        return try response.json()["id"] as? String ?? ""
    }
}

/// A compact JWS split into its decoded header and payload.
struct DecodedJWT {
    let header: [String: Any]
    let payload: [String: Any]
    let payloadText: String

    init(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func decode(_ part: String) -> Data {
            var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return Data(base64Encoded: base64) ?? Data()
        }
        let headerData = parts.count == 3 ? decode(parts[0]) : Data()
        let payloadData = parts.count == 3 ? decode(parts[1]) : Data()
        header = (try? JSONSerialization.jsonObject(with: headerData) as? [String: Any]) ?? [:]
        payload = (try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any]) ?? [:]
        payloadText = String(decoding: payloadData, as: UTF8.self)
    }

    /// `header` and `payload` re-encoded with `signature`: a forged token.
    static func forge(header: String, payload: String, signature: String) -> String {
        func encode(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return "\(encode(header)).\(encode(payload)).\(signature)"
    }
}
