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

    /// Sends `method path?query`; answers a 2xx response or throws.
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
        let started = ContinuousClock.now
        var rejected: String?
        var attempt = 0
        var triedFreshCredential = false
        while true {
            attempt += 1
            let remaining = options.deadline - (ContinuousClock.now - started)
            guard remaining > .zero else {
                throw UsageClientError(
                    kind: .deadlineExceeded, vendor: vendor, operation: operation,
                    message: "no answer within the deadline of \(options.deadline)")
            }
            var allHeaders = headers
            var credential = ""
            if authorized {
                let auth = try await authorizer.headers(rejected)
                allHeaders += auth.headers
                credential = auth.credential
            }
            let request = HTTPRequestData(method: method, url: url, headers: allHeaders, body: body)
            let response: HTTPResponseData
            do {
                response = try await options.transport.send(request, timeout: min(options.requestTimeout, remaining))
            } catch {
                let failure = AsyncHTTPClientTransport.classify(error).located(vendor: vendor, operation: operation)
                let safe = failure.kind == .connectionFailed || repeatable
                guard safe, attempt < options.retry.maxAttempts else { throw failure }
                try await wait(
                    options.retry.delay(afterAttempt: attempt, response: nil, random: .random(in: 0..<1)), remaining,
                    failure)
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
            guard safe, options.retry.retryableStatuses.contains(response.status), attempt < options.retry.maxAttempts
            else { throw failure }
            try await wait(
                options.retry.delay(afterAttempt: attempt, response: response, random: .random(in: 0..<1)), remaining,
                failure)
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

    private func wait(_ delay: Duration, _ remaining: Duration, _ failure: UsageClientError) async throws {
        // Waiting past the deadline cannot help: report what the vendor said instead.
        guard delay < remaining else { throw failure }
        try await options.sleep(delay)
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
