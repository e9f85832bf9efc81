import Foundation
import UsageJSON

/// A JWT's header and claims, decoded without checking the signature (the suite checks shape, not keys).
public struct JWTParts: Sendable {
    /// The JOSE header.
    public let header: JSONValue
    /// The claims.
    public let claims: JSONValue
    /// How many dot-separated parts the token has (3 for a signed JWT).
    public let partCount: Int

    /// The parts of `token`, or `nil` when it is not a JWT.
    public init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let header = Self.decode(parts[0]), let claims = Self.decode(parts[1]) else {
            return nil
        }
        self.header = header
        self.claims = claims
        partCount = parts.count
    }

    private static func decode(_ part: String) -> JSONValue? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap(JSONValue.parse)
    }
}
