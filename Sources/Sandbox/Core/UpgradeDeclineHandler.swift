import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Declines a protocol upgrade (`Connection: Upgrade` with `Upgrade: h2c`, `websocket`, ...) by answering the request
/// as plain HTTP/1.1 and closing the connection after the answer.
///
/// NIO's request decoder stops parsing a connection after a request that asks for an upgrade, whether or not the
/// upgrade happens (apple/swift-nio#2570). Left alone, a second request on that connection was never answered (a
/// `java.net.http` client, which offers h2c by default, waited for the 60 s idle timeout), and every byte a client
/// sent after the request piled up unparsed in the decoder's buffer: 400 MB sent made 400 MB resident. So the
/// request goes on with `Connection: close` (Hummingbird then ends the connection after it), the answer says
/// `Connection: close` so the client opens a new connection for its next request, nothing more is read from the
/// socket once the request has ended, and the connection closes when the answer is written.
final class UpgradeDeclineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        case plain
        /// An upgrade request is being read: its answer will close the connection.
        case declining
        /// The upgrade request has ended: the socket is not read again.
        case drained
    }

    private var state = State.plain

    /// Whether NIO's decoder treats `fields` as an upgrade request (llhttp's rule: an `Upgrade` field and an
    /// `upgrade` token in `Connection`), after which it parses nothing more on the connection.
    static func asksForUpgrade(_ fields: HTTPFields) -> Bool {
        guard fields[.upgrade] != nil else { return false }
        return fields[values: .connection].contains { value in
            value.split(separator: ",").contains { $0.lowercased().filter { $0 != " " && $0 != "\t" } == "upgrade" }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var head) where Self.asksForUpgrade(head.headerFields):
            state = .declining
            head.headerFields[.upgrade] = nil
            head.headerFields[.connection] = "close"
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .end where state == .declining:
            state = .drained
            context.fireChannelRead(data)
        default:
            context.fireChannelRead(data)
        }
    }

    func read(context: ChannelHandlerContext) {
        // Whatever follows the upgrade request is not HTTP NIO will parse: leave it in the client's socket.
        if state != .drained { context.read() }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard state != .plain else {
            context.write(data, promise: promise)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.kind != .informational:
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
        default:
            context.write(data, promise: promise)
        }
    }
}
