/// The API key pair as `POST /accountManagement/auth/token` takes it.
struct HyaltoTokenRequest: Encodable, Sendable {
    let accessKey: String
    let secretKey: String
}

/// The answer of `POST /accountManagement/auth/token`: `{"tokenType","accessToken","scope","expiresIn"}`.
struct HyaltoToken: Decodable, Sendable {
    /// The lifetime the seed documents (`expiresIn` 3600, `exp` − `iat`), for an answer that leaves it out.
    static let documentedLifetime: Int64 = 3_600

    let tokenType: String?
    let accessToken: String
    let scope: String?
    let expiresIn: Int64?
}
