import Foundation
import Hummingbird

/// The sandbox's own API under `/__admin`: health, reset, credentials, clock, request journal, jobs and scenarios.
struct AdminAPI: Sendable {
    let sandbox: Sandbox

    func register(on group: RouterGroup<SandboxContext>) {
        registerDashboard(on: group)  // before the token check: the page holds no data and asks for the token
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
        registerRates(on: group)
        registerStats(on: group)
        for emulator in sandbox.emulators {
            emulator.registerAdminRoutes(on: group.group(RouterPath(emulator.vendor.rawValue)))
        }
    }

    struct Health: Encodable, Sendable {
        let status: String
        let emulatedVendors: [String]
        let now: String
        let version: String
        let commit: String
    }

    func health(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(
            Health(
                status: "ok", emulatedVendors: Sandbox.emulatedVendors.map(\.rawValue),
                now: SandboxTime.format(sandbox.environment.clock.now()),
                version: SandboxVersion.version, commit: SandboxVersion.commit))
    }

    func reset(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        try await sandbox.reset()
        return JSONResponse(["status": "reset"])
    }

    // MARK: Journal

    struct RequestList: Encodable, Sendable {
        let requests: [RequestJournal.Entry]
    }

    /// `GET /__admin/requests?limit=&vendor=&credential=&before=&after=`: newest first, at most 1,000 entries a page.
    /// Page back with `before` set to the last entry's `sequence`; poll for what is new with `after` set to the newest
    /// seen. `credential` (an id or a key) keeps the requests made with that credential, found among the whole
    /// journal (bounded by `--journal-entries`), so a page of one credential's requests is full when it can be.
    func listRequests(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let query = request.queryValues()
        func number(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = query(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw AdminError.badRequest(
                    "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text.prefix(40))'"
                )
            }
            return value
        }
        let limit = try number("limit", in: 1...1_000) ?? 100
        let before = try number("before", in: 0...Int.max)
        let after = try number("after", in: 0...Int.max)
        var vendor: Vendor?
        if let name = query("vendor") {
            guard let known = Vendor(rawValue: name) else {
                throw AdminError.badRequest("vendor '\(name.prefix(40))' is unknown")
            }
            vendor = known
        }
        guard let name = query("credential") else {
            let records = sandbox.journal.records(limit: limit, vendor: vendor, before: before, after: after)
            return JSONResponse(RequestList(requests: try await entriesWithCredentials(records)))
        }
        guard let credential = try await credential(named: name) else {
            throw AdminError.badRequest("credential '\(name.prefix(40))' is unknown: give a credential's id or key")
        }
        let records = sandbox.journal.records(
            limit: .max, vendor: vendor ?? credential.vendor, before: before, after: after)
        let entries = try await entriesWithCredentials(records).filter { $0.credential == credential.id }
        return JSONResponse(RequestList(requests: Array(entries.prefix(limit))))
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
