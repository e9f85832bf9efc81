import Foundation

/// One running copy of a scenario, for every credential or for one: its state, call counts and live effects.
struct ScenarioActivation: Sendable {
    /// A window started by a `rateLimit` effect, on the virtual clock.
    struct RateWindow: Sendable {
        let rule: String
        let limit: Int
        let start: Date
        let end: Date
        var count = 0
    }

    let id: String
    let scenario: Scenario
    let credential: Credential?
    var state = Scenario.initialState
    var matched: [Int]
    var hits: [Int]
    var random: SeededRandom
    /// Tokens (by signature) and static keys rejected from now on, with the rule that did it.
    var rejectedTokens: [String: (ScenarioEffects.Tokens, rule: String)] = [:]
    var rejectedKeys: [String: (ScenarioEffects.Tokens, rule: String)] = [:]
    var pageSizeCap: Int?
    var rateWindow: RateWindow?

    init(id: String, scenario: Scenario, credential: Credential?) {
        self.id = id
        self.scenario = scenario
        self.credential = credential
        matched = Array(repeating: 0, count: scenario.rules.count)
        hits = matched
        random = SeededRandom(seed: scenario.seed)
    }

    var summary: ScenarioActivationSummary {
        ScenarioActivationSummary(
            id: id, scenario: scenario.name, credential: credential?.id, state: state, hits: hits.reduce(0, +),
            rules: scenario.rules.indices.map {
                .init(name: scenario.rules[$0].name, matched: matched[$0], hits: hits[$0])
            })
    }

    /// Whether the activation applies to `request` at all: every credential, or the one it is for.
    func applies(to request: ScenarioRequest) -> Bool {
        credential.map { $0.vendor == request.vendor && request.identity.belongs(to: $0) } ?? true
    }

    /// Whether the call counted as `call` (from 1) falls in `window`.
    mutating func admits(_ window: CallWindow, call: Int) -> Bool {
        switch window {
        case .every: return true
        case .nth(let n): return call == n
        case .first(let n): return call <= n
        case .after(let n): return call > n
        case .probability(let p): return Double(random.next() >> 11) / Double(UInt64(1) << 53) < p
        }
    }

    /// The label the journal shows for a rule of this activation.
    func label(_ rule: String) -> String { "\(scenario.name)/\(rule)" }
}
