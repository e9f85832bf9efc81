import Foundation
import Hummingbird

extension ZyloHandlers {
    /// The credential behind `Authorization: Bearer TOKENID:TOKENSECRET` (split on the first colon).
    ///
    /// Missing, malformed or unknown credentials all get exactly `{"statusCode":401,"message":"Unauthorized"}`.
    func authenticate(_ request: Request) async throws -> Credential {
        guard let header = request.headers[.authorization] else { throw ZyloAPIError.unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let colon = parts[1].firstIndex(of: ":")
        else { throw ZyloAPIError.unauthorized }
        let tokenID = parts[1][..<colon].trimmingBlanks()
        let secret = parts[1][parts[1].index(after: colon)...].trimmingBlanks()
        guard !tokenID.isEmpty, !secret.isEmpty,
            let credential = try await credentials.find(vendor: .zylo, key: tokenID),
            let expected = credential.secret, constantTimeEquals(expected, secret)
        else { throw ZyloAPIError.unauthorized }
        return credential
    }
}

/// Compares two secrets in time that depends only on their lengths.
func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    let a = Array(lhs.utf8)
    let b = Array(rhs.utf8)
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
