import Foundation
import UsageJSON

/// Reads a scenario document, collecting every problem with the field it is in.
struct ScenarioParser {
    var problems: [ScenarioFileError.Problem] = []

    static let scenarioFields = ["$schema", "name", "description", "seed", "rules"]
    static let ruleFields = ["name", "match", "calls", "whenState", "setState", "respond", "effects"]
    static let matchFields = ["vendor", "method", "path", "query", "headers", "body", "credential"]
    static let respondFields = ["status", "message", "body", "bodyText", "headers", "delayMs", "fault", "trickle"]
    static let effectFields = ["tokens", "job", "meter", "pageSize", "pageTokens", "rateLimit"]
    static let callWindows = ["nth", "first", "after", "probability"]

    /// Parses `document`, or throws every problem found in it.
    static func parse(_ document: JSONValue, file: String, source: String) throws(ScenarioFileError) -> Scenario {
        var parser = ScenarioParser()
        let scenario = parser.scenario(document, source: source)
        guard let scenario, parser.problems.isEmpty else {
            throw ScenarioFileError(file: file, problems: parser.problems)
        }
        return scenario
    }

    /// Parses the bytes of a scenario file.
    static func parse(_ data: Data, file: String, source: String) throws(ScenarioFileError) -> Scenario {
        do {
            return try parse(try JSONDecoder().decode(JSONValue.self, from: data), file: file, source: source)
        } catch let error as ScenarioFileError {
            throw error
        } catch {
            throw ScenarioFileError(file: file, problems: [.init(field: "", message: "is not valid JSON")])
        }
    }

    private mutating func scenario(_ document: JSONValue, source: String) -> Scenario? {
        guard let object = object(document, at: "", allowed: Self.scenarioFields) else { return nil }
        let name = string(object, "name", at: "", required: true) ?? ""
        if !name.isEmpty, name.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) == nil {
            fail(
                "name", "expected lower-case letters, digits and dashes, such as zylo-bad-credentials; got \"\(name)\"")
        }
        // `GET /__admin/scenarios/active` lists the running activations: a scenario of that name could not be shown.
        if name == "active" { fail("name", "\"active\" is reserved by the admin API: choose another name") }
        let description = string(object, "description", at: "", required: true) ?? ""
        let seed = integer(object, "seed", at: "", range: 0...Int.max) ?? 1
        var rules: [ScenarioRule] = []
        switch object["rules"] {
        case .array(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() {
                if let rule = rule(item, at: "rules[\(index)]") { rules.append(rule) }
            }
        case nil: fail("rules", "is required: an array of at least one rule")
        case let other?: fail("rules", "expected a non-empty array of rules; got \(other.kindName)")
        }
        var seen = Set<String>()
        for (index, rule) in rules.enumerated() where !seen.insert(rule.name).inserted {
            fail("rules[\(index)].name", "\"\(rule.name)\" is used by an earlier rule: rule names must be unique")
        }
        return Scenario(
            name: name, description: description, seed: UInt64(seed), rules: rules, document: document,
            source: source)
    }

    private mutating func rule(_ value: JSONValue, at path: String) -> ScenarioRule? {
        guard let object = object(value, at: path, allowed: Self.ruleFields) else { return nil }
        let name = string(object, "name", at: path, required: true) ?? ""
        let match = object["match"].map { requestMatch($0, at: path + ".match") } ?? RequestMatch()
        let respond = object["respond"].map { response($0, at: path + ".respond") } ?? ScenarioResponse()
        let effects = object["effects"].map { self.effects($0, at: path + ".effects") } ?? ScenarioEffects()
        if object["respond"] == nil, object["effects"] == nil {
            fail(path, "a rule needs \"respond\", \"effects\" or both: it must do something")
        }
        return ScenarioRule(
            name: name, match: match, calls: calls(object["calls"], at: path + ".calls"),
            whenState: string(object, "whenState", at: path), setState: string(object, "setState", at: path),
            respond: respond, effects: effects)
    }

    private mutating func requestMatch(_ value: JSONValue, at path: String) -> RequestMatch {
        var match = RequestMatch()
        guard let object = object(value, at: path, allowed: Self.matchFields) else { return match }
        if let name = string(object, "vendor", at: path) {
            match.vendor = Vendor(rawValue: name)
            if match.vendor == nil { fail(path + ".vendor", expectedOne(Vendor.allCases.map(\.rawValue), got: name)) }
        }
        match.method = string(object, "method", at: path)?.uppercased()
        if let pattern = string(object, "path", at: path) {
            if pattern.hasPrefix("/") {
                match.path = PathPattern(pattern)
            } else {
                fail(path + ".path", "expected a path below the vendor prefix starting with /; got \"\(pattern)\"")
            }
        }
        match.query = values(object["query"], at: path + ".query")
        match.headers = Dictionary(
            values(object["headers"], at: path + ".headers").map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first })
        if let body = object["body"] {
            if case .object(let fields) = body {
                match.body = fields
            } else {
                fail(path + ".body", "expected an object of dotted field paths to values; got \(body.kindName)")
            }
        }
        match.credential = string(object, "credential", at: path)
        return match
    }

    private mutating func values(_ value: JSONValue?, at path: String) -> [String: RequestMatch.Value] {
        guard let value else { return [:] }
        guard case .object(let fields) = value else {
            fail(
                path, "expected an object of names to a string, \"*\" (present) or null (absent); got \(value.kindName)"
            )
            return [:]
        }
        var result: [String: RequestMatch.Value] = [:]
        for (name, field) in fields {
            switch field {
            case .null: result[name] = .absent
            case .string("*"): result[name] = .present
            case .string(let text): result[name] = .equals(text)
            case .number(let number):
                result[name] = .equals(number == number.rounded() ? "\(Int64(number))" : "\(number)")
            default: fail("\(path).\(name)", "expected a string, \"*\" or null; got \(field.kindName)")
            }
        }
        return result
    }

    private mutating func calls(_ value: JSONValue?, at path: String) -> CallWindow {
        switch value {
        case nil, .string("every"): return .every
        case .object(let object) where object.count == 1:
            let key = object.keys.first ?? ""
            if key == "probability" {
                guard case .number(let p) = object[key], (0...1).contains(p) else {
                    fail(path + ".probability", "expected a number from 0 to 1")
                    return .every
                }
                return .probability(p)
            }
            guard Self.callWindows.contains(key) else {
                fail(path, expectedOne(["\"every\""] + Self.callWindows.map { "{\"\($0)\": ...}" }, got: key))
                return .every
            }
            let n = integer(object, key, at: path, range: key == "after" ? 0...Int.max : 1...Int.max) ?? 1
            return key == "nth" ? .nth(n) : key == "first" ? .first(n) : .after(n)
        case let other?:
            fail(
                path,
                "expected \"every\" or one of {\"nth\": N}, {\"first\": N}, {\"after\": N}, {\"probability\": P}; got \(describe(other))"
            )
            return .every
        }
    }
}
