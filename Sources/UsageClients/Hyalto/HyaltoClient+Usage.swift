import Foundation

extension HyaltoClient {
    /// The usage of one purchased service between two instants ("Retrieve Usage Data").
    ///
    /// Times travel as `yyyy-mm-dd hh:mm:ss` in UTC, whole seconds. Hyalto publishes no example of the answer, so
    /// every field of ``HyaltoUsageReport`` is optional.
    ///
    /// ```swift
    /// let report = try await hyalto.usageReport(serviceID: 1640101, from: julyStart, to: augustStart)
    /// for line in report.usage { print(line.property, line.quantity ?? 0, line.unit ?? "") }
    /// ```
    public func usageReport(serviceID: Int, from: Date, to: Date) async throws -> HyaltoUsageReport {
        try await executor.json(
            HyaltoUsageReport.self, "GET", "/reports/usage/service/\(serviceID)",
            query: [
                ("filter[from]", HyaltoTime.string(from, separator: " ")),
                ("filter[to]", HyaltoTime.string(to, separator: " ")),
            ])
    }

    /// The RAM and compute allocation changes of a customer's services between two instants, the route the public
    /// 2018 script reads.
    ///
    /// ```swift
    /// let raw = try await hyalto.rawUsage(accountID: 16401, serviceID: 1640101, start: julyStart, end: augustStart)
    /// for change in raw.services.first?.ram?.changes ?? [] { print(change.date ?? .distantPast, change.value ?? 0) }
    /// ```
    /// - Parameter serviceID: one service, or `nil` for all of the account's services.
    public func rawUsage(accountID: Int, serviceID: Int? = nil, start: Date, end: Date) async throws -> HyaltoRawUsage {
        var query: [(String, String)] = []
        if let serviceID { query.append(("filter[Services_id]", String(serviceID))) }
        query.append(("filter[startTime]", HyaltoTime.string(start, separator: "T")))
        query.append(("filter[endTime]", HyaltoTime.string(end, separator: "T")))
        return try await executor.json(
            HyaltoRawUsage.self, "GET", "/solutions/usage/account/\(accountID)/raw", query: query)
    }
}
