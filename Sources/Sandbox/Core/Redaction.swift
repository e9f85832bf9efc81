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
        "secret", "password", "passwd", "token", "apikey", "api_key", "api-key", "auth", "cookie", "key", "jwt",
        "signature", "credential", "session", "assertion",
    ].map { Array($0.utf8) }

    /// An `Authorization` value with its secret part masked: `Bearer tokenId:***` (Zylo's public token id stays
    /// readable), `basic ***` (a Mason key is secret whole, colon or not).
    static func authorization(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return mask }
        let credential = parts[1]
        if parts[0].lowercased() == "bearer", let colon = credential.firstIndex(of: ":") {
            return "\(parts[0]) \(credential[..<colon]):\(mask)"
        }
        return "\(parts[0]) \(mask)"
    }

    /// A header value as the journal shows it.
    static func header(name: String, value: String) -> String {
        if name.lowercased() == "authorization" { return authorization(value) }
        return isSecret(name) ? mask : value
    }

    /// A query string (or form body) with secret parameters masked; names are judged after percent-decoding, so
    /// `client_secre%74` is `client_secret`.
    static func query(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ")
            guard parts.count == 2, isSecret(name.removingPercentEncoding ?? name) else { return String(pair) }
            return "\(parts[0])=\(mask)"
        }.joined(separator: "&")
    }

    /// A request body as the journal shows it: secret fields masked in whatever the sandbox could read as JSON or
    /// as a form, whatever its `Content-Type` says (vendors read bodies with no or the wrong type too).
    static func body(_ data: Data, contentType: String?) -> String {
        let type = contentType?.lowercased() ?? ""
        if type.contains("multipart") {
            return "<multipart body, \(data.count) bytes>"
        }
        let first = data.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        {
            let masked = maskJSON(object)
            if let out = try? JSONSerialization.data(withJSONObject: masked, options: [.sortedKeys]) {
                return String(decoding: out, as: UTF8.self)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return maskBrokenJSON(text) }
        return text.contains("=") ? query(text) : text
    }

    /// JSON that does not parse (cut short, say) still has `"name": "value"` pairs: mask those of secret names.
    private static func maskBrokenJSON(_ text: String) -> String {
        guard let pattern = brokenJSONPair else { return mask }
        let range = NSRange(text.startIndex..., in: text)
        var result = text
        for match in pattern.matches(in: text, range: range).reversed() {
            guard let name = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: result),
                isSecret(String(text[name]))
            else { continue }
            result.replaceSubrange(value, with: mask)
        }
        return result
    }

    /// `"name" : "value` (the value's closing quote may be missing when the body was cut).
    private static let brokenJSONPair = try? NSRegularExpression(
        pattern: #""((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"#)

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
