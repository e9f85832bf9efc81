import Foundation

extension MasonClient {
    /// The account's usage in the month of `month`, one record, or one per value of `marker`.
    ///
    /// ```swift
    /// let august = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
    /// for try await row in mason.accountUsage(month: august, marker: .deviceType) {
    ///     print(row.marker?.value ?? "all", row.usage.total)
    /// }
    /// ```
    public func accountUsage(
        month: Date, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil, orderByColumn: MasonOrderColumn? = nil,
        limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        accountUsage(
            month: Self.rfc3339(month), marker: marker, orderBy: orderBy, orderByColumn: orderByColumn, limit: limit)
    }

    /// The account's usage in a month given as Mason's `date` parameter, sent as written (such as the vendor's
    /// `2020-08-01T0:00:00-00:00`).
    public func accountUsage(
        month: String, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil, orderByColumn: MasonOrderColumn? = nil,
        limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        pages(
            MasonAggregateUsage.self, path("/aggregate/usage"),
            query: Self.aggregateQuery(month, marker, orderBy, orderByColumn), limit: limit)
    }

    /// Every SIM's usage in the month of `month`, per SIM, or per SIM and value of `marker`.
    ///
    /// ```swift
    /// let august = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
    /// let sims = try await mason.simUsages(month: august, limit: 500).reduce(into: []) { $0.append($1) }
    /// print(sims.count)
    /// ```
    /// - Parameter limit: records per request; Mason's default and maximum are undocumented.
    public func simUsages(
        month: Date, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil, orderByColumn: MasonOrderColumn? = nil,
        limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        simUsages(
            month: Self.rfc3339(month), marker: marker, orderBy: orderBy, orderByColumn: orderByColumn, limit: limit)
    }

    /// Every SIM's usage in a month given as Mason's `date` parameter, sent as written.
    public func simUsages(
        month: String, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil, orderByColumn: MasonOrderColumn? = nil,
        limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        pages(
            MasonAggregateUsage.self, path("/aggregate/usage/sim"),
            query: Self.aggregateQuery(month, marker, orderBy, orderByColumn), limit: limit)
    }

    /// One SIM's usage in the month of `month`, one record, or one per value of `marker`.
    ///
    /// ```swift
    /// let august = try Date("2020-08-01T00:00:00Z", strategy: .iso8601)
    /// for try await row in mason.simUsage(iccid: "iccid1", month: august) { print(row.usage.total) }
    /// ```
    public func simUsage(
        iccid: String, month: Date, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil,
        orderByColumn: MasonOrderColumn? = nil, limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        simUsage(
            iccid: iccid, month: Self.rfc3339(month), marker: marker, orderBy: orderBy, orderByColumn: orderByColumn,
            limit: limit)
    }

    /// One SIM's usage in a month given as Mason's `date` parameter, sent as written.
    public func simUsage(
        iccid: String, month: String, marker: MasonMarker? = nil, orderBy: MasonOrder? = nil,
        orderByColumn: MasonOrderColumn? = nil, limit: Int? = nil
    ) -> PagedSequence<MasonAggregateUsage> {
        pages(
            MasonAggregateUsage.self, path("/aggregate/usage/sim/\(RequestExecutor.encode(iccid))"),
            query: Self.aggregateQuery(month, marker, orderBy, orderByColumn), limit: limit)
    }

    static func aggregateQuery(
        _ month: String, _ marker: MasonMarker?, _ orderBy: MasonOrder?, _ orderByColumn: MasonOrderColumn?
    ) -> [(String, String)] {
        var query = [("date", month)]
        if let marker { query.append(("marker", marker.rawValue)) }
        if let orderBy { query.append(("orderBy", orderBy.rawValue)) }
        if let orderByColumn { query.append(("orderByColumn", orderByColumn.rawValue)) }
        return query
    }
}
