import Foundation
import Hummingbird

/// Usage Engine's sandbox-only admin routes, under `/__admin/usage-engine`.
struct UsageEngineAdmin: Sendable {
    let store: UsageEngineStore

    /// `POST /__admin/usage-engine/meters/{id}/usage`: `{"amount": N, "groups": {"Genres": "Comedy"}}`.
    struct MeterUsage: Decodable, Sendable {
        let amount: Double?
        let groups: [String: String]?
    }

    /// Records usage into a Usage Engine meter, as a stream would (sandbox route, not vendor API: in Usage Engine
    /// usage reaches a meter from a stream). Answers the meter in the vendor's shape.
    ///
    /// ```
    /// curl -X POST http://127.0.0.1:8080/__admin/usage-engine/meters/$METER/usage -d '{"amount": 40}'
    /// ```
    func recordMeterUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.decodeJSON(MeterUsage.self, context: context)
        let amount = body.amount ?? 1
        guard amount.isFinite, (-1e15...1e15).contains(amount) else {
            throw AdminError.badRequest("amount must be a number from -1e15 to 1e15, got \(amount)")
        }
        let groups = body.groups ?? [:]
        guard groups.count <= 20, groups.allSatisfy({ $0.key.utf8.count <= 256 && $0.value.utf8.count <= 1_024 })
        else {
            throw AdminError.badRequest(
                "groups must be an object of at most 20 string fields (names up to 256 bytes, values up to 1024)")
        }
        let id = context.parameters.get("id") ?? ""
        guard let meter = try await store.recordUsage(meterId: id, amount: amount, fields: groups)
        else { throw AdminError(status: .notFound, message: "no Usage Engine meter has id '\(id.prefix(64))'") }
        return JSONResponse(meter)
    }
}
