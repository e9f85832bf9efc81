import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// Thrown after a fault broke the connection, so nothing more is written to it.
struct ConnectionBrokenByScenario: Error {}

extension ScenarioFault {
    /// Whether the fault leaves no HTTP response at all.
    var breaksConnection: Bool {
        switch self {
        case .reset, .close, .garbage: true
        case .truncate, .trickle: false
        }
    }

    /// Resets, closes, or writes garbage to the connection and closes it.
    func breakConnection(_ channel: (any Channel)?) async {
        guard let channel else { return }
        switch self {
        case .reset:
            // SO_LINGER 0: the close sends RST instead of FIN, and the client sees "connection reset by peer".
            if let socket = channel as? any SocketOptionProvider {
                try? await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            }
        case .garbage:
            // Written from the response encoder's place in the pipeline, so the bytes reach the socket as they are.
            try? await channel.eventLoop.submit {
                let context = try channel.pipeline.syncOperations.context(handlerType: HTTPResponseEncoder.self)
                let garbage = context.channel.allocator.buffer(
                    string: "\u{1}\u{2}\u{3} not HTTP: a QA scenario\r\n\r\n")
                context.writeAndFlush(NIOAny(garbage), promise: nil)
            }.get()
        default:
            break
        }
        channel.close(mode: .all, promise: nil)
        try? await channel.closeFuture.get()
    }

    /// The response sent truncated (half the promised body, then FIN) or slowly.
    func mangle(_ response: Response, channel: (any Channel)?) async throws -> Response {
        let bytes = try await Self.collect(response.body)
        var response = response
        response.headers[.contentLength] = String(bytes.readableBytes)
        switch self {
        case .trickle(let chunkBytes, let intervalMs):
            response.body = ResponseBody(contentLength: bytes.readableBytes) { writer in
                var rest = bytes
                while rest.readableBytes > 0, let chunk = rest.readSlice(length: min(chunkBytes, rest.readableBytes)) {
                    try await writer.write(chunk)
                    if rest.readableBytes > 0 { try await Task.sleep(for: .milliseconds(intervalMs)) }
                }
                try await writer.finish(nil)
            }
        default:
            let half = bytes.getSlice(at: bytes.readerIndex, length: bytes.readableBytes / 2) ?? ByteBuffer()
            response.body = ResponseBody(contentLength: bytes.readableBytes) { writer in
                try await writer.write(half)
                await ScenarioFault.close.breakConnection(channel)
                throw ConnectionBrokenByScenario()
            }
        }
        return response
    }

    /// Every byte `body` writes.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = CollectedBody()
        try await body.write(CollectingWriter(sink: sink))
        return sink.buffer
    }
}

/// The bytes a response body wrote. Only touched by the one task writing the body.
private final class CollectedBody: @unchecked Sendable {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let sink: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
