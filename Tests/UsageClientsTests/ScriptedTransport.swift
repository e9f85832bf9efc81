import Foundation
import Synchronization

@testable import UsageClients

/// A transport that answers from a script, recording every request: the executor's retry and auth rules tested
/// without a network.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(Int, headers: [(name: String, value: String)] = [], body: String = "")
        case fail(UsageClientError.Kind)
    }

    private let state: Mutex<(steps: [Step], requests: [HTTPRequestData])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    var requests: [HTTPRequestData] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequestData, timeout: Duration) async throws -> HTTPResponseData {
        let step = state.withLock { state -> Step in
            state.requests.append(request)
            return state.steps.isEmpty ? .respond(200) : state.steps.removeFirst()
        }
        switch step {
        case .respond(let status, let headers, let body):
            return HTTPResponseData(status: status, headers: headers, body: Data(body.utf8))
        case .fail(let kind):
            throw UsageClientError(kind: kind, message: "scripted \(kind)")
        }
    }
}

extension RequestExecutor {
    /// A base URL nothing listens on; the scripted transport never connects anyway.
    static let testBase = URL(string: "http://127.0.0.1:9") ?? URL(fileURLWithPath: "/")

    /// An executor over `transport` that never really sleeps.
    static func scripted(
        _ transport: ScriptedTransport, authorizer: Authorizer = .fixed([]), maxAttempts: Int = 4,
        deadline: Duration = .seconds(120)
    ) -> RequestExecutor {
        RequestExecutor(
            vendor: "test", baseURL: testBase,
            options: ClientOptions(
                transport: transport, deadline: deadline, retry: RetryPolicy(maxAttempts: maxAttempts), sleep: { _ in }),
            authorizer: authorizer)
    }
}
