import Foundation
import Synchronization
import UsageClients

/// What a check body works with: the vendor's endpoint on the target, raw HTTP to it, the typed clients, and the
/// place to record observations and unmet expectations.
public final class CheckContext: Sendable {
    /// The vendor's endpoint for this check.
    public let endpoint: VendorEndpoint
    /// Raw HTTP to the endpoint's root.
    public let http: RawHTTP
    /// The sandbox's admin API, `nil` on live targets.
    public let admin: SandboxAdmin?
    /// Options for the typed clients: short enough that a dead target fails a check instead of hanging the run;
    /// their waits before a retry (`Retry-After`) move a sandbox's virtual clock instead of sleeping.
    public let clientOptions: ClientOptions
    /// The session's token answers and token-holding clients, shared by its checks.
    public let tokens: TokenStore
    /// The longest a check waits in real time for a live job to finish, in seconds (`CONTRACT_JOB_WAIT`).
    public let jobWait: Double
    let state = Mutex(State())

    struct State {
        var observations: [Observation] = []
        var failures: [String] = []
    }

    /// A context for one check of `endpoint`, sharing `tokens` with the session's other checks.
    public init(
        endpoint: VendorEndpoint, admin: SandboxAdmin?, tokens: TokenStore = TokenStore(), jobWait: Double = 600
    ) {
        self.endpoint = endpoint
        self.admin = admin
        self.tokens = tokens
        self.jobWait = jobWait
        http = RawHTTP(baseURL: endpoint.baseURL)
        clientOptions = ClientOptions(
            requestTimeout: .seconds(30), deadline: .seconds(90),
            sleep: { duration in
                if let admin {
                    let parts = duration.components
                    try await admin.advanceClock(by: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
                } else {
                    try await Task.sleep(for: duration)
                }
            })
    }

    /// Notes `condition`; when false, the check fails with `message` (and goes on, so later observations still
    /// count in a comparison).
    public func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Fails the check with `message`.
    public func fail(_ message: String) {
        state.withLock { $0.failures.append(message) }
    }

    /// Records `value` under `key` for drift comparison.
    public func observe(_ key: String, _ value: String) {
        state.withLock { $0.observations.append(Observation(key: key, value: value)) }
    }

    /// Records a response's status, its JSON shape, and which of `headers` are present, under `label`.
    public func observe(_ response: RawResponse, as label: String, headers: [String] = []) {
        observe("\(label) status", String(response.status))
        if let json = response.json {
            for (path, type) in json.shape { observe("\(label) json \(path)", type) }
        } else {
            observe("\(label) body", response.body.isEmpty ? "empty" : "not JSON")
        }
        for name in headers {
            observe("\(label) header \(name.lowercased())", response.header(name) == nil ? "absent" : "present")
        }
    }

    /// Fails unless `response` has `status`; answers whether it had.
    @discardableResult
    public func expectStatus(_ response: RawResponse, _ status: Int, _ what: String) -> Bool {
        expect(
            response.status == status, "\(what): expected status \(status), got \(response.status): \(response.snippet)"
        )
        return response.status == status
    }

    /// Lets `seconds` of the target's time pass: the sandbox's virtual clock moves; a live target is waited for.
    public func letTimePass(seconds: Double) async throws {
        if let admin {
            try await admin.advanceClock(by: seconds)
        } else {
            try await Task.sleep(for: .seconds(seconds))
        }
    }

    /// The sandbox's admin API, or a ``ContractSkip`` on a live target.
    public func requireAdmin() throws -> SandboxAdmin {
        guard let admin else { throw ContractSkip("needs the sandbox's admin API") }
        return admin
    }

    var result: (observations: [Observation], failures: [String]) {
        state.withLock { ($0.observations.sorted(), $0.failures) }
    }
}
