/// The secret a vendor's API takes, with the vendor's own parts.
public enum VendorCredential: Sendable {
    /// Hyalto's API key pair, exchanged for a JWT.
    case hyalto(accessKey: String, secretKey: String)
    /// A Usage Engine Application Access and the environment's token audience.
    case usageEngine(clientID: String, clientSecret: String, audience: String)
    /// A Zylo company token, sent as `Bearer TOKENID:TOKENSECRET`.
    case zylo(tokenID: String, tokenSecret: String)
    /// A Mason API key with `connect:read`, and the fleet to read.
    case mason(apiKey: String, fleet: String)
}
