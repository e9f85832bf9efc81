import Foundation
import Synchronization

/// Aggregate pages already answered, by query: Mason's data does not change between resets.
///
/// At most ``capacity`` pages; when full it starts again empty, which keeps it bounded without bookkeeping.
final class MasonAggregateMemo: ResettableState {
    static let capacity = 4_096

    private let pages = Mutex<[String: Data]>([:])

    init(registeringWith memory: InMemoryState) {
        memory.register(self)
    }

    func page(_ key: String) -> Data? {
        pages.withLock { $0[key] }
    }

    func remember(_ page: Data, for key: String) {
        pages.withLock { pages in
            if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
    }

    func reset() {
        pages.withLock { $0.removeAll() }
    }

    var count: Int { pages.withLock { $0.count } }
}
