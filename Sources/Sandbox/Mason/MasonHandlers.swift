import Foundation
import Hummingbird
import SandboxFixtures

/// The Mason Connectivity Usage API's operations, one method each.
struct MasonHandlers: Sendable {
    let store: MasonStore
    let credentials: CredentialStore
    let fidelity: SandboxConfiguration.Fidelity

    /// GET Aggregate account usage: `/beta/{fleet}/data/aggregate/usage?date=`.
    func getAggregateAccountUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await aggregate(request, context, level: .account)
    }

    /// GET Aggregate Multi-SIM usage: `/beta/{fleet}/data/aggregate/usage/sim?date=`.
    func getAggregateMultiSIMUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await aggregate(request, context, level: .sims(iccid: nil))
    }

    /// GET Aggregate SIM usage: `/beta/{fleet}/data/aggregate/usage/sim/{iccid}?date=`.
    func getAggregateSIMUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await aggregate(request, context, level: .sims(iccid: context.parameters.get("iccid") ?? ""))
    }

    /// GET Time series account usage: `/beta/{fleet}/data/series/usage?start=&end=` (and `/series/usage/sim` with no
    /// iccid, which the vendor's own account examples call).
    func getTimeSeriesAccountUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await series(request, context, iccid: nil)
    }

    /// GET Time series SIM usage: `/beta/{fleet}/data/series/usage/sim/{iccid}` (the examples' path), and in lenient
    /// mode `/beta/{fleet}/data/series/usage/{iccid}` (the heading's path).
    func getTimeSeriesSIMUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await series(request, context, iccid: context.parameters.get("iccid") ?? "")
    }

    /// The heading's form of the SIM series path, served only in lenient mode.
    func getTimeSeriesSIMUsageByHeadingPath(_ request: Request, context: SandboxContext) async throws
        -> some ResponseGenerator
    {
        guard fidelity == .lenient else {
            throw SandboxFailure.notEmulated(method: request.method.rawValue, path: request.uri.path)
        }
        return try await series(request, context, iccid: context.parameters.get("iccid") ?? "")
    }

    private func aggregate(_ request: Request, _ context: SandboxContext, level: MasonStore.Level) async throws
        -> RawJSONResponse
    {
        _ = try await authenticate(request)
        var query = try MasonQuery.aggregate(
            request.queryValues(), settings: store.settings, lenient: fidelity == .lenient)
        if let cap = context.pageSizeCap { query.limit = min(query.limit, cap) }
        return RawJSONResponse(data: try await store.aggregateJSON(fleet: fleet(context), level: level, query: query))
    }

    private func series(_ request: Request, _ context: SandboxContext, iccid: String?) async throws
        -> JSONResponse<MasonWire.SeriesPage>
    {
        _ = try await authenticate(request)
        let query = try MasonQuery.series(request.queryValues(), lenient: fidelity == .lenient)
        return JSONResponse(try await store.series(fleet: fleet(context), iccid: iccid, query: query))
    }

    private func fleet(_ context: SandboxContext) -> String { context.parameters.get("fleet") ?? "" }
}
