import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// Makes the plain listener an HTTP proxy for the vendors' hosts, and nothing else.
///
/// It sits between NIO's request decoder and Hummingbird's codec, where the request target is still as the client
/// wrote it:
/// - `CONNECT api.zylo.com:443` (a vendor host, port 443, with `--https-port` on) is answered `200` and the
///   connection becomes a byte relay to the sandbox's own TLS listener for tunnels on loopback, which presents the
///   vendor's certificate and serves the request like any other. Any other `CONNECT` gets a 403 naming the host;
///   the sandbox never opens a connection anywhere but to itself.
/// - An absolute-form request (`GET http://api.zylo.com/v1/...`) takes its `Host` from the target and is marked
///   as a proxy request for the journal; routing by host name then does the rest.
final class ProxyConnectHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let tunnel: TunnelEndpoint
    /// Whether a `CONNECT` was answered: the parts after its head are not passed on, and the connection carries no
    /// more HTTP.
    private var connected = false

    init(tunnel: TunnelEndpoint) {
        self.tunnel = tunnel
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // After a CONNECT, nothing more on this connection is HTTP for the sandbox.
        if connected { return }
        switch unwrapInboundIn(data) {
        case .head(let head) where head.method == .CONNECT:
            // Answered at its head: NIO's decoder treats the rest of the connection as another protocol's.
            connected = true
            answerConnect(context: context, target: head.uri)
        case .head(var head):
            head.headers.remove(name: Listener.proxyMarkerName)
            if let authority = Self.absoluteFormAuthority(head.uri) {
                head.headers.replaceOrAdd(name: "host", value: authority)
                head.headers.add(name: Listener.proxyMarkerName, value: "1")
            }
            context.fireChannelRead(wrapInboundOut(.head(head)))
        default:
            context.fireChannelRead(data)
        }
    }

    /// The authority of an absolute-form target (`http://api.zylo.com/v1/x` gives `api.zylo.com`), `nil` for the
    /// usual origin form (`/v1/x`).
    static func absoluteFormAuthority(_ target: String) -> String? {
        guard target.lowercased().hasPrefix("http://") else { return nil }
        let rest = target.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.isEmpty ? nil : String(authority)
    }

    /// Why the sandbox will not tunnel to `target`, or `nil` when it will.
    static func refusal(target: String, tunnelOn: Bool) -> String? {
        let host = target.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        let port = target.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
        let hosts = CertificateAuthority.permittedHostNames.filter { $0 != "localhost" }.joined(separator: ", ")
        guard Vendor(host: host) != nil else {
            return "CONNECT \(target) refused: usage-sandbox emulates only these vendors' hosts (\(hosts)) "
                + "and never connects anywhere else"
        }
        guard port == "443" else { return "CONNECT \(target) refused: usage-sandbox tunnels only port 443 of \(host)" }
        guard tunnelOn else {
            return "CONNECT \(target) refused: the HTTPS proxy is off; start usage-sandbox serve with --https-port"
        }
        return nil
    }

    private func answerConnect(context: ChannelHandlerContext, target: String) {
        let port = tunnel.port
        if let reason = Self.refusal(target: target, tunnelOn: port != nil) {
            refuse(context: context, reason: reason)
            return
        }
        guard let port else { return }
        do {
            try openTunnel(context: context, port: port)
        } catch {
            context.close(promise: nil)
        }
    }

    /// Turns the connection into a relay to the tunnel listener on `port`: a ``TunnelRelay`` at the head of the
    /// pipeline takes every byte from now on, so the HTTP handlers behind it never see the TLS inside.
    private func openTunnel(context: ChannelHandlerContext, port: Int) throws {
        let pipeline = context.pipeline.syncOperations
        let client = TunnelRelay()
        try pipeline.addHandler(client, position: .first)
        // The tunnel's idle time is the TLS listener's business; Hummingbird's timer here sees none of its traffic.
        if let idle = try? pipeline.handler(type: HTTPConnectionStateHandler.self) {
            pipeline.removeHandler(idle, promise: nil)
        }
        let bound = NIOLoopBound(client, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let server = TunnelRelay()
                    try channel.pipeline.syncOperations.addHandler(server)
                    bound.value.pair(with: server)
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .whenComplete { result in
                switch result {
                case .success:
                    bound.value.reply("HTTP/1.1 200 Connection Established\r\n\r\n")
                case .failure:
                    bound.value.reply("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    bound.value.close(reset: false)
                }
            }
    }

    /// Answers 403 with `reason` as the body, written below the response encoder (the decoder is past a `CONNECT`
    /// and the connection cannot carry another request), then closes.
    private func refuse(context: ChannelHandlerContext, reason: String) {
        let body = reason + "\n"
        let text =
            "HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain; charset=utf-8\r\n"
            + "content-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n" + body
        guard let encoder = try? context.pipeline.syncOperations.context(handlerType: HTTPResponseEncoder.self) else {
            context.close(promise: nil)
            return
        }
        let channel = context.channel
        encoder.writeAndFlush(NIOAny(channel.allocator.buffer(string: text))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
