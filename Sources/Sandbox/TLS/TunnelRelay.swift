import Foundation
import NIOCore

/// One end of a proxy tunnel: bytes read on its channel are written to its partner's, and when either channel
/// closes, so does the other (with a reset when the far side was reset, so a `reset` fault crosses the tunnel).
///
/// Both ends run on the same event loop (the tunnel's loopback connection is made on the client's loop), so they
/// call each other directly.
final class TunnelRelay: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?
    private var partner: TunnelRelay?
    /// Bytes the client sent before the far end was connected (its TLS hello).
    private var pending: [ByteBuffer] = []
    private var wasReset = false

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Joins the two ends and hands over what the client already sent.
    func pair(with other: TunnelRelay) {
        partner = other
        other.partner = self
        for buffer in pending { other.send(buffer) }
        pending.removeAll()
        other.context?.flush()
    }

    /// Writes `text` (the proxy's status line) straight to this end's socket.
    func reply(_ text: String) {
        guard let context else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }

    /// Closes this end, with a TCP reset when `reset`.
    func close(reset: Bool) {
        guard let channel = context?.channel else { return }
        guard reset, let socket = channel as? any SocketOptionProvider else {
            channel.close(promise: nil)
            return
        }
        socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if let partner { partner.send(buffer) } else { pending.append(buffer) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        partner?.context?.flush()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // A slow reader on this side stops reads on the other, so a large download is not buffered here.
        if let channel = partner?.context?.channel {
            channel.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenComplete { _ in }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.close(reset: wasReset)
        partner = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? IOError, error.errnoCode == ECONNRESET { wasReset = true }
        context.close(promise: nil)
    }

    private func send(_ buffer: ByteBuffer) {
        context?.write(wrapOutboundOut(buffer), promise: nil)
    }
}
