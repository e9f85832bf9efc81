import Foundation

/// An opaque `nextPage`/`prevPage` key: the sort value and resource key of a row, and a fingerprint of the query
/// it belongs to, base64url-encoded. A key from another query, or a made-up one, is a 400.
struct MasonPageKey: Codable, Sendable, Equatable {
    /// The row's value in the ordering column.
    let value: Int64
    /// The row's resource key (iccid and marker value), the tie-break.
    let key: String
    /// Which query the key belongs to.
    let query: String

    var encoded: String {
        let data = (try? OrderedJSONEncoder.encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Decodes `text` given as the parameter `name`, checking it belongs to `query`.
    static func decode(_ text: String, parameter name: String, query: String) throws(MasonAPIError) -> MasonPageKey {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let key = try? JSONDecoder().decode(MasonPageKey.self, from: data)
        else { throw .badRequest("\(name) is not a page key returned by this API: '\(text)'") }
        guard key.query == query else {
            throw .badRequest("\(name) belongs to a different query: keep date, marker, orderBy and orderByColumn")
        }
        return key
    }

    /// A short, stable fingerprint of a query's parameters (FNV-1a).
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
