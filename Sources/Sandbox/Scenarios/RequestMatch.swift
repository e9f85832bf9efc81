import Foundation
import UsageJSON

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

    /// Whether `path` fits the pattern, in one pass over the path: the pattern positions still alive are kept as a
    /// set (a `**` stays alive and lets the next position start too), so several `**` cost `O(path × pattern)`,
    /// never the exponential backtracking of a recursive glob.
    func matches(_ path: String) -> Bool {
        var alive = Array(repeating: false, count: segments.count + 1)
        alive[0] = true
        skipDoubleStars(&alive)
        for segment in path.split(separator: "/") {
            var next = Array(repeating: false, count: segments.count + 1)
            for position in segments.indices where alive[position] {
                let head = segments[position]
                if head == "**" {
                    next[position] = true
                } else if head == "*" || head == segment {
                    next[position + 1] = true
                }
            }
            skipDoubleStars(&next)
            guard next.contains(true) else { return false }
            alive = next
        }
        return alive[segments.count]
    }

    /// Marks the position after each alive `**` alive too: a `**` may match no segment at all.
    private func skipDoubleStars(_ alive: inout [Bool]) {
        for position in segments.indices where alive[position] && segments[position] == "**" {
            alive[position + 1] = true
        }
    }
}
