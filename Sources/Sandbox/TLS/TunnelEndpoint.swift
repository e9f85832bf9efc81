import Synchronization

/// The loopback port of the TLS listener that serves proxy tunnels, once it is listening; `nil` while the HTTPS
/// proxy is off.
public final class TunnelEndpoint: Sendable {
    private let bound = Mutex<Int?>(nil)

    init() {}

    /// The port, or `nil` when no tunnel listener runs.
    var port: Int? { bound.withLock { $0 } }

    func listening(on port: Int) {
        bound.withLock { $0 = port }
    }
}
