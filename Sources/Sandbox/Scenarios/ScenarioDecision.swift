import Foundation

/// What the scenario engine decided for one request.
struct ScenarioDecision: Sendable {
    /// A request refused by an effect still in force.
    enum Refusal: Sendable {
        /// Its token or key was expired or revoked by a `tokens` effect.
        case token(ScenarioEffects.Tokens)
        /// A `rateLimit` window is exhausted; `Retry-After` is `retryAfter` seconds.
        case rateLimited(retryAfter: Int)
    }

    /// `scenario/rule` for the journal.
    var label: String?
    var refusal: Refusal?
    /// The rule that fired, whose response and effects apply.
    var rule: ScenarioRule?
    /// Headers added to whatever answers (`x-rate-limit-*` inside a window).
    var headers: [(name: String, value: String)] = []
    /// The largest page a listing may answer.
    var pageSizeCap: Int?

    var isEmpty: Bool { label == nil && headers.isEmpty && pageSizeCap == nil }
}
