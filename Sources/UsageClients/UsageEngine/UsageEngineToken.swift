/// The answer of `POST /authentication/v1/oauth/token`: `{"access_token","scope","expires_in","token_type"}`.
struct UsageEngineToken: Decodable, Sendable {
    /// The one hour Usage Engine documents, for an answer without `expires_in`.
    static let documentedLifetime: Int64 = 3_600

    let accessToken: String
    let scope: String?
    let expiresIn: Int64?
    let tokenType: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case scope
        case expiresIn = "expires_in"
        case tokenType = "token_type"
    }
}
