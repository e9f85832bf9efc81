import Foundation
import Testing
import UsageJSON

@testable import Sandbox

/// Scenario files: broken ones are reported with the field and what was expected; the shipped ones all load.
struct ScenarioFileTests {
    static func problems(_ json: String) -> [String] {
        do {
            _ = try ScenarioLibrary.parse(Data(json.utf8), source: "mine.json")
            return []
        } catch {
            return error.problems.map { "\($0.field): \($0.message)" }
        }
    }

    static let rule = #""name": "r", "respond": {"status": 500}"#

    @Test(arguments: [
        (#"{"description": "d", "rules": [{\#(rule)}]}"#, "name: is required"),
        (#"{"name": "x", "rules": [{\#(rule)}]}"#, "description: is required"),
        (#"{"name": "active", "description": "d", "rules": [{\#(rule)}]}"#, #"name: "active" is reserved"#),
        (#"{"name": "x", "description": "d", "rules": []}"#, "rules: expected a non-empty array"),
        (
            #"{"name": "x", "description": "d", "rules": [{\#(rule), "colour": 1}]}"#,
            "rules[0].colour: is not a known field"
        ),
        (#"{"name": "x", "description": "d", "rules": [{"name": "r"}]}"#, #"rules[0]: a rule needs "respond""#),
        (
            #"{"name": "x", "description": "d", "rules": [{"name": "r", "respond": {"fault": "rst"}}]}"#,
            #"rules[0].respond.fault: expected one of reset, close, garbage, truncate, trickle; got "rst""#
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{"name": "r", "respond": {"status": 99}}]}"#,
            "rules[0].respond.status: expected a whole number from 200 to 599; got 99"
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{\#(rule), "match": {"vendor": "zyl"}}]}"#,
            #"rules[0].match.vendor: expected one of hyalto, usage-engine, zylo, mason; got "zyl""#
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{\#(rule), "calls": {"nth": 0}}]}"#,
            "rules[0].calls.nth: expected a whole number from 1; got 0"
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{"name": "r", "effects": {"job": "explode"}}]}"#,
            #"rules[0].effects.job: expected one of hold, complete, fail, rejectRows, expireDownload; got "explode""#
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{"name": "r", "respond": {"status": 200}}]}"#,
            "rules[0].respond.body: is required with a status below 400"
        ),
        (
            #"{"name": "x", "description": "d", "rules": [{\#(rule)}, {\#(rule)}]}"#,
            #"rules[1].name: "r" is used by an earlier rule"#
        ),
        ("{not json", ": is not valid JSON"),
    ])
    func brokenDocument_namesTheFieldAndTheExpectation(json: String, expected: String) {
        let problems = Self.problems(json)
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func errorDescription_startsEachLineWithTheFile() {
        let error = ScenarioFileError(
            file: "qa/mine.json", problems: [.init(field: "rules[0].respond.fault", message: "expected one of …")])
        #expect(error.description == "qa/mine.json: rules[0].respond.fault: expected one of …")
    }

    @Test func shippedLibrary_loadsWithUniqueNames() throws {
        let names = try ScenarioLibrary.builtIn().map(\.name)
        #expect(names.count >= 30)
        #expect(Set(names).count == names.count)
    }

    /// The JSON Schema QA's editors use and the parser must agree on every field name.
    @Test func schema_namesTheFieldsTheParserKnows() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../scenarios/scenario.schema.json")
        let schema = try #require(JSONValue.parse(try Data(contentsOf: url)))
        func keys(_ path: String) -> Set<String> {
            guard case .object(let object)? = schema.value(at: path) else { return [] }
            return Set(object.keys)
        }
        #expect(keys("properties") == Set(ScenarioParser.scenarioFields))
        #expect(keys("$defs.rule.properties") == Set(ScenarioParser.ruleFields))
        #expect(keys("$defs.match.properties") == Set(ScenarioParser.matchFields))
        #expect(keys("$defs.respond.properties") == Set(ScenarioParser.respondFields))
        #expect(keys("$defs.effects.properties") == Set(ScenarioParser.effectFields))
    }

    @Test(arguments: [
        ("/v1/subscriptions/*/exportJobs/*", "/v1/subscriptions/-/exportJobs/abc", true),
        ("/v1/subscriptions/*", "/v1/subscriptions/-/exportJobs", false),
        ("/**/oauth/token", "/authentication/v1/oauth/token", true),
        ("/**/oauth/token", "/oauth/token", true),
        ("/beta/*/data/aggregate/**", "/beta/default/data/aggregate/usage/sim", true),
        ("/v1/subscriptions", "/v1/subscriptions/", true),
    ])
    func pathPattern_matchesSegments(pattern: String, path: String, matches: Bool) {
        #expect(PathPattern(pattern).matches(path) == matches)
    }
}
