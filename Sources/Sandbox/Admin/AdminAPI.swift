import Foundation
import Hummingbird

/// The sandbox's own API under `/__admin`: health, reset, credentials, clock, request journal, jobs and scenarios.
struct AdminAPI: Sendable {
    let sandbox: Sandbox

    func register(on group: RouterGroup<SandboxContext>) {
        if let token = sandbox.configuration.adminToken { group.add(middleware: AdminTokenMiddleware(token: token)) }
        group.get("health", use: health)
        group.post("reset", use: reset)
        group.get("credentials", use: listCredentials)
        group.post("credentials", use: createCredential)
        group.get("clock", use: getClock)
        group.post("clock", use: changeClock)
        group.get("requests", use: listRequests)
        group.delete("requests", use: clearRequests)
        group.get("jobs", use: listJobs)
        group.get("jobs/:id", use: getJob)
        group.post("jobs/:id", use: forceJob)
        registerScenarios(on: group)
    }

    struct Health: Encodable, Sendable {
        let status: String
        let emulatedVendors: [String]
        let now: String
    }

    func health(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(
            Health(
                status: "ok", emulatedVendors: Sandbox.emulatedVendors.map(\.rawValue),
                now: SandboxTime.format(sandbox.environment.clock.now())))
    }

    func reset(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await sandbox.reset()
        return JSONResponse(["status": "reset"])
    }

    // MARK: Journal

    struct RequestList: Encodable, Sendable {
        let requests: [RequestJournal.Entry]
    }

    func listRequests(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let limitText = request.queryValue("limit") ?? "100"
        guard let limit = Int(limitText), limit > 0 else {
            throw AdminError.badRequest("limit must be a positive integer, got '\(limitText)'")
        }
        var vendor: Vendor?
        if let name = request.queryValue("vendor") {
            guard let known = Vendor(rawValue: name) else { throw AdminError.badRequest("vendor '\(name)' is unknown") }
            vendor = known
        }
        return JSONResponse(RequestList(requests: sandbox.journal.recent(limit: limit, vendor: vendor)))
    }

    func clearRequests(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        sandbox.journal.clear()
        return JSONResponse(RequestList(requests: []))
    }
}

/// Requires `Authorization: Bearer <admin token>` on `/__admin` when `--admin-token` is set.
struct AdminTokenMiddleware: RouterMiddleware {
    typealias Context = SandboxContext
    let token: String

    func handle(
        _ request: Request, context: SandboxContext, next: (Request, SandboxContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], constantTimeEquals(header, "Bearer \(token)") else {
            throw AdminError(status: .unauthorized, message: "the admin API needs Authorization: Bearer <admin token>")
        }
        return try await next(request, context)
    }
}
