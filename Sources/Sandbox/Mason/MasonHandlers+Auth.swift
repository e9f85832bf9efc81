import Foundation
import Hummingbird

extension MasonHandlers {
    /// The scope every usage endpoint requires.
    static let requiredScope = "connect:read"

    /// The key behind `Authorization: basic <raw key>` (scheme in any case, key not base64); it must carry
    /// `connect:read` (compared case-insensitively). Lenient mode also takes `Basic base64(key)` and `Bearer key`.
    func authenticate(_ request: Request) async throws -> Credential {
        guard let header = request.headers[.authorization] else { throw MasonAPIError.missingToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw MasonAPIError.missingToken }
        let scheme = parts[0].lowercased()
        let raw = parts[1].trimmingBlanks()
        var candidates: [String] = []
        switch scheme {
        case "basic":
            candidates = [raw]
            if fidelity == .lenient, let data = Data(base64Encoded: raw),
                let decoded = String(data: data, encoding: .utf8)
            {
                candidates.append(decoded.hasSuffix(":") ? String(decoded.dropLast()) : decoded)
            }
        case "bearer" where fidelity == .lenient:
            candidates = [raw]
        default:
            throw MasonAPIError.missingToken
        }
        for candidate in candidates where !candidate.isEmpty {
            if let credential = try await credentials.find(vendor: .mason, key: candidate) {
                guard credential.scopes.contains(where: { $0.lowercased() == Self.requiredScope }) else {
                    throw MasonAPIError.forbidden("API key does not have the required scope \(Self.requiredScope)")
                }
                return credential
            }
        }
        throw MasonAPIError.invalidKey
    }
}
