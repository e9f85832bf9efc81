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
}

extension DecodingError {
    /// A one-line description that names the offending field, for a 400 body.
    var sandboxDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "body" : codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : path(context.codingPath) + "."
            return "\(parent)\(key.stringValue) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.describe(type)), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "request body is not valid JSON" : "\(path(context.codingPath)) is invalid"
        @unknown default:
            return "request body is invalid"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "an object of the documented shape"
        }
    }
}
