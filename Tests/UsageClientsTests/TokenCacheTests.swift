import Foundation
import Synchronization
import Testing

@testable import UsageClients

@Suite("Token cache and pagination")
struct TokenCacheTests {
    @Test func concurrentCallers_shareOneFetch() async throws {
        let fetches = Mutex(0)
        let cache = TokenCache {
            try await Task.sleep(for: .milliseconds(50))
            return (
                fetches.withLock {
                    $0 += 1; return "token-\($0)"
                }, .seconds(3_600)
            )
        }
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.token(replacing: nil) } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tokens == ["token-1"] && fetches.withLock { $0 } == 1)
    }

    @Test func aRejectedToken_isReplacedOnce_evenWhenManyReportIt() async throws {
        let fetches = Mutex(0)
        let cache = TokenCache {
            (
                fetches.withLock {
                    $0 += 1; return "token-\($0)"
                }, .seconds(3_600)
            )
        }
        let first = try await cache.token(replacing: nil)
        let second = try await cache.token(replacing: first)
        #expect(try await cache.token(replacing: first) == second)
        #expect(second == "token-2" && fetches.withLock { $0 } == 2)
    }

    @Test func aTokenCloseToExpiry_isRefreshedBeforeUse() async throws {
        let fetches = Mutex(0)
        let cache = TokenCache(refreshMargin: .seconds(60)) {
            (
                fetches.withLock {
                    $0 += 1; return "t\($0)"
                }, .seconds(0)
            )
        }
        _ = try await cache.token(replacing: nil)
        _ = try await cache.token(replacing: nil)
        #expect(fetches.withLock { $0 } == 2)
        let shortFetches = Mutex(0)
        let shortLived = TokenCache(refreshMargin: .seconds(60)) {
            (
                shortFetches.withLock {
                    $0 += 1; return "short"
                }, .seconds(30)
            )
        }
        _ = try await shortLived.token(replacing: nil)
        _ = try await shortLived.token(replacing: nil)
        #expect(shortFetches.withLock { $0 } == 1)
    }

    @Test func pagedSequence_walksEveryPageAndStopsOnTheLastPageSignal() async throws {
        let pages: [String?: ([Int], String?)] = [nil: ([1, 2], "a"), "a": ([], "b"), "b": ([3], "")]
        let sequence = PagedSequence<Int> { cursor in pages[cursor] ?? ([], nil) }
        var items: [Int] = []
        for try await item in sequence { items.append(item) }
        #expect(items == [1, 2, 3])
    }

    @Test func pagedSequence_stopsWhenAVendorRepeatsAToken() async throws {
        let sequence = PagedSequence<Int> { _ in ([1], "same") }
        await #expect(throws: UsageClientError.self) {
            var count = 0
            for try await _ in sequence { count += 1 }
        }
    }
}
