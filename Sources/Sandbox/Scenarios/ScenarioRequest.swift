import Foundation
import Hummingbird
import UsageJSON

/// The facts of one vendor request that scenario rules match on.
struct ScenarioRequest: Sendable {
    let vendor: Vendor
    let method: String
    /// The path below the vendor's prefix, such as `/v1/subscriptions`.
    let path: String
    /// Percent-decoded query parameters; the first value of a repeated name.
    let query: [String: String]
    /// Header values by lower-cased name.
    let headers: [String: String]
    /// The body as JSON, or a form body as an object of strings; `nil` when absent or neither.
    let body: JSONValue?
    var identity: ScenarioIdentity

    init(_ request: Request, vendor: Vendor, body data: Data?) {
        self.vendor = vendor
        method = request.method.rawValue
        path = String(request.uri.path.dropFirst(vendor.pathPrefix.count))
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let key = String(name).removingPercentEncoding ?? String(name)
            if query[key] == nil { query[key] = String(value).removingPercentEncoding ?? String(value) }
        }
        self.query = query
        var headers: [String: String] = [:]
        for field in request.headers where headers[field.name.canonicalName] == nil {
            headers[field.name.canonicalName] = field.value
        }
        self.headers = headers
        body = data.flatMap { Self.parseBody($0, contentType: headers["content-type"]) }
        identity = ScenarioIdentity(vendor: vendor, authorization: headers["authorization"], body: body)
    }

    static func parseBody(_ data: Data, contentType: String?) -> JSONValue? {
        if contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            var fields: [String: JSONValue] = [:]
            for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                if let name = parts.first, fields[name] == nil {
                    fields[name] = .string(parts.count > 1 ? parts[1] : "")
                }
            }
            return .object(fields)
        }
        return JSONValue.parse(data)
    }
}
