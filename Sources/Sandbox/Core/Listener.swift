import HTTPTypes

/// Which of the sandbox's front doors a request came through, as the journal records it.
public enum Listener: String, Codable, Sendable {
    /// The plain HTTP port (`--port`).
    case http
    /// The TLS port (`--https-port`), by SNI and `Host`.
    case https
    /// The plain port acting as an HTTP proxy: a `CONNECT` tunnel or an absolute-form `http://` request.
    case proxy

    /// The header ``ProxyConnectHandler`` puts on an absolute-form proxy request (after removing any the client sent),
    /// read and removed again by ``SandboxResponder`` before anything else sees the request.
    static let proxyMarkerName = "x-usage-sandbox-proxied"
    static let proxyMarker = HTTPField.Name(proxyMarkerName)
}
