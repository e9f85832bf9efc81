import Hummingbird

/// Marks each request with the listener it came through before the sandbox's responder sees it.
struct ListenerResponder<Inner: HTTPResponder<SandboxContext>>: HTTPResponder {
    typealias Context = SandboxContext

    let inner: Inner
    let listener: Listener
    let scheme: String

    func respond(to request: Request, context: SandboxContext) async throws -> Response {
        var context = context
        context.listener = listener
        context.scheme = scheme
        return try await inner.respond(to: request, context: context)
    }
}
