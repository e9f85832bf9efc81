import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Sandbox

/// An in-memory sandbox with a frozen clock, driven in-process through Hummingbird's router test client.
struct Harness {
    static let demoToken = "\(DemoCredentials.zyloTokenID):\(DemoCredentials.zyloTokenSecret)"

    let sandbox: Sandbox
    let client: any TestClientProtocol

    /// Runs `body` against a fresh sandbox; `configure` changes the test defaults.
    static func run(
        configure: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: @Sendable (Harness) async throws -> Void
    ) async throws {
        let sandbox = try await Sandbox.open(.testDefaults(configure))
        let app = Application(responder: sandbox.makeResponder())
        try await withThrowingTaskGroup(of: Void.self) { group in
            // What the application's FixtureLoader service does when it serves: the deferred load, if any.
            if let load = sandbox.takeDeferredFixtureLoad() { group.addTask { try await load() } }
            try await app.test(.router) { client in try await body(Harness(sandbox: sandbox, client: client)) }
            try await group.waitForAll()
        }
    }

    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = Harness.demoToken, headers: HTTPFields = [:],
        body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: path, method: method, headers: headers, body: body)
    }

    func get(_ path: String, token: String? = Harness.demoToken) async throws -> TestResponse {
        try await request(.get, path, token: token)
    }

    func post(_ path: String, token: String? = Harness.demoToken, json: String? = nil) async throws -> TestResponse {
        let headers: HTTPFields = json == nil ? [:] : [.contentType: "application/json"]
        return try await request(.post, path, token: token, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Uploads `csv` as the multipart field `file`, as `curl -F file=@import.csv` does.
    func upload(_ path: String, csv: String, field: String = "file", token: String? = Harness.demoToken) async throws
        -> TestResponse
    {
        let boundary = "------------------------sandboxtest"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"import.csv\"\r\n"
            + "Content-Type: application/vnd.ms-excel\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await request(
            .post, path, token: token, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(string: body))
    }

    func advanceClock(by seconds: TimeInterval) {
        sandbox.environment.clock.apply(.advance(seconds: seconds))
    }

    /// Mints a new Zylo credential (its own tenant) and answers its `TOKENID:TOKENSECRET`.
    func mintZyloToken() async throws -> String {
        let credential = try await post("/__admin/credentials", token: nil, json: #"{"vendor":"zylo"}"#).json()
        return "\(credential["tokenId"] as? String ?? ""):\(credential["tokenSecret"] as? String ?? "")"
    }

    /// The id of the first fixture subscription.
    func firstSubscriptionID() async throws -> String {
        let list = try await get("/zylo/v1/subscriptions?pageSize=1").json()
        return (list["subscriptions"] as? [[String: Any]])?.first?["id"] as? String ?? ""
    }
}

extension SandboxConfiguration {
    static func testDefaults(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.database = .memory
        configuration.port = 0
        configuration.initialClock = .frozen(at: Date(timeIntervalSince1970: 1_704_067_200))
        configuration.deterministicIDs = true
        configure(&configuration)
        return configuration
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object; an empty dictionary (and a recorded issue) when it is not one.
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        guard let dictionary = object as? [String: Any] else {
            Issue.record("body is not a JSON object: \(text)", sourceLocation: sourceLocation)
            return [:]
        }
        return dictionary
    }
}
