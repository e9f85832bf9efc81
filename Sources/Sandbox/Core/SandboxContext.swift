import Hummingbird
import NIOCore

/// What the sandbox knows about a request while it is handled: its id, its vendor, and the socket it came on.
public struct SandboxContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The id echoed in the vendor's request-id header and kept in the journal.
    public var requestID = ""
    /// The vendor the request was routed to, `nil` for `/__admin` and unknown paths.
    public var vendor: Vendor?
    /// The URL the vendor's API is reachable at for this client, such as `http://127.0.0.1:8080/zylo`.
    public var vendorBaseURL = ""
    /// The largest body a handler may read.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// The largest page a listing may answer, while a scenario's `pageSize` effect is in force.
    public var pageSizeCap: Int?
    /// The listener the request came through; links handed out use its scheme.
    public var listener = Listener.http
    /// `https` when the request came over TLS (the TLS listener or a proxy tunnel), else `http`.
    public var scheme = "http"
    /// The connection, kept so scenarios can close or reset it.
    public let channel: (any Channel)?

    /// Creates the context Hummingbird hands to the sandbox for each request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
