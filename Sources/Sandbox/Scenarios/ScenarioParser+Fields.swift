import Foundation
import UsageJSON

extension ScenarioParser {
    mutating func fail(_ field: String, _ message: String) {
        problems.append(.init(field: field, message: message))
    }

    func expectedOne(_ choices: [String], got: String) -> String {
        "expected one of \(choices.joined(separator: ", ")); got \"\(got)\""
    }

    func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? "\(Int64(number))" : "\(number)"
        case .bool(let flag): return "\(flag)"
        default: return value.kindName
        }
    }

    /// The object at `path`, reporting it when it is not one and naming every field it does not know.
    mutating func object(_ value: JSONValue, at path: String, allowed: [String]) -> [String: JSONValue]? {
        guard case .object(let object) = value else {
            fail(path, "expected an object; got \(value.kindName)")
            return nil
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            fail(join(path, key), "is not a known field; expected one of \(allowed.joined(separator: ", "))")
        }
        return object
    }

    mutating func string(_ object: [String: JSONValue], _ key: String, at path: String, required: Bool = false)
        -> String?
    {
        switch object[key] {
        case .string(let text) where !text.isEmpty: return text
        case nil where !required: return nil
        case nil: fail(join(path, key), "is required: a non-empty string")
        case let other?: fail(join(path, key), "expected a non-empty string; got \(describe(other))")
        }
        return nil
    }

    mutating func integer(
        _ object: [String: JSONValue], _ key: String, at path: String, range: ClosedRange<Int>, required: Bool = false
    ) -> Int? {
        let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
        switch object[key] {
        case .number(let number) where number == number.rounded() && range.contains(Int(exactly: number) ?? -1):
            return Int(number)
        case nil where !required: return nil
        case nil: fail(join(path, key), "is required: a whole number from \(range.lowerBound)\(upper)")
        case let other?:
            fail(join(path, key), "expected a whole number from \(range.lowerBound)\(upper); got \(describe(other))")
        }
        return nil
    }

    private func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
