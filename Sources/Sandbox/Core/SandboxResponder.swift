import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The sandbox's front door: gives each request an id, routes it to a vendor by `Host` or path prefix, adds
/// the vendor's headers to every response, and writes the journal.
struct SandboxResponder<Inner: HTTPResponder<SandboxContext>>: HTTPResponder {
    typealias Context = SandboxContext

    /// Bodies up to this size are copied into the journal.
    static var journalBodyLimit: Int { 64 * 1024 }

    let inner: Inner
    let profiles: [Vendor: any VendorProfile]
    let journal: RequestJournal
    let environment: SandboxEnvironment
    let maxBodyBytes: Int
    let scenarios: ScenarioStage
    /// Hyalto, Zylo and admin requests wait here until a deferred fixture load has written what they need; Mason
    /// and Usage Engine need nothing from it.
    let hyaltoReady: FixtureGate
    let zyloReady: FixtureGate

    func respond(to request: Request, context: SandboxContext) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        let routed = Self.routedByHost(request)
        var request = routed.request
        let viaHost = routed.viaHost
        context.requestID = environment.ids.id()
        context.maxBodyBytes = maxBodyBytes
        context.vendor = Vendor(path: request.uri.path)
        if let vendor = context.vendor {
            let authority = request.head.authority ?? "127.0.0.1"
            context.vendorBaseURL = "http://\(authority)" + (viaHost ? "" : vendor.pathPrefix)
        }
        let isAdmin = request.uri.path.hasPrefix("/__admin")
        let capturedBody = isAdmin ? nil : await Self.captureBody(&request, context: context)

        let profile = context.vendor.flatMap { profiles[$0] }
        var outcome: ScenarioStage.Outcome
        do {
            let needsAll = isAdmin && request.uri.path != "/__admin/health"
            if context.vendor == .hyalto || needsAll { try await hyaltoReady.wait() }
            if context.vendor == .zylo || needsAll { try await zyloReady.wait() }
            outcome = try await scenarios.respond(to: request, context: context, body: capturedBody, profile: profile) {
                try await inner.respond(to: $0, context: $1)
            }
        } catch {
            let response = AdminErrorEnvelope().error(for: .internalError(String(describing: error))).response()
            outcome = ScenarioStage.Outcome(response: response)
        }
        guard var response = outcome.response else {
            journal.record(entry(request, context, outcome, capturedBody, elapsed: ContinuousClock.now - started))
            await outcome.breaking?.breakConnection(context.channel)
            throw ConnectionBrokenByScenario()
        }
        if let profile {
            response.headers.append(contentsOf: profile.responseHeaders(requestID: context.requestID))
        }
        outcome.response = response
        if !isAdmin {
            journal.record(entry(request, context, outcome, capturedBody, elapsed: ContinuousClock.now - started))
        }
        return response
    }

    /// Rewrites `Host: api.zylo.com` + `/v1/...` to `/zylo/v1/...`, so the router sees one form.
    static func routedByHost(_ request: Request) -> (request: Request, viaHost: Bool) {
        guard let authority = request.head.authority, let vendor = Vendor(host: authority),
            Vendor(path: request.uri.path) != vendor
        else { return (request, false) }
        var head = request.head
        head.path = vendor.pathPrefix + (head.path ?? "/")
        return (Request(head: head, body: request.body), true)
    }

    /// Copies a small body so the journal can show it; the handler still reads the same bytes.
    static func captureBody(_ request: inout Request, context: SandboxContext) async -> Data? {
        guard let length = request.headers[.contentLength].flatMap(Int.init), length > 0,
            length <= journalBodyLimit
        else { return nil }
        guard let buffer = try? await request.collectBody(upTo: journalBodyLimit) else { return nil }
        return Data(buffer.readableBytesView)
    }

    private func entry(
        _ request: Request, _ context: SandboxContext, _ outcome: ScenarioStage.Outcome, _ body: Data?,
        elapsed: Duration
    ) -> RequestJournal.Record {
        RequestJournal.Record(
            id: context.requestID,
            time: environment.clock.now(),
            vendor: context.vendor,
            method: request.method,
            path: request.uri.path,
            query: request.uri.query,
            status: outcome.response?.status.code ?? 0,
            duration: elapsed,
            requestHeaders: request.headers,
            body: RequestJournal.Record.body(body, contentType: request.headers[.contentType]),
            responseHeaders: outcome.response?.headers ?? [:],
            matchedScenario: outcome.label,
            fault: outcome.fault
        )
    }
}
