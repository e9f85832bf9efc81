import Foundation
import UsageJSON

/// A QA scenario: named rules that make one or more vendors misbehave in a precise, repeatable way.
///
/// Scenarios are JSON files (`scenarios/*.json`, described by `scenarios/scenario.schema.json`):
///
/// ```json
/// {"name": "zylo-429-once", "description": "The first subscriptions call is rate limited.",
///  "rules": [{"name": "limited", "match": {"vendor": "zylo", "path": "/v1/subscriptions"},
///             "calls": {"first": 1}, "respond": {"status": 429, "headers": {"Retry-After": "1"}}}]}
/// ```
public struct Scenario: Sendable {
    /// The unique name QA activates it by, such as `zylo-bad-credentials`.
    public var name: String
    /// What the scenario does, for `scenario list` and the admin API.
    public var description: String
    /// Seeds the generator behind `{"probability": p}` call windows, so a run repeats exactly.
    public var seed: UInt64
    /// The rules, tried in order; the first whose match, state and call window all admit a request answers it.
    public var rules: [ScenarioRule]
    /// The document as written, served back by `scenario show` and `GET /__admin/scenarios/{name}`.
    public var document: JSONValue
    /// Where the scenario came from: `built-in`, a file path, or `admin`.
    public var source: String

    /// The vendors the rules can match; empty when a rule matches every vendor.
    public var vendors: [Vendor] {
        let named = rules.compactMap(\.match.vendor)
        return named.count == rules.count ? Sandbox.emulatedVendors.filter(named.contains) : []
    }

    /// The state every activation starts in, as in WireMock.
    public static let initialState = "Started"
}

/// One rule: which requests it matches, on which calls, and what it does then.
public struct ScenarioRule: Sendable {
    /// Unique within the scenario; the journal names the rule that answered each request.
    public var name: String
    /// Which requests the rule is about.
    var match: RequestMatch
    /// Which of the matching calls it fires on.
    var calls: CallWindow
    /// Fires only while the scenario is in this state.
    var whenState: String?
    /// Moves the scenario to this state after firing.
    var setState: String?
    /// How the request is answered.
    var respond: ScenarioResponse
    /// What the rule changes in the sandbox before answering.
    var effects: ScenarioEffects
}

/// Which of the requests matching a rule it fires on; calls are counted per rule and activation from 1.
enum CallWindow: Sendable, Equatable {
    case every
    case nth(Int)
    case first(Int)
    case after(Int)
    case probability(Double)
}

/// How a firing rule answers.
struct ScenarioResponse: Sendable {
    enum Body: Sendable {
        case json(JSONValue)
        case text(String)
    }

    /// When set, the rule answers instead of the vendor handler; without `body` the vendor's own error body.
    var status: Int?
    /// The message inside the vendor's error body.
    var message: String?
    var body: Body?
    var headers: [(name: String, value: String)] = []
    /// Real milliseconds to wait before answering.
    var delayMs: Int = 0
    var fault: ScenarioFault?
}

/// A broken connection or a broken response.
enum ScenarioFault: Sendable, Equatable {
    /// TCP RST: the client sees "connection reset by peer".
    case reset
    /// FIN without a response.
    case close
    /// Bytes that are not HTTP, then FIN.
    case garbage
    /// The head promises the whole body; half of it is sent, then FIN.
    case truncate
    /// The whole response, `chunkBytes` at a time every `intervalMs`.
    case trickle(chunkBytes: Int, intervalMs: Int)

    static let names = ["reset", "close", "garbage", "truncate", "trickle"]
}

/// State a firing rule changes, before the request is answered.
struct ScenarioEffects: Sendable {
    enum Tokens: String, Sendable, CaseIterable {
        /// The request's token (or static key) is from now on rejected as expired.
        case expire
        /// The request's token (or static key) is from now on rejected as revoked.
        case revoke
    }

    enum Job: String, Sendable, CaseIterable {
        /// The job in the path stays `IN_PROGRESS` until another rule completes it.
        case hold
        /// The job in the path finishes now.
        case complete
        /// The job in the path ends `FAILED` (a sandbox extension: Zylo documents no failure state).
        case fail
        /// The import in the path finishes now with every row rejected: `COMPLETE_WITH_ERRORS`.
        case rejectRows
        /// The download link in the path, or of the job in the path, is expired.
        case expireDownload
    }

    enum Meter: String, Sendable, CaseIterable {
        /// The Usage Engine meter in the path gets the usage that takes it to its capacity (100%), stamping every
        /// threshold on the way.
        case fill
    }

    struct RateLimit: Sendable, Equatable {
        var limit: Int
        var windowSeconds: Int
    }

    var tokens: Tokens?
    var job: Job?
    var meter: Meter?
    /// Lists answer at most this many items per page from now on (Zylo `pageSize`, Mason `limit`).
    var pageSize: Int?
    /// Every page token issued so far is forgotten: continuing a listing gets the vendor's invalid-token 400.
    var invalidatePageTokens = false
    /// A window of `limit` requests per `windowSeconds` of virtual time starts now; beyond it, 429.
    var rateLimit: RateLimit?

    var isEmpty: Bool {
        tokens == nil && job == nil && meter == nil && pageSize == nil && !invalidatePageTokens && rateLimit == nil
    }
}
