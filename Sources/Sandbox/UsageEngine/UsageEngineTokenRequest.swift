import Foundation
import Hummingbird

/// The parameters of `POST /authentication/v1/oauth/token`, read from a JSON body (the vendor's reference) or a
/// form body (its guides), and in lenient mode from HTTP Basic client authentication.
struct UsageEngineTokenRequest: Sendable, Equatable {
    var grantType: String
    var clientId: String
    var clientSecret: String
    var audience: String
    /// Whether the client authenticated with `Authorization: Basic`.
    var basicAuth = false

    /// The longest parameter value accepted (Auth0's client ids are 32 characters, secrets 64).
    static let maxParameterBytes = 1_024

    /// The token request `request` carries; every problem is an `invalid_request` naming the parameter.
    ///
    /// Sandbox choice: a body with no `Content-Type` is read as JSON when it starts with `{`, else as a form;
    /// strict mode requires one of the two media types and ignores `Authorization: Basic`.
    static func read(_ request: inout Request, context: SandboxContext, lenient: Bool) async throws -> Self {
        let buffer = try await request.collectBody(context: context)
        let body = Data(buffer.readableBytesView)
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        var fields: [String: String]
        switch mediaType {
        case "application/json": fields = try json(body)
        case "application/x-www-form-urlencoded": fields = try form(body)
        case nil where lenient: fields = body.first == UInt8(ascii: "{") ? try json(body) : try form(body)
        default:
            throw UsageEngineOAuthError.invalidRequest(
                "Content-Type must be application/json or application/x-www-form-urlencoded")
        }
        let basic = lenient ? try basicCredentials(request) : nil
        if let basic {
            if fields["client_secret"] != nil {
                throw UsageEngineOAuthError.invalidRequest(
                    "client credentials must be sent either in the body or with Authorization: Basic, not both")
            }
            if let id = fields["client_id"], id != basic.id {
                throw UsageEngineOAuthError.invalidRequest("client_id does not match the Authorization header")
            }
            fields["client_id"] = basic.id
            fields["client_secret"] = basic.secret
        }
        func required(_ name: String) throws -> String {
            guard let value = fields[name], !value.isEmpty else {
                throw UsageEngineOAuthError.invalidRequest("Missing required parameter: \(name)")
            }
            guard value.utf8.count <= maxParameterBytes else {
                throw UsageEngineOAuthError.invalidRequest("\(name) is too long (at most \(maxParameterBytes) bytes)")
            }
            return value
        }
        let grantType = try required("grant_type")
        guard grantType == "client_credentials" else { throw UsageEngineOAuthError.unsupportedGrantType(grantType) }
        return Self(
            grantType: grantType, clientId: try required("client_id"), clientSecret: try required("client_secret"),
            audience: try required("audience"), basicAuth: basic != nil)
    }

    /// A JSON object's string members; any other member type is an error naming it.
    static func json(_ body: Data) throws -> [String: String] {
        guard !body.isEmpty else { throw UsageEngineOAuthError.invalidRequest("the request body is empty") }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw UsageEngineOAuthError.invalidRequest("the request body must be a JSON object")
        }
        var fields: [String: String] = [:]
        for (name, value) in object {
            guard let string = value as? String else {
                throw UsageEngineOAuthError.invalidRequest("\(name) must be a string")
            }
            fields[name] = string
        }
        return fields
    }

    /// An `application/x-www-form-urlencoded` body; a repeated parameter is an error (RFC 6749 section 3.2).
    static func form(_ body: Data) throws -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw UsageEngineOAuthError.invalidRequest("the form body has a malformed percent-encoding")
            }
            guard fields[name] == nil else {
                throw UsageEngineOAuthError.invalidRequest("\(name) must not be repeated")
            }
            fields[name] = value
        }
        return fields
    }

    /// The client id and secret of `Authorization: Basic base64(id:secret)`, each form-decoded (RFC 6749 2.3.1).
    static func basicCredentials(_ request: Request) throws -> (id: String, secret: String)? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic" else { return nil }
        guard let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":"),
            let id = decode(text[..<colon]), let secret = decode(text[text.index(after: colon)...])
        else { throw UsageEngineOAuthError.invalidRequest("the Authorization header is not valid Basic credentials") }
        return (id, secret)
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
