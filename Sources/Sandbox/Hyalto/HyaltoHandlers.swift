import Foundation
import Hummingbird
import SandboxFixtures

/// Hyalto's operations, one method each, named after the seed's steps.
struct HyaltoHandlers: Sendable {
    let store: HyaltoStore
    let credentials: CredentialStore
    let tokenKeys: TokenKeys
    let environment: SandboxEnvironment
    let settings: HyaltoSettings

    /// Generate the JWT: `POST /accountManagement/auth/token` with `{"accessKey","secretKey"}`.
    func generateToken(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.decodeJSON(HyaltoWire.TokenRequest.self, context: context)
        let issued = try await token(for: body)
        if LibraryChoice.json { return RawJSONResponse(data: try OrderedJSONEncoder.encode(issued)) }
        return RawJSONResponse(data: issued.json)
    }

    /// Retrieve list of customers: `GET /accountManagement/accounts`, a top-level JSON array.
    func listAccounts(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let claims = try await authenticate(request)
        let accounts = try await store.customers(tenant: String(claims.accountId))
        return JSONResponse(accounts.map(Self.wire))
    }

    /// Retrieve list of purchased services: `GET /serviceOfferings/accounts/{id}/services/`, a top-level array.
    func listServices(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let claims = try await authenticate(request)
        let account = try await ownedAccount(context.parameters.get("id"), claims: claims)
        let services = try await store.services(accountId: account.id)
        return JSONResponse(services.map(Self.wire))
    }

    /// Retrieve usage data: `GET /reports/usage/service/{service_id}?filter[from]=&filter[to]=`.
    func usageReport(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let claims = try await authenticate(request)
        let service = try await ownedService(context.parameters.get("serviceId"), claims: claims)
        let (from, to) = try range(request, from: "from", to: "to")
        var lines: [HyaltoWire.UsageReport.Line] = []
        for (property, unit) in [("ram", "GB-hours"), ("compute", "GHz-hours")] {
            let changes = try await store.changes(serviceId: service.id, property: property, from: from, to: to)
            let integral = HyaltoUsage.integral(changes, from: from, to: to)
            lines.append(
                .init(
                    property: property, unit: unit, quantity: integral.quantity, average: integral.average,
                    peak: changes.map(\.value).max() ?? 0,
                    unitSize: changes.first?.unitSize ?? (property == "ram" ? "GB" : "GHz")))
        }
        return JSONResponse(
            HyaltoWire.UsageReport(
                serviceId: service.id, serviceName: service.name, accountId: service.accountId, type: service.type,
                from: HyaltoDate.format(from), to: HyaltoDate.format(to), hours: Double(to - from) / 3_600, usage: lines
            ))
    }

    /// The raw allocation changes the public script reads: `GET /solutions/usage/account/{accountId}/raw` with
    /// `filter[Services_id]`, `filter[startTime]`, `filter[endTime]`.
    func rawUsage(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let claims = try await authenticate(request)
        let account = try await ownedAccount(context.parameters.get("accountId"), claims: claims)
        let (from, to) = try range(request, from: "startTime", to: "endTime")
        var services = try await store.services(accountId: account.id)
        if let wanted = Self.filter(request, "Services_id") {
            guard let id = Int64(wanted) else {
                throw HyaltoAPIError.badRequest("filter[Services_id] must be a service id")
            }
            services = services.filter { $0.id == id }
            guard !services.isEmpty else {
                throw HyaltoAPIError.notFound("service \(wanted) not found in account \(account.id)")
            }
        }
        var raw: [HyaltoWire.RawService] = []
        for service in services {
            let ram = try await store.changes(serviceId: service.id, property: "ram", from: from, to: to)
            let compute = try await store.changes(serviceId: service.id, property: "compute", from: from, to: to)
            raw.append(
                .init(
                    id: service.id, name: service.name, type: service.type,
                    properties: .init(ram: Self.property(ram, unit: "GB"), compute: Self.property(compute, unit: "GHz"))
                ))
        }
        return JSONResponse(
            HyaltoWire.RawUsage(
                accountId: account.id, startTime: HyaltoDate.format(from), endTime: HyaltoDate.format(to), services: raw
            ))
    }

    // MARK: Parameters

    private func ownedAccount(_ text: String?, claims: HyaltoClaims) async throws -> HyaltoStore.Account {
        guard let text, let id = Int64(text),
            let account = try await store.account(id: id, tenant: String(claims.accountId))
        else { throw HyaltoAPIError.notFound("account \(text ?? "") not found") }
        return account
    }

    private func ownedService(_ text: String?, claims: HyaltoClaims) async throws -> HyaltoStore.Service {
        guard let text, let id = Int64(text),
            let service = try await store.service(id: id, tenant: String(claims.accountId))
        else { throw HyaltoAPIError.notFound("service \(text ?? "") not found") }
        return service
    }

    /// `filter[from]`/`filter[to]` (or other names), both required, `from` before `to`.
    private func range(_ request: Request, from: String, to: String) throws -> (Int64, Int64) {
        func value(_ name: String) throws -> Int64 {
            guard let text = Self.filter(request, name), !text.isEmpty else {
                throw HyaltoAPIError.badRequest("filter[\(name)] is required: a datetime such as 2018-07-13 12:00:00")
            }
            guard let seconds = HyaltoDate.parse(text) else {
                throw HyaltoAPIError.badRequest(
                    "filter[\(name)] must be a datetime in the format yyyy-mm-dd hh:mm:ss, got '\(text)'")
            }
            return seconds
        }
        let start = try value(from)
        let end = try value(to)
        guard start < end else { throw HyaltoAPIError.badRequest("filter[\(from)] must be before filter[\(to)]") }
        return (start, end)
    }

    /// The query parameter `filter[name]`, with its brackets raw or percent-encoded.
    static func filter(_ request: Request, _ name: String) -> String? {
        ["filter[\(name)]", "filter%5B\(name)%5D", "filter%5b\(name)%5d"].lazy.compactMap(request.queryValue).first
    }

    static func wire(_ account: HyaltoStore.Account) -> HyaltoWire.Account {
        HyaltoWire.Account(
            id: account.id, companyName: account.companyName, serviceProviderId: account.serviceProviderId,
            parentId: account.parentId, type: account.type, createdAt: account.createdAt)
    }

    static func wire(_ service: HyaltoStore.Service) -> HyaltoWire.Service {
        HyaltoWire.Service(
            id: service.id, name: service.name, accountId: service.accountId,
            metaData: .init(type: service.type, location: service.location), createdAt: service.createdAt)
    }

    static func property(_ changes: [HyaltoStore.Change], unit: String) -> HyaltoWire.Property {
        HyaltoWire.Property(
            unitSize: unit,
            changes: changes.map { .init(timestamp: HyaltoDate.format($0.at), value: $0.value, unitSize: $0.unitSize) })
    }
}
