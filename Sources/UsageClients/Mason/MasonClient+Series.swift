import Foundation

extension MasonClient {
    /// The account's usage per day from `start` (inclusive) to `end` (exclusive), optionally only where
    /// `marker` has `markerValue`.
    ///
    /// ```swift
    /// let start = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
    /// let days = try await mason.accountSeries(start: start, end: start.addingTimeInterval(7 * 86_400))
    /// for day in days { print(day.day, day.total) }
    /// ```
    /// Days without usage may be left out.
    public func accountSeries(
        start: Date, end: Date, marker: MasonMarker? = nil, markerValue: String? = nil
    ) async throws -> [MasonDailyUsage] {
        try await series(path("/series/usage"), start: start, end: end, marker: marker, markerValue: markerValue)
    }

    /// One SIM's usage per day from `start` (inclusive) to `end` (exclusive), optionally only where `marker` has
    /// `markerValue`.
    ///
    /// ```swift
    /// let start = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
    /// let days = try await mason.simSeries(iccid: "iccid1", start: start, end: start.addingTimeInterval(86_400))
    /// print(days.first?.download ?? 0)
    /// ```
    public func simSeries(
        iccid: String, start: Date, end: Date, marker: MasonMarker? = nil, markerValue: String? = nil
    ) async throws -> [MasonDailyUsage] {
        try await series(
            path("/series/usage/sim/\(RequestExecutor.encode(iccid))"), start: start, end: end, marker: marker,
            markerValue: markerValue)
    }

    /// Every day of a series; Mason calls the series paginated but shows no page keys, so keys are followed when
    /// present.
    private func series(
        _ path: String, start: Date, end: Date, marker: MasonMarker?, markerValue: String?
    ) async throws -> [MasonDailyUsage] {
        var query = [("start", Self.rfc3339(start)), ("end", Self.rfc3339(end))]
        if let marker { query.append(("marker", marker.rawValue)) }
        if let markerValue { query.append(("markerValue", markerValue)) }
        var days: [MasonDailyUsage] = []
        for try await day in pages(MasonDailyUsage.self, path, query: query) { days.append(day) }
        return days
    }
}
