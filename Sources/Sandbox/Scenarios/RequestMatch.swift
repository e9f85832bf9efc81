import Foundation

/// What a request must look like for a rule to consider it; every given field must match.
struct RequestMatch: Sendable {
    /// A query or header value: present, absent, or exactly equal.
    enum Value: Sendable, Equatable {
        case present
        case absent
        case equals(String)

        func matches(_ actual: String?) -> Bool {
            switch self {
            case .present: actual != nil
            case .absent: actual == nil
            case .equals(let expected): actual == expected
            }
        }
    }

    var vendor: Vendor?
    var method: String?
    var path: PathPattern?
    var query: [String: Value] = [:]
    /// Keys lower-cased.
    var headers: [String: Value] = [:]
    /// Dotted paths into a JSON or form body, each equal to the value given.
    var body: [String: JSONValue] = [:]
    /// A credential's key (Zylo `tokenId`, Mason `apiKey`, Hyalto `accessKey`, Usage Engine `clientId`) or id.
    var credential: String?

    func matches(_ request: ScenarioRequest) -> Bool {
        if let vendor, vendor != request.vendor { return false }
        if let method, method != request.method { return false }
        if let path, !path.matches(request.path) { return false }
        for (name, value) in query where !value.matches(request.query[name]) { return false }
        for (name, value) in headers where !value.matches(request.headers[name]) { return false }
        for (path, expected) in body where request.body?.value(at: path) != expected { return false }
        if let credential, !request.identity.names(credential) { return false }
        return true
    }
}

/// A path glob relative to the vendor's prefix: `*` is one segment, `**` any number of segments.
struct PathPattern: Sendable, Equatable {
    let segments: [String]

    init(_ pattern: String) {
        segments = pattern.split(separator: "/").map(String.init)
    }

    func matches(_ path: String) -> Bool {
        Self.matches(segments[...], path.split(separator: "/").map(String.init)[...])
    }

    private static func matches(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            return (path.startIndex...path.endIndex).contains { matches(pattern.dropFirst(), path[$0...]) }
        }
        guard let segment = path.first, head == "*" || head == segment else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
