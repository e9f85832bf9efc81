import Foundation
import Synchronization

/// How many requests each vendor answered per second, by status class, over the last ``RequestRates/window``
/// seconds: what the dashboard draws, served at `GET /__admin/rates`.
///
/// Bounded by construction: one slot per second of the window, each a fixed grid of counters, reused as time moves
/// on. Counts follow the wall clock, not the virtual one: they describe the traffic, and a frozen or advanced
/// virtual clock would fold it into one second or spread it over hours.
///
/// ```swift
/// let rates = memory.register(RequestRates())
/// rates.record(vendor: .zylo, status: 401)
/// rates.series(seconds: 60)   // [Series(vendor: "zylo", statusClass: "4xx", counts: [0, …, 1])]
/// ```
public final class RequestRates: ResettableState {
    /// The seconds kept: ten minutes.
    public static let window = 600
    /// Where a request is counted: no vendor (a path outside every prefix) is `other`.
    static let vendors = Sandbox.emulatedVendors.map(\.rawValue) + ["other"]
    /// `fault` is a connection a scenario broke (status 0).
    static let classes = ["1xx", "2xx", "3xx", "4xx", "5xx", "fault"]

    /// One vendor's requests of one status class, one count per second, oldest first.
    public struct Series: Encodable, Sendable, Equatable {
        public let vendor: String
        public let statusClass: String
        public let counts: [Int]
    }

    private struct Slot {
        var second = -1
        var counts = [Int](repeating: 0, count: RequestRates.vendors.count * RequestRates.classes.count)
    }

    private let slots = Mutex([Slot](repeating: Slot(), count: RequestRates.window))
    private let now: @Sendable () -> Int

    /// `now` answers the current second (wall clock by default); tests pass their own.
    public init(now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.now = now
    }

    /// Counts one answered request.
    func record(vendor: Vendor?, status: Int) {
        let second = now()
        let vendorIndex = vendor.flatMap { Sandbox.emulatedVendors.firstIndex(of: $0) } ?? Self.vendors.count - 1
        let classIndex = (1...5).contains(status / 100) ? status / 100 - 1 : Self.classes.count - 1
        let cell = vendorIndex * Self.classes.count + classIndex
        slots.withLock { slots in
            let index = second % Self.window
            if slots[index].second != second { slots[index] = Slot(second: second) }
            slots[index].counts[cell] += 1
        }
    }

    /// The last `seconds` seconds up to the current one, one series per vendor and status class that saw any
    /// request, and the second the series end at (Unix time).
    public func series(seconds: Int) -> (end: Int, series: [Series]) {
        let end = now()
        let seconds = min(max(seconds, 1), Self.window)
        let grid = slots.withLock { slots in
            (0..<seconds).map { back -> [Int]? in
                let second = end - seconds + 1 + back
                let slot = slots[((second % Self.window) + Self.window) % Self.window]
                return slot.second == second ? slot.counts : nil
            }
        }
        var series: [Series] = []
        for (v, vendor) in Self.vendors.enumerated() {
            for (c, statusClass) in Self.classes.enumerated() {
                let cell = v * Self.classes.count + c
                let counts = grid.map { $0?[cell] ?? 0 }
                if counts.contains(where: { $0 > 0 }) {
                    series.append(Series(vendor: vendor, statusClass: statusClass, counts: counts))
                }
            }
        }
        return (end, series)
    }

    /// Forgets every count, as a reset does.
    public func reset() {
        slots.withLock { slots in
            for index in slots.indices { slots[index] = Slot() }
        }
    }

    /// How many seconds of the window hold counts.
    public var count: Int {
        slots.withLock { slots in slots.filter { $0.second >= 0 }.count }
    }
}
