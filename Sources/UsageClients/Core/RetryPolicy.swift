import Foundation

/// When and how long to wait before trying a request again: exponential backoff with full jitter, honouring the
/// server's `Retry-After` and `x-rate-limit-reset`.
///
/// ```swift
/// var options = ClientOptions()
/// options.retry = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100))
/// ```
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; `1` disables retries.
    public var maxAttempts: Int
    /// The first backoff step.
    public var baseDelay: Duration
    /// The longest wait between attempts.
    public var maxDelay: Duration
    /// Statuses worth another attempt.
    public var retryableStatuses: Set<Int>

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(20),
        retryableStatuses: Set<Int> = [429, 502, 503, 504]
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
    }

    /// The wait before attempt `attempt + 1`: what the server asked for (never shortened), or else the backoff;
    /// `random` in 0..<1 spreads clients apart.
    func delay(afterAttempt attempt: Int, response: HTTPResponseData?, random: Double) -> Duration {
        if let response, let hinted = Self.serverHint(response) { return hinted }
        let exponential = baseDelay * (1 << min(attempt - 1, 20))
        return min(maxDelay, exponential) * random
    }

    /// `Retry-After` (seconds or an HTTP date) or `x-rate-limit-reset` (seconds until the window resets).
    static func serverHint(_ response: HTTPResponseData) -> Duration? {
        if let value = response.header("Retry-After") {
            if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return .seconds(max(0, seconds)) }
            if let date = httpDate(value) { return .seconds(max(0, date.timeIntervalSinceNow)) }
        }
        if let value = response.header("x-rate-limit-reset"), let seconds = Double(value) {
            return .seconds(max(0, seconds))
        }
        return nil
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
