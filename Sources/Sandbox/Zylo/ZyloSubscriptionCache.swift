import NIOCore
import Synchronization

/// Zylo's fixture subscriptions in memory, and the list pages already answered.
///
/// Subscriptions never change after the fixtures are loaded, and a page's next token depends only on the tenant,
/// the listing, the page size, the cursor and the token generations, so an answered page is the answer to the same
/// request until a scenario invalidates page tokens (``forgetPages()``) or the sandbox is reset (``clear()``).
/// The pages are bounded by bytes: when full, the memo starts again empty.
final class ZyloSubscriptionCache: ResettableState {
    typealias Rows = [(position: Int64, json: ByteBuffer)]

    /// At most this many bytes of answered pages.
    static let pageBytes = 4 * 1024 * 1024

    private struct State {
        var rows: Rows?
        var pages: [String: ByteBuffer] = [:]
        var bytes = 0
        /// Raised by every clear, so a result computed before one is answered but not kept.
        var generation = 0
    }

    private let state = Mutex(State())

    /// The fixture rows, read with `load` the first time.
    func rows(_ load: () async throws -> Rows) async throws -> Rows {
        let (known, generation) = state.withLock { ($0.rows, $0.generation) }
        if let known { return known }
        let loaded = try await load()
        state.withLock { if $0.generation == generation { $0.rows = loaded } }
        return loaded
    }

    /// The page answered for `key`, and the generation to pass to ``remember(_:for:generation:)``.
    func page(_ key: String) -> (ByteBuffer?, Int) {
        state.withLock { ($0.pages[key], $0.generation) }
    }

    func remember(_ page: ByteBuffer, for key: String, generation: Int) {
        state.withLock { state in
            guard state.generation == generation, page.readableBytes <= Self.pageBytes else { return }
            if state.bytes + page.readableBytes > Self.pageBytes {
                state.pages.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.pages[key] = page
            state.bytes += page.readableBytes
        }
    }

    /// Forgets the answered pages (their tokens were invalidated), keeping the rows.
    func forgetPages() {
        state.withLock { state in
            state.pages = [:]
            state.bytes = 0
            state.generation += 1
        }
    }

    /// Forgets everything; the next listing reads the rows again.
    func reset() {
        state.withLock { $0 = State(generation: $0.generation + 1) }
    }

    /// Answered pages, plus one for the rows when they are loaded.
    var count: Int { state.withLock { $0.pages.count + ($0.rows == nil ? 0 : 1) } }
}
