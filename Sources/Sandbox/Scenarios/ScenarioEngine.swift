import Foundation
import Synchronization

/// The scenarios the sandbox knows and the ones running; decides, for each vendor request, whether a rule answers.
///
/// Activations live in memory: a restart keeps only the `--scenario` ones, started afresh, as WireMock does.
public final class ScenarioEngine: Sendable {
    /// Why an admin call on scenarios failed.
    public enum Failure: Error, Sendable, Equatable {
        case unknownScenario(String)
    }

    private struct State {
        /// Read on first use: parsing the shipped library costs a fifth of start-up, and most runs never use it.
        private var known: [String: Scenario]?
        private let load: @Sendable () -> [Scenario]

        init(load: @escaping @Sendable () -> [Scenario]) { self.load = load }

        var library: [String: Scenario] {
            mutating get {
                if let known { return known }
                let loaded = Dictionary(load().map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
                known = loaded
                return loaded
            }
            set { known = newValue }
        }

        var activations: [ScenarioActivation] = []
        var nextID = 1
    }

    private let state: Mutex<State>
    /// Lets the request path skip the engine entirely while nothing is active.
    private let activeCount = Atomic<Int>(0)

    /// Creates an engine that knows `library`, with nothing active.
    public convenience init(library: [Scenario]) {
        self.init(loadingLibrary: { library })
    }

    /// Creates an engine whose library `load` gives the first time it is needed, with nothing active.
    public init(loadingLibrary load: @escaping @Sendable () -> [Scenario]) {
        state = Mutex(State(load: load))
    }

    /// Whether no scenario is active.
    public var isIdle: Bool { activeCount.load(ordering: .relaxed) == 0 }

    /// Every known scenario, by name.
    public func scenarios() -> [Scenario] {
        state.withLock { $0.library.values.sorted { $0.name < $1.name } }
    }

    /// The scenario called `name`.
    public func scenario(named name: String) -> Scenario? {
        state.withLock { $0.library[name] }
    }

    /// Adds `scenario` to the library, replacing one of the same name (running activations keep the old rules).
    public func add(_ scenario: Scenario) {
        state.withLock { $0.library[scenario.name] = scenario }
    }

    /// Starts scenario `name` for every credential, or only for requests made with `credential`.
    @discardableResult
    public func activate(_ name: String, credential: Credential? = nil) throws(Failure) -> ScenarioActivationSummary {
        try state.withLock { state throws(Failure) in
            guard let scenario = state.library[name] else { throw .unknownScenario(name) }
            let activation = ScenarioActivation(id: "act-\(state.nextID)", scenario: scenario, credential: credential)
            state.nextID += 1
            state.activations.append(activation)
            activeCount.store(state.activations.count, ordering: .relaxed)
            return activation.summary
        }
    }

    /// Stops the activations of `name` (only those for `credentialID` when given); answers how many stopped.
    @discardableResult
    public func deactivate(_ name: String?, credentialID: String? = nil) -> Int {
        state.withLock { state in
            let before = state.activations.count
            state.activations.removeAll { activation in
                (name == nil || activation.scenario.name == name)
                    && (credentialID == nil || activation.credential?.id == credentialID)
            }
            activeCount.store(state.activations.count, ordering: .relaxed)
            return before - state.activations.count
        }
    }

    /// The running activations, oldest first, with their hit counts.
    public func activations() -> [ScenarioActivationSummary] {
        state.withLock { $0.activations.map(\.summary) }
    }

    /// Lifts the rejection of a token the vendor has just issued again (see ``ScenarioStage``).
    func tokenIssued(signature: String) {
        state.withLock { state in
            for index in state.activations.indices { state.activations[index].rejectedTokens[signature] = nil }
        }
    }

    /// Decides what the active scenarios do with `request` at virtual time `now`; `nil` when nothing applies.
    func decide(_ request: ScenarioRequest, now: Date) -> ScenarioDecision? {
        state.withLock { state in
            var decision = ScenarioDecision()
            for index in state.activations.indices where state.activations[index].applies(to: request) {
                Self.enforce(&state.activations[index], on: request, now: now, into: &decision)
                if decision.refusal != nil { return decision }
            }
            // Every activation counts the request, so call windows mean the same whatever else is active; only the
            // first rule whose window admits it fires.
            for index in state.activations.indices where state.activations[index].applies(to: request) {
                let fired = decision.rule != nil
                guard let rule = Self.fire(&state.activations[index], on: request, now: now, counting: fired) else {
                    continue
                }
                decision.rule = rule
                decision.label = state.activations[index].label(rule.name)
                if let kind = rule.effects.tokens, request.identity.rejectable != nil {
                    decision.refusal = .token(kind)
                }
                if let size = rule.effects.pageSize { decision.pageSizeCap = min(size, decision.pageSizeCap ?? size) }
                if rule.effects.rateLimit != nil { Self.count(&state.activations[index], now: now, into: &decision) }
            }
            return decision.isEmpty ? nil : decision
        }
    }

    /// Applies the effects already in force: rejected tokens and keys, a page-size cap, a rate-limit window.
    private static func enforce(
        _ activation: inout ScenarioActivation, on request: ScenarioRequest, now: Date,
        into decision: inout ScenarioDecision
    ) {
        let rejected =
            request.identity.token.flatMap { activation.rejectedTokens[$0] }
            ?? request.identity.key.flatMap { activation.rejectedKeys[$0] }
        if let (kind, rule) = rejected {
            decision.refusal = .token(kind)
            decision.label = activation.label(rule)
            return
        }
        if let cap = activation.pageSizeCap { decision.pageSizeCap = min(cap, decision.pageSizeCap ?? cap) }
        count(&activation, now: now, into: &decision)
    }

    /// Counts a request in the activation's rate-limit window, if one is open, and refuses it beyond the limit.
    private static func count(_ activation: inout ScenarioActivation, now: Date, into decision: inout ScenarioDecision)
    {
        guard var window = activation.rateWindow else { return }
        guard now < window.end else {
            activation.rateWindow = nil
            return
        }
        window.count += 1
        activation.rateWindow = window
        let reset = max(Int(window.end.timeIntervalSince(now).rounded(.up)), 1)
        decision.headers = [
            ("x-rate-limit-limit", String(window.limit)),
            ("x-rate-limit-remaining", String(max(window.limit - window.count, 0))),
            ("x-rate-limit-reset", String(reset)),
        ]
        if window.count > window.limit {
            decision.refusal = .rateLimited(retryAfter: reset)
            decision.label = activation.label(window.rule)
            decision.headers.append(("Retry-After", String(reset)))
        }
    }

    /// Counts `request` against each rule it matches, fires the first whose call window admits it (unless
    /// `onlyCount`), and records the rule's in-memory effects.
    private static func fire(
        _ activation: inout ScenarioActivation, on request: ScenarioRequest, now: Date, counting onlyCount: Bool
    ) -> ScenarioRule? {
        var fired: ScenarioRule?
        for (index, rule) in activation.scenario.rules.enumerated() {
            guard rule.match.matches(request), rule.whenState.map({ $0 == activation.state }) ?? true,
                rule.effects.tokens == nil || request.identity.rejectable != nil
            else { continue }
            activation.matched[index] += 1
            guard !onlyCount, fired == nil, activation.admits(rule.calls, call: activation.matched[index]) else {
                continue
            }
            activation.hits[index] += 1
            fired = rule
        }
        guard let rule = fired else { return nil }
        if let next = rule.setState { activation.state = next }
        let effects = rule.effects
        if let kind = effects.tokens, let target = request.identity.rejectable {
            switch target {
            case .token(let token): activation.rejectedTokens[token] = (kind, rule.name)
            case .key(let key): activation.rejectedKeys[key] = (kind, rule.name)
            }
        }
        if let size = effects.pageSize { activation.pageSizeCap = size }
        if let limit = effects.rateLimit {
            activation.rateWindow = .init(
                rule: rule.name, limit: limit.limit, start: now,
                end: now.addingTimeInterval(TimeInterval(limit.windowSeconds)))
        }
        return rule
    }
}
