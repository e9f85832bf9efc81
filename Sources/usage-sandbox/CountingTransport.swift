import UsageClients

/// A transport that counts each request a client sends (retries included) before passing it on.
struct CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    let progress: RecordProgress

    func send(_ request: HTTPRequestData, timeout: Duration) async throws -> HTTPResponseData {
        progress.request()
        return try await base.send(request, timeout: timeout)
    }
}
