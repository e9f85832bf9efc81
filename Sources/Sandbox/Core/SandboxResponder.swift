import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import UsageJSON

/// The sandbox's front door: gives each request an id, routes it to a vendor by `Host` or path prefix, adds
/// the vendor's headers to every response, and writes the journal.
struct SandboxResponder<Inner: HTTPResponder<SandboxContext>>: HTTPResponder {
    typealias Context = SandboxContext

    let inner: Inner
    let profiles: [Vendor: any VendorProfile]
    let journal: RequestJournal
    let rates: RequestRates
    /// Where the sandbox listens: download links are built from it, never from an arbitrary `Host` header.
    let address: ListeningAddress
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
        var request = request
        if let marker = Listener.proxyMarker, request.headers[marker] != nil {
            // Only the plain listener's proxy handler sets it; anywhere else it is a client's and means nothing.
            var head = request.head
            head.headerFields[marker] = nil
            request = Request(head: head, body: request.body)
            if context.listener == .http { context.listener = .proxy }
        }
        let routed = Self.routedByHost(Self.normalized(request))
        request = routed.request
        let viaHost = routed.viaHost
        context.requestID = environment.ids.id()
        context.maxBodyBytes = maxBodyBytes
        context.vendor = Vendor(path: request.uri.path)
        if let vendor = context.vendor {
            context.vendorBaseURL =
                address.baseURL(authority: request.head.authority, scheme: context.scheme)
                + (viaHost ? "" : vendor.pathPrefix)
        }
        let isAdmin = request.uri.path == "/__admin" || request.uri.path.hasPrefix("/__admin/")
        let body = await RequestBodyReader.read(&request, limit: maxBodyBytes)
        let capturedBody: Data? =
            switch body {
            case .read(let buffer) where !isAdmin && buffer.readableBytes <= RequestJournal.maxKeptBodyBytes:
                Data(buffer.readableBytesView)
            default: nil
            }
        let bodySize = if case .read(let buffer) = body { buffer.readableBytes } else { 0 }

        let profile = context.vendor.flatMap { profiles[$0] }
        var outcome: ScenarioStage.Outcome
        switch body {
        case .hungUp:
            // The client left before its body ended: nobody to answer, and nothing was changed.
            if !isAdmin {
                note(
                    entry(
                        request, context, ScenarioStage.Outcome(fault: "client-hung-up"), nil, size: 0,
                        elapsed: ContinuousClock.now - started))
            }
            context.channel?.close(mode: .all, promise: nil)
            throw ClientHungUp()
        case .tooLarge, .tooLargeUnsent:
            let envelope: any ErrorEnvelope = profile ?? AdminErrorEnvelope()
            var response = envelope.error(for: .payloadTooLarge(limit: maxBodyBytes)).response()
            response.headers[.connection] = "close"
            outcome = ScenarioStage.Outcome(response: response)
        case .none, .read:
            if let profile, let repeated = Self.repeatedQueryParameter(request.uri.query) {
                let message = "query parameter '\(repeated.prefix(64))' is given more than once; give it once"
                outcome = ScenarioStage.Outcome(response: profile.error(for: .badRequest(message)).response())
                break
            }
            do {
                let needsAll = isAdmin && request.uri.path != "/__admin/health"
                if context.vendor == .hyalto || needsAll { try await hyaltoReady.wait() }
                if context.vendor == .zylo || needsAll { try await zyloReady.wait() }
                // HEAD is answered as the GET it asks about, without the body (RFC 9110 section 9.3.2).
                let head = request.method == .head
                var routed = request
                if head {
                    var getHead = request.head
                    getHead.method = .get
                    routed = Request(head: getHead, body: request.body)
                }
                outcome = try await scenarios.respond(
                    to: routed, context: context, body: capturedBody, profile: profile
                ) {
                    try await inner.respond(to: $0, context: $1)
                }
                if request.uri.path.hasSuffix("/openapi.json"), let vendor = context.vendor,
                    let response = outcome.response, response.status == .ok
                {
                    let base = address.baseURL(authority: request.head.authority) + vendor.pathPrefix
                    outcome.response = try await Self.servingFrom(base, response)
                }
                if head, let response = outcome.response { outcome.response = try await Self.headOnly(response) }
            } catch {
                let response = AdminErrorEnvelope().error(for: .internalError(String(describing: error))).response()
                outcome = ScenarioStage.Outcome(response: response)
            }
        }
        guard var response = outcome.response else {
            note(
                entry(request, context, outcome, capturedBody, size: bodySize, elapsed: ContinuousClock.now - started))
            await outcome.breaking?.breakConnection(context.channel)
            throw ConnectionBrokenByScenario()
        }
        if let profile {
            response.headers.append(contentsOf: profile.responseHeaders(requestID: context.requestID))
        }
        outcome.response = response
        if !isAdmin {
            note(
                entry(request, context, outcome, capturedBody, size: bodySize, elapsed: ContinuousClock.now - started))
        }
        return response
    }

    /// The first query parameter name (percent-decoded) given more than once, if any.
    ///
    /// Sandbox choice, the same for all four vendors: no vendor documents repeated parameters, and reading either
    /// `?pageSize=1&pageSize=2` value would hide a bug in the caller, so a repeated parameter is a 400 naming it.
    static func repeatedQueryParameter(_ query: String?) -> String? {
        guard let query, query.contains("&") else { return nil }
        var seen = Set<String>()
        for pair in query.split(separator: "&") {
            let raw = String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
            let name = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
            if !seen.insert(name).inserted { return name }
        }
        return nil
    }

    /// `response` without its body, keeping the `Content-Length` the body had.
    static func headOnly(_ response: Response) async throws -> Response {
        let bytes = try await ScenarioFault.collect(response.body)
        var head = response
        head.body = ResponseBody()
        // After the body: setting a body resets `Content-Length` to its own length.
        head.headers[.contentLength] = String(bytes.readableBytes)
        return head
    }

    /// An OpenAPI document whose first `servers` entry names where this sandbox really answers (`--port 0`, another
    /// host, `--public-url`), so a tool that imports it calls the right place.
    static func servingFrom(_ base: String, _ response: Response) async throws -> Response {
        let bytes = try await ScenarioFault.collect(response.body)
        guard case .object(var document)? = JSONValue.parse(Data(bytes.readableBytesView)),
            case .array(var servers)? = document["servers"], case .object(var first)? = servers.first
        else {
            var unchanged = response
            unchanged.body = ResponseBody(byteBuffer: bytes)
            return unchanged
        }
        first["url"] = .string(base)
        servers[0] = .object(first)
        document["servers"] = .array(servers)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(JSONValue.object(document))
        var rewritten = response
        rewritten.headers[.contentLength] = String(data.count)
        rewritten.body = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return rewritten
    }

    /// The request with its path in one form: repeated slashes folded and `.`/`..` segments resolved (RFC 3986
    /// section 5.2.4), so the router, the journal, the admin check and scenario matching all see the same path
    /// (`//__admin/reset` is the admin API, and is treated as such everywhere).
    static func normalized(_ request: Request) -> Request {
        guard let target = request.head.path, target.contains("//") || target.contains("/.") else { return request }
        let query = target.firstIndex(of: "?")
        let path = target[..<(query ?? target.endIndex)]
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        if let query { normalized += target[query...] }
        var head = request.head
        head.path = normalized
        return Request(head: head, body: request.body)
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

    /// Writes the journal and counts the request for the rate chart.
    private func note(_ record: RequestJournal.Record) {
        journal.record(record)
        rates.record(vendor: record.vendor, status: record.status)
    }

    private func entry(
        _ request: Request, _ context: SandboxContext, _ outcome: ScenarioStage.Outcome, _ body: Data?, size: Int,
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
            body: RequestJournal.Record.body(body, size: size, contentType: request.headers[.contentType]),
            responseHeaders: outcome.response?.headers ?? [:],
            matchedScenario: outcome.label,
            fault: outcome.fault,
            listener: context.listener
        )
    }
}

/// A client hung up before its request body ended; thrown so the connection is closed with nothing written.
struct ClientHungUp: Error {}
