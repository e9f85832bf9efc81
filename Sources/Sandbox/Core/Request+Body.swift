import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// Reads the whole body, refusing one larger than the sandbox accepts with ``SandboxFailure/payloadTooLarge(limit:)``.
    ///
    /// A declared `Content-Length` over the limit is refused before a byte is read.
    mutating func collectBody(context: SandboxContext) async throws -> ByteBuffer {
        let limit = context.maxBodyBytes
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit {
            throw SandboxFailure.payloadTooLarge(limit: limit)
        }
        do {
            return try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw SandboxFailure.payloadTooLarge(limit: limit)
        }
    }

    /// Decodes a JSON body, naming the field at fault when it does not fit `type`.
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: SandboxContext) async throws -> T {
        let buffer = try await collectBody(context: context)
        guard buffer.readableBytes > 0 else { throw SandboxFailure.badRequest("request body must be a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw SandboxFailure.badRequest(error.sandboxDescription)
        }
    }

    /// The query parameter `name`, percent-decoded; `nil` when absent.
    func queryValue(_ name: String) -> String? {
        uri.queryParameters[name[...]].map { String($0) }
    }

    /// A lookup of query parameters that parses the query once, for handlers that read several of them
    /// (`uri.queryParameters` parses the whole query on every access).
    func queryValues() -> (String) -> String? {
        let parameters = uri.queryParameters
        return { name in parameters[name[...]].map { String($0) } }
    }
}

extension DecodingError {
    /// A one-line description that names the offending field, for a 400 body: `tokenId must be a string`.
    var sandboxDescription: String { "\(fieldPath) \(expectation)" }

    /// Where the error is, as a JSON path such as `[3].primaryContract.billFrequency`; `body` for the whole document.
    var fieldPath: String {
        let codingPath: [any CodingKey]
        switch self {
        case .keyNotFound(let key, let context): codingPath = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        @unknown default: codingPath = []
        }
        let path = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        if path.isEmpty { return "body" }
        return path.hasPrefix(".") ? String(path.dropFirst()) : path
    }

    /// What the field should have been: `is required`, `must be a number`.
    var expectation: String {
        switch self {
        case .keyNotFound: "is required"
        case .typeMismatch(let type, _): "must be \(Self.describe(type))"
        case .valueNotFound(let type, _): "must be \(Self.describe(type)), not null"
        case .dataCorrupted(let context): context.codingPath.isEmpty ? "is not valid JSON" : "is invalid"
        @unknown default: "is invalid"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is Bool.Type: "a boolean"
        case is [Any].Type: "an array"
        default: "an object of the documented shape"
        }
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end (Foundation's `trimmingCharacters` is slow on Linux, and
    /// credentials are read on every request).
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
