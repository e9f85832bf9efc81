import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The one place a request body is read from the connection, before routing: once, bounded, and never twice.
///
/// A handler that reads the body afterwards gets the collected bytes again. A client that hangs up halfway is a
/// closed connection, never an error that a second read could trip over (Hummingbird asserts when a streamed body
/// is iterated twice, which killed the debug build). A body over the limit is read to its end and dropped, so a
/// client that sends the whole body before reading (Python's `urllib` and `http.client`) gets to read the 413.
enum RequestBodyReader {
    /// What became of the body.
    enum Outcome: Sendable {
        /// The request declares no body.
        case none
        /// The whole body, now also the request's body.
        case read(ByteBuffer)
        /// Over the limit; what was sent has been drained.
        case tooLarge
        /// Over the limit, and the client waits for `100 Continue` before sending it: nothing to drain.
        case tooLargeUnsent
        /// The connection ended (or failed) before the body did.
        case hungUp
    }

    /// How long an over-limit body is drained before the 413 is sent anyway.
    static let drainTime = Duration.seconds(15)

    static func read(_ request: inout Request, limit: Int) async -> Outcome {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        guard (declared ?? 0) > 0 || request.headers[.transferEncoding] != nil else { return .none }
        if let declared, declared > limit, request.headers[.expect]?.lowercased() == "100-continue" {
            return .tooLargeUnsent
        }
        var iterator = request.body.makeAsyncIterator()
        var collected = ByteBuffer()
        do {
            if let declared, declared > limit {
                try await drain(&iterator)
                return .tooLarge
            }
            while var chunk = try await iterator.next() {
                guard collected.readableBytes + chunk.readableBytes <= limit else {
                    try await drain(&iterator)
                    return .tooLarge
                }
                collected.writeBuffer(&chunk)
            }
        } catch {
            return .hungUp
        }
        request.body = RequestBody(buffer: collected)
        return .read(collected)
    }

    /// Reads and drops the rest of a body, for at most ``drainTime``.
    private static func drain(_ iterator: inout RequestBody.AsyncIterator) async throws {
        let deadline = ContinuousClock.now + drainTime
        while try await iterator.next() != nil {
            if ContinuousClock.now > deadline { return }
        }
    }
}
