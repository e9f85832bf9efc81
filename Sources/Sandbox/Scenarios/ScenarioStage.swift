import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1
import UsageJSON

/// Where scenarios act on a request: after routing, before the vendor's auth and handler. A firing rule may change
/// state, wait, answer for the vendor, break the connection, or let the vendor answer and mangle the response.
struct ScenarioStage: Sendable {
    /// What happened to one request.
    struct Outcome {
        /// `nil` when a fault left no response.
        var response: Response?
        /// `scenario/rule`, for the journal.
        var label: String?
        var fault: String?
        /// A fault that leaves no response, for the caller to inject once the request is journaled.
        var breaking: ScenarioFault?
    }

    let engine: ScenarioEngine
    let credentials: CredentialStore
    let emulators: [any VendorEmulator]
    let clock: VirtualClock

    func respond(
        to request: Request, context: SandboxContext, body: Data?, profile: (any VendorProfile)?,
        next: (Request, SandboxContext) async throws -> Response
    ) async throws -> Outcome {
        guard let vendor = context.vendor, let profile, !engine.isIdle else {
            return Outcome(response: try await next(request, context))
        }
        var facts = ScenarioRequest(request, vendor: vendor, body: body)
        await facts.identity.resolve(vendor: vendor, in: credentials)
        guard let decision = engine.decide(facts, now: clock.now()) else {
            return Outcome(response: try await noteIssuedToken(try await next(request, context), facts))
        }
        var outcome = Outcome(label: decision.label)
        let respond = decision.rule?.respond ?? ScenarioResponse()
        if let effects = decision.rule?.effects { try await applyStoredEffects(effects, facts) }
        if respond.delayMs > 0 { try await Task.sleep(for: .milliseconds(respond.delayMs)) }
        var response: Response
        switch decision.refusal {
        case .token(let kind)?:
            response = profile.credentialRejected(revoked: kind == .revoke, path: facts.path).response()
        case .rateLimited?:
            response = profile.scenarioError(status: .tooManyRequests, message: nil, path: facts.path).response()
        case nil:
            if let fault = respond.fault, fault.breaksConnection {
                outcome.fault = fault.name
                outcome.breaking = fault
                return outcome
            }
            if let status = respond.status {
                response = Self.answer(respond, status: .scenario(status), profile: profile, path: facts.path)
            } else {
                var context = context
                context.pageSizeCap = decision.pageSizeCap
                response = try await next(request, context)
                response = try await noteIssuedToken(response, facts)
            }
        }
        for header in decision.headers + (decision.rule?.respond.headers ?? []) {
            if let name = HTTPField.Name(header.name) { response.headers[name] = header.value }
        }
        if decision.refusal == nil, let fault = respond.fault {
            response = try await fault.mangle(response, channel: context.channel)
            outcome.fault = fault.name
        }
        outcome.response = response
        return outcome
    }

    /// Tells the engine about a token the vendor just issued: Usage Engine tokens carry no `jti`, so one issued in
    /// the same second as a token a scenario expired is byte-identical to it, and must still be accepted.
    private func noteIssuedToken(_ response: Response, _ request: ScenarioRequest) async throws -> Response {
        guard request.vendor == .hyalto || request.vendor == .usageEngine, request.identity.token == nil,
            request.method == "POST", request.path.hasSuffix("/token"), response.status == .ok
        else { return response }
        let bytes = try await ScenarioFault.collect(response.body)
        var response = response
        response.body = ResponseBody(byteBuffer: bytes)
        let body = JSONValue.parse(Data(bytes.readableBytesView))
        if case .string(let token)? = body?.value(at: "access_token") ?? body?.value(at: "accessToken"),
            let signature = token.split(separator: ".").last
        {
            engine.tokenIssued(signature: String(signature))
        }
        return response
    }

    /// The rule's own answer: its body, or the vendor's error body for the status.
    private static func answer(
        _ respond: ScenarioResponse, status: HTTPResponse.Status, profile: any VendorProfile, path: String
    ) -> Response {
        let data: Data
        var contentType = "application/json; charset=utf-8"
        switch respond.body {
        case nil:
            return profile.scenarioError(status: status, message: respond.message, path: path).response()
        case .json(let value):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            data = (try? encoder.encode(value)) ?? Data()
        case .text(let text):
            data = Data(text.utf8)
            contentType = "text/plain; charset=utf-8"
        }
        return Response(
            status: status, headers: [.contentType: contentType, .contentLength: String(data.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Effects kept in SQLite (job state, meters and page tokens), which the request's vendor applies.
    private func applyStoredEffects(_ effects: ScenarioEffects, _ request: ScenarioRequest) async throws {
        try await emulators.first { $0.vendor == request.vendor }?.applyScenarioEffects(effects, to: request)
    }
}

extension ScenarioFault {
    /// The fault's name in scenario files and the journal.
    var name: String {
        switch self {
        case .reset: "reset"
        case .close: "close"
        case .garbage: "garbage"
        case .truncate: "truncate"
        case .trickle: "trickle"
        }
    }
}

extension HTTPResponse.Status {
    /// The status `code` with its standard reason phrase, which `Status(code:)` leaves empty.
    static func scenario(_ code: Int) -> HTTPResponse.Status {
        HTTPResponse.Status(code: code, reasonPhrase: HTTPResponseStatus(statusCode: code).reasonPhrase)
    }
}
