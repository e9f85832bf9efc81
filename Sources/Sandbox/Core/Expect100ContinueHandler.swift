import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` at once, so `curl -F file=@big.csv` does not wait a second before uploading.
///
/// A request whose declared body is over the limit gets no `100 Continue` and keeps its `Expect` header, so
/// ``RequestBodyReader`` answers it with a 413 at once instead of waiting for a body the client holds back.
final class Expect100ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let maxBodyBytes: Int

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data),
            head.headerFields[.expect]?.lowercased() == "100-continue"
        else {
            context.fireChannelRead(data)
            return
        }
        let declared = head.headerFields[.contentLength].flatMap(Int.init) ?? 0
        if declared <= maxBodyBytes {
            head.headerFields[.expect] = nil
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
