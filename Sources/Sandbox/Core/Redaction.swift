import Foundation

/// Hides secrets before a request is written to the journal or a log.
enum Redaction {
    static let mask = "***"

    /// Names of headers, query parameters and JSON keys whose values are secrets.
    static func isSecret(_ name: String) -> Bool {
        let name = Array(name.lowercased().utf8)
        return secretWords.contains { word in
            name.count >= word.count
                && (0...(name.count - word.count)).contains { name[$0..<$0 + word.count].elementsEqual(word) }
        }
    }

    /// Words that mark a name as secret, as UTF-8 (compared without Foundation, which is slow on Linux).
    private static let secretWords: [[UInt8]] = [
        "secret", "password", "token", "apikey", "api_key", "api-key", "authorization", "cookie", "key",
    ].map { Array($0.utf8) }

    /// An `Authorization` value with its secret part masked: `Bearer tokenId:***`, `basic ***`.
    static func authorization(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return mask }
        let credential = parts[1]
        if let colon = credential.firstIndex(of: ":") {
            return "\(parts[0]) \(credential[..<colon]):\(mask)"
        }
        return "\(parts[0]) \(mask)"
    }

    /// A header value as the journal shows it.
    static func header(name: String, value: String) -> String {
        if name.lowercased() == "authorization" { return authorization(value) }
        return isSecret(name) ? mask : value
    }

    /// A query string with secret parameters masked.
    static func query(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, isSecret(String(parts[0])) else { return String(pair) }
            return "\(parts[0])=\(mask)"
        }.joined(separator: "&")
    }

    /// A request body as the journal shows it: JSON and form bodies with secret fields masked.
    static func body(_ data: Data, contentType: String?) -> String {
        let type = contentType?.lowercased() ?? ""
        if type.contains("json"), let object = try? JSONSerialization.jsonObject(with: data) {
            let masked = maskJSON(object)
            if let out = try? JSONSerialization.data(withJSONObject: masked, options: [.sortedKeys]) {
                return String(decoding: out, as: UTF8.self)
            }
        }
        if type.contains("x-www-form-urlencoded") {
            return query(String(decoding: data, as: UTF8.self))
        }
        if type.contains("multipart") {
            return "<multipart body, \(data.count) bytes>"
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func maskJSON(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.reduce(into: [String: Any]()) { result, entry in
                result[entry.key] = isSecret(entry.key) ? mask : maskJSON(entry.value)
            }
        }
        if let array = value as? [Any] { return array.map(maskJSON) }
        return value
    }
}
