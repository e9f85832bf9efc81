import Foundation

/// Sends one vendor call: builds the URL, authorises, retries what is safe to retry within the deadline, and turns
/// failures into ``UsageClientError``s that name the call.
struct RequestExecutor: Sendable {
    let vendor: String
    let baseURL: URL
    let options: ClientOptions
    let authorizer: Authorizer
    /// The response header carrying the vendor's request id (`zylo-request-id`), if it has one.
    var requestIDHeader: String?
    /// The message in a vendor error body, such as Zylo's `message` or OAuth2's `error_description`.
    var messageKeys = ["message", "error_description", "error"]

    /// The end of the operation the current task is part of, when one is running: a token fetch made for a call,
    /// or the calls of a job run, count against the deadline of the operation that made them.
    @TaskLocal static var operationDeadline: ContinuousClock.Instant?

    /// Sends `method path?query`; answers a 2xx response or throws.
    ///
    /// The call ends by `options.deadline`, or by the deadline of the operation it is part of if that is sooner:
    /// the token fetch, every attempt and every wait between attempts count against it.
    ///
    /// - Parameter idempotent: whether the call may run twice; defaults to every method but `POST` and `PATCH`.
    ///   A call that is not idempotent is retried only when the server cannot have acted on it (a refused
    ///   connection, a 429).
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], headers: [(name: String, value: String)] = [],
        body: Data? = nil, authorized: Bool = true, idempotent: Bool? = nil
    ) async throws -> HTTPResponseData {
        let operation = "\(method) \(path)"
        let url = try makeURL(path: path, query: query, operation: operation)
        let repeatable = idempotent ?? !["POST", "PATCH"].contains(method)
        let ownDeadline = ContinuousClock.now + options.deadline
        let deadline = Self.operationDeadline.map { min($0, ownDeadline) } ?? ownDeadline
        // A token fetched for this call inherits its deadline through the task-local value.
        return try await Self.$operationDeadline.withValue(deadline) { () async throws -> HTTPResponseData in
            var rejected: String?
            var attempt = 0
            var triedFreshCredential = false
            while true {
                attempt += 1
                var allHeaders = headers
                var credential = ""
                if authorized {
                    let auth = try await authorizer.headers(rejected)
                    allHeaders += auth.headers
                    credential = auth.credential
                }
                let remaining = try timeLeft(until: deadline, operation: operation)
                let request = HTTPRequestData(method: method, url: url, headers: allHeaders, body: body)
                let response: HTTPResponseData
                do {
                    let timeout = min(options.requestTimeout, remaining)
                    response = try await options.transport.send(request, timeout: timeout)
                } catch {
                    var failure = AsyncHTTPClientTransport.classify(error).located(vendor: vendor, operation: operation)
                    if failure.kind == .timeout, remaining < options.requestTimeout {
                        // The attempt was cut short by the deadline, not by the request timeout.
                        failure = deadlineExceeded(operation)
                    }
                    let safe = failure.kind == .connectionFailed || repeatable
                    guard safe, attempt < options.retry.maxAttempts else { throw failure }
                    try await wait(
                        options.retry.delay(afterAttempt: attempt, response: nil, random: .random(in: 0..<1)),
                        until: deadline, failure)
                    continue
                }
                if (200..<300).contains(response.status) { return response }
                let failure = error(from: response, operation: operation)
                if response.status == 401, authorizer.refreshesOn401, !triedFreshCredential {
                    triedFreshCredential = true
                    rejected = credential
                    continue
                }
                let safe = repeatable || response.status == 429
                guard safe, options.retry.retryableStatuses.contains(response.status),
                    attempt < options.retry.maxAttempts
                else { throw failure }
                try await wait(
                    options.retry.delay(afterAttempt: attempt, response: response, random: .random(in: 0..<1)),
                    until: deadline, failure)
            }
        }
    }

    /// Sends the call and decodes its JSON body as `T`.
    func json<T: Decodable>(
        _ type: T.Type, _ method: String, _ path: String, query: [(String, String)] = [],
        headers: [(name: String, value: String)] = [], body: Data? = nil, authorized: Bool = true,
        idempotent: Bool? = nil
    ) async throws -> T {
        let response = try await send(
            method, path, query: query, headers: headers, body: body, authorized: authorized, idempotent: idempotent)
        return try decode(T.self, from: response, operation: "\(method) \(path)")
    }

    /// `response`'s body decoded as `T`, or a `.decoding` error naming the call.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponseData, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw UsageClientError(
                kind: .decoding, vendor: vendor, operation: operation, requestID: requestID(response),
                message: "the response does not have the documented shape: \(error)")
        }
    }

    /// A JSON body for a request.
    static func jsonBody(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Waits `delay` before the next attempt, or throws `failure` at once when the wait would end past `deadline`:
    /// waiting past the deadline cannot help, so the caller hears what the vendor said instead.
    private func wait(
        _ delay: Duration, until deadline: ContinuousClock.Instant, _ failure: UsageClientError
    ) async throws {
        guard ContinuousClock.now + delay < deadline else { throw failure }
        try await options.sleep(delay)
    }

    /// The time left before `deadline`, or a `.deadlineExceeded` error when there is none.
    private func timeLeft(until deadline: ContinuousClock.Instant, operation: String) throws -> Duration {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw deadlineExceeded(operation) }
        return remaining
    }

    private func deadlineExceeded(_ operation: String) -> UsageClientError {
        UsageClientError(
            kind: .deadlineExceeded, vendor: vendor, operation: operation,
            message: "no answer before the operation's deadline (at most \(options.deadline))")
    }

    private func requestID(_ response: HTTPResponseData) -> String? {
        requestIDHeader.flatMap { response.header($0) }
    }

    private func error(from response: HTTPResponseData, operation: String) -> UsageClientError {
        var fields: [String: String]?
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            fields = object.mapValues { value in
                if let string = value as? String { return string }
                if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
                    return String(decoding: data, as: UTF8.self)
                }
                return String(describing: value)
            }
        }
        let message = messageKeys.lazy.compactMap { fields?[$0] }.first ?? "HTTP \(response.status)"
        return UsageClientError(
            kind: .http(status: response.status), vendor: vendor, operation: operation, requestID: requestID(response),
            errorBody: fields, message: message)
    }

    private func makeURL(path: String, query: [(String, String)], operation: String) throws -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw UsageClientError(
                kind: .decoding, vendor: vendor, operation: operation, message: "invalid URL \(text)")
        }
        return url
    }

    /// Percent-encodes everything but unreserved characters, so `+`, `&`, `=` and brackets travel safely.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
