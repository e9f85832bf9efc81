import Foundation
import UsageJSON

extension ScenarioParser {
    mutating func response(_ value: JSONValue, at path: String) -> ScenarioResponse {
        var response = ScenarioResponse()
        guard let object = object(value, at: path, allowed: Self.respondFields) else { return response }
        response.status = integer(object, "status", at: path, range: 200...599)
        response.message = string(object, "message", at: path)
        if let body = object["body"] { response.body = .json(body) }
        if let text = string(object, "bodyText", at: path) {
            if response.body != nil { fail(path + ".bodyText", "give either body or bodyText, not both") }
            response.body = .text(text)
        }
        if response.body != nil, response.status == nil {
            fail(path + ".status", "is required with a body: the rule answers instead of the vendor")
        }
        if let status = response.status, status < 400, response.body == nil {
            fail(path + ".body", "is required with a status below 400: only errors have a vendor body to default to")
        }
        if let headers = object["headers"] {
            if case .object(let fields) = headers {
                for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                    if case .string(let text) = field {
                        response.headers.append((name, text))
                    } else {
                        fail("\(path).headers.\(name)", "expected a string; got \(field.kindName)")
                    }
                }
            } else {
                fail(path + ".headers", "expected an object of header names to strings; got \(headers.kindName)")
            }
        }
        response.delayMs = integer(object, "delayMs", at: path, range: 0...600_000) ?? 0
        if let name = string(object, "fault", at: path) {
            switch name {
            case "reset": response.fault = .reset
            case "close": response.fault = .close
            case "garbage": response.fault = .garbage
            case "truncate": response.fault = .truncate
            case "trickle": response.fault = trickle(object["trickle"], at: path + ".trickle")
            default: fail(path + ".fault", expectedOne(ScenarioFault.names, got: name))
            }
        }
        if object["trickle"] != nil, response.fault.map({ if case .trickle = $0 { true } else { false } }) != true {
            fail(path + ".trickle", "only applies with \"fault\": \"trickle\"")
        }
        return response
    }

    private mutating func trickle(_ value: JSONValue?, at path: String) -> ScenarioFault {
        guard let value else { return .trickle(chunkBytes: 16, intervalMs: 100) }
        guard let object = object(value, at: path, allowed: ["chunkBytes", "intervalMs"]) else {
            return .trickle(chunkBytes: 16, intervalMs: 100)
        }
        return .trickle(
            chunkBytes: integer(object, "chunkBytes", at: path, range: 1...1_048_576) ?? 16,
            intervalMs: integer(object, "intervalMs", at: path, range: 1...60_000) ?? 100)
    }

    mutating func effects(_ value: JSONValue, at path: String) -> ScenarioEffects {
        var effects = ScenarioEffects()
        guard let object = object(value, at: path, allowed: Self.effectFields) else { return effects }
        if let name = string(object, "tokens", at: path) {
            effects.tokens = ScenarioEffects.Tokens(rawValue: name)
            if effects.tokens == nil {
                fail(path + ".tokens", expectedOne(ScenarioEffects.Tokens.allCases.map(\.rawValue), got: name))
            }
        }
        if let name = string(object, "meter", at: path) {
            effects.meter = ScenarioEffects.Meter(rawValue: name)
            if effects.meter == nil {
                fail(path + ".meter", expectedOne(ScenarioEffects.Meter.allCases.map(\.rawValue), got: name))
            }
        }
        if let name = string(object, "job", at: path) {
            effects.job = ScenarioEffects.Job(rawValue: name)
            if effects.job == nil {
                fail(path + ".job", expectedOne(ScenarioEffects.Job.allCases.map(\.rawValue), got: name))
            }
        }
        effects.pageSize = integer(object, "pageSize", at: path, range: 1...10_000)
        if let name = string(object, "pageTokens", at: path) {
            if name == "invalidate" {
                effects.invalidatePageTokens = true
            } else {
                fail(path + ".pageTokens", expectedOne(["invalidate"], got: name))
            }
        }
        if let limit = object["rateLimit"] {
            let at = path + ".rateLimit"
            if let fields = self.object(limit, at: at, allowed: ["limit", "windowSeconds"]) {
                let count = integer(fields, "limit", at: at, range: 0...1_000_000, required: true) ?? 0
                let window = integer(fields, "windowSeconds", at: at, range: 1...86_400, required: true) ?? 1
                effects.rateLimit = .init(limit: count, windowSeconds: window)
            }
        }
        if effects.isEmpty, problems.isEmpty {
            fail(path, "expected at least one of \(Self.effectFields.joined(separator: ", "))")
        }
        return effects
    }
}
