/// A failure found by shared code before or around vendor logic; each vendor renders it in its own envelope.
public enum SandboxFailure: Error, Sendable, Equatable {
    /// No emulated route matches; rendered as the vendor's 404 with `X-Sandbox-Not-Emulated: true`.
    case notEmulated(method: String, path: String)
    /// The request is malformed; the message names the offending field.
    case badRequest(String)
    /// The body is larger than the sandbox accepts.
    case payloadTooLarge(limit: Int)
    /// A bug in the sandbox; logged, and rendered as the vendor's 500.
    case internalError(String)
}
