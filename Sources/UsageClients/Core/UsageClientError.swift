import Foundation

/// Every failure a client reports: what kind, which vendor call, the vendor's status, error body and request id.
///
/// ```swift
/// do { _ = try await zylo.subscription(id: id) }
/// catch let error as UsageClientError where error.kind == .http(status: 404) { … }
/// ```
/// Descriptions never contain credentials or tokens.
public struct UsageClientError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The vendor answered with a non-success status.
        case http(status: Int)
        /// One attempt took longer than the request timeout.
        case timeout
        /// The operation (token fetch, attempts and waits included) reached its deadline, or a job's next poll would
        /// come after it.
        case deadlineExceeded
        /// The server reset the connection.
        case connectionReset
        /// The server closed the connection without a (complete) response.
        case connectionClosed
        /// The connection could not be made: the request never reached the server.
        case connectionFailed
        /// The bytes received are not an HTTP response.
        case malformedResponse
        /// The response is HTTP but its body does not have the vendor's documented shape: a list's key missing, an
        /// empty file where rows are expected, a field of the wrong type.
        case decoding
        /// A job the client ran to its end (a Zylo export or import) stopped in a failure state; `message` names it.
        case jobFailed
    }

    public let kind: Kind
    /// `hyalto`, `usage-engine`, `zylo` or `mason`.
    public let vendor: String
    /// The call, such as `GET /v1/subscriptions`.
    public let operation: String
    /// The vendor's request id (Zylo's `zylo-request-id`), when it sent one.
    public let requestID: String?
    /// The vendor's error body, decoded as an object of fields, when it sent JSON.
    public let errorBody: [String: String]?
    /// A human-readable account: the vendor's message where it gave one.
    public let message: String

    public init(
        kind: Kind, vendor: String = "", operation: String = "", requestID: String? = nil,
        errorBody: [String: String]? = nil, message: String
    ) {
        self.kind = kind
        self.vendor = vendor
        self.operation = operation
        self.requestID = requestID
        self.errorBody = errorBody
        self.message = message
    }

    /// The HTTP status, for `.http` errors.
    public var status: Int? {
        if case .http(let status) = kind { return status }
        return nil
    }

    public var description: String {
        var text =
            "\(vendor.isEmpty ? "" : "\(vendor): ")\(operation.isEmpty ? "" : "\(operation): ")\(kind): \(message)"
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    /// The same error, placed in a vendor call.
    func located(vendor: String, operation: String) -> UsageClientError {
        UsageClientError(
            kind: kind, vendor: vendor, operation: operation, requestID: requestID, errorBody: errorBody,
            message: message)
    }
}
