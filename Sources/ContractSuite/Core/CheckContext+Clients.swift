import UsageClients

extension CheckContext {
    /// The typed Zylo client on this check's endpoint.
    public func zyloClient() throws -> ZyloClient {
        guard case .zylo(let id, let secret) = endpoint.credential else { throw mismatch("Zylo") }
        return ZyloClient(baseURL: endpoint.baseURL, tokenID: id, tokenSecret: secret, options: clientOptions)
    }

    /// The typed Mason client on this check's endpoint.
    public func masonClient() throws -> MasonClient {
        guard case .mason(let key, let fleet) = endpoint.credential else { throw mismatch("Mason") }
        return MasonClient(baseURL: endpoint.baseURL, apiKey: key, fleet: fleet, options: clientOptions)
    }

    /// The typed Hyalto client on this check's endpoint, shared by the session's checks with this credential so
    /// its token is fetched once.
    public func hyaltoClient() throws -> HyaltoClient {
        guard case .hyalto(let accessKey, let secretKey) = endpoint.credential else { throw mismatch("Hyalto") }
        return tokens.client(for: "client|\(endpoint.baseURL.absoluteString)|\(credentialKey)") {
            HyaltoClient(baseURL: endpoint.baseURL, accessKey: accessKey, secretKey: secretKey, options: clientOptions)
        }
    }

    /// The typed Usage Engine client on this check's endpoint, shared by the session's checks with this credential
    /// so its token is fetched once (the token endpoint is rate limited).
    public func usageEngineClient() throws -> UsageEngineClient {
        guard case .usageEngine(let id, let secret, let audience) = endpoint.credential else {
            throw mismatch("Usage Engine")
        }
        return tokens.client(for: "client|\(endpoint.baseURL.absoluteString)|\(credentialKey)") {
            UsageEngineClient(
                baseURL: endpoint.baseURL, clientID: id, clientSecret: secret, audience: audience,
                options: clientOptions)
        }
    }

    /// Mason's fleet of this check.
    public var masonFleet: String {
        if case .mason(_, let fleet) = endpoint.credential { fleet } else { "default" }
    }

    private func mismatch(_ client: String) -> ContractFailure {
        ContractFailure("a \(client) client needs a \(client) credential, the endpoint is \(endpoint.vendor.rawValue)")
    }
}
