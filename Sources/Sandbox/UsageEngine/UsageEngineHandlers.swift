import Foundation
import Hummingbird
import SandboxFixtures

/// Usage Engine's operations, one method each.
struct UsageEngineHandlers: Sendable {
    let store: UsageEngineStore
    let credentials: CredentialStore
    let tokenKeys: TokenKeys
    let environment: SandboxEnvironment
    let settings: UsageEngineSettings
    let fidelity: SandboxConfiguration.Fidelity

    // MARK: Meter types

    /// GET List meter types: `/usage-metering/v1/meter-types?name=` (`name` matches exactly).
    func listMeterTypes(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "read:meter_types")
        let name = try Self.filter(request, "name")
        return JSONResponse(
            UsageEngineWire.MeterTypeList(meterTypes: try await store.meterTypes(tenant: caller.accountId, name: name)))
    }

    /// POST Create meter type: `/usage-metering/v1/meter-types`.
    func createMeterType(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "create:meter_types")
        var request = request
        let body = try await request.decodeJSON(UsageEngineWire.MeterTypeBody.self, context: context)
        return JSONResponse(status: .created, try await store.createMeterType(tenant: caller.accountId, body: body))
    }

    /// GET Get meter type: `/usage-metering/v1/meter-types/{id}`.
    func getMeterType(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "read:meter_types")
        return JSONResponse(try await store.meterType(tenant: caller.accountId, id: Self.id(context)))
    }

    /// PUT Replace meter type: `/usage-metering/v1/meter-types/{id}`; absent fields go back to their defaults.
    func replaceMeterType(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await updateMeterType(request, context: context, replacing: true)
    }

    /// PATCH Update meter type: `/usage-metering/v1/meter-types/{id}`; absent fields are kept.
    func patchMeterType(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await updateMeterType(request, context: context, replacing: false)
    }

    /// DELETE Delete meter type: `/usage-metering/v1/meter-types/{id}`; 409 while it has meters.
    func deleteMeterType(_ request: Request, context: SandboxContext) async throws -> Response {
        let caller = try await authenticate(request, scope: "delete:meter_types")
        try await store.deleteMeterType(tenant: caller.accountId, id: Self.id(context))
        return Response(status: .noContent)
    }

    // MARK: Meters

    /// GET List meters: `/usage-metering/v1/meters?meterKey=&meterTypeId=`.
    func listMeters(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "read:meters")
        let meters = try await store.meters(
            tenant: caller.accountId, meterKey: try Self.filter(request, "meterKey"),
            meterTypeId: try Self.filter(request, "meterTypeId"))
        return JSONResponse(UsageEngineWire.MeterList(meters: meters))
    }

    /// POST Create meter: `/usage-metering/v1/meters`.
    func createMeter(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "create:meters")
        var request = request
        let body = try await request.decodeJSON(UsageEngineWire.MeterBody.self, context: context)
        return JSONResponse(status: .created, try await store.createMeter(tenant: caller.accountId, body: body))
    }

    /// GET Get meter: `/usage-metering/v1/meters/{id}`.
    func getMeter(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let caller = try await authenticate(request, scope: "read:meters")
        return JSONResponse(try await store.meter(tenant: caller.accountId, id: Self.id(context)))
    }

    /// PUT Replace meter: `/usage-metering/v1/meters/{id}`; absent `customFields`/`deleteOnReset` are reset.
    func replaceMeter(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await updateMeter(request, context: context, replacing: true)
    }

    /// PATCH Update meter: `/usage-metering/v1/meters/{id}`; absent fields are kept.
    func patchMeter(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await updateMeter(request, context: context, replacing: false)
    }

    /// DELETE Delete meter: `/usage-metering/v1/meters/{id}`, as the vendor's purge stream calls it.
    func deleteMeter(_ request: Request, context: SandboxContext) async throws -> Response {
        let caller = try await authenticate(request, scope: "delete:meters")
        try await store.deleteMeter(tenant: caller.accountId, id: Self.id(context))
        return Response(status: .noContent)
    }

    // MARK: Shared steps

    private func updateMeterType(_ request: Request, context: SandboxContext, replacing: Bool) async throws
        -> JSONResponse<UsageEngineWire.MeterType>
    {
        let caller = try await authenticate(request, scope: "update:meter_types")
        var request = request
        let body = try await request.decodeJSON(UsageEngineWire.MeterTypeBody.self, context: context)
        return JSONResponse(
            try await store.updateMeterType(
                tenant: caller.accountId, id: Self.id(context), body: body, replacing: replacing))
    }

    private func updateMeter(_ request: Request, context: SandboxContext, replacing: Bool) async throws
        -> JSONResponse<UsageEngineWire.Meter>
    {
        let caller = try await authenticate(request, scope: "update:meters")
        var request = request
        let body = try await request.decodeJSON(UsageEngineWire.MeterBody.self, context: context)
        return JSONResponse(
            try await store.updateMeter(
                tenant: caller.accountId, id: Self.id(context), body: body, replacing: replacing))
    }

    private static func id(_ context: SandboxContext) -> String { context.parameters.get("id") ?? "" }

    /// The query filter `name`, `nil` when absent; present but empty is a 400.
    private static func filter(_ request: Request, _ name: String) throws -> String? {
        guard let value = request.queryValue(name) else { return nil }
        guard !value.isEmpty else { throw UsageEngineAPIError.badRequest("\(name) must not be empty when given") }
        return value
    }
}
