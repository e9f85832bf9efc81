import Synchronization

/// Where the sandbox listens, and the base of every link it hands out (Zylo's `downloadUri`).
///
/// A link is built from `--public-url` when given; else from the request's `Host` when that names a vendor host the
/// sandbox answers for, or the sandbox's own host and port; else from the listening address. An arbitrary `Host`
/// (`Host: evil.example`) never reaches a link a client follows with its download token.
public final class ListeningAddress: Sendable {
    private let host: String
    private let publicURL: String?
    private let port = Mutex(0)
    private let httpsPort = Mutex(0)

    init(host: String, port: Int, publicURL: String?) {
        self.host = host
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.port.withLock { $0 = port }
    }

    /// Records the bound port (the real one when `--port 0`).
    func bound(port: Int) {
        self.port.withLock { $0 = port }
    }

    /// Records the bound TLS port (`--https-port`, the real one when `0`).
    func bound(httpsPort: Int) {
        self.httpsPort.withLock { $0 = httpsPort }
    }

    /// The listening address as a URL, such as `http://127.0.0.1:8080`.
    public var url: String {
        let port = self.port.withLock { $0 }
        let name = host.contains(":") ? "[\(host)]" : host
        return "http://\(name):\(port)"
    }

    /// The scheme and authority links start with, for a request that came with `authority` as its `Host` over
    /// `scheme` (`https` on the TLS listener and inside a proxy tunnel), so a link works the way its request did.
    func baseURL(authority: String?, scheme: String = "http") -> String {
        if let publicURL { return publicURL }
        guard let authority else { return url }
        if Vendor(host: authority) != nil { return "\(scheme)://\(authority)" }
        let port = scheme == "https" ? httpsPort.withLock { $0 } : self.port.withLock { $0 }
        let loopback = ["127.0.0.1", "localhost", "[::1]", host, "[\(host)]"]
        if port != 0, loopback.contains(where: { authority.lowercased() == "\($0):\(port)" }) {
            return "\(scheme)://\(authority)"
        }
        return url
    }
}
