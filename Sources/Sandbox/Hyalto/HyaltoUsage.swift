import Foundation

/// Usage as the integral of an allocation over time.
enum HyaltoUsage {
    /// Unit-hours of `changes` over `[from, to)` (each value holds until the next change) and the time-weighted
    /// average; zero before the first change.
    static func integral(_ changes: [HyaltoStore.Change], from: Int64, to: Int64) -> (quantity: Double, average: Double)
    {
        var total = 0.0
        for (index, change) in changes.enumerated() {
            let end = index + 1 < changes.count ? changes[index + 1].at : to
            total += change.value * Double(end - max(change.at, from)) / 3_600
        }
        let hours = Double(to - from) / 3_600
        return (total, hours > 0 ? total / hours : 0)
    }
}
