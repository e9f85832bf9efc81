import UsageJSON

extension JSONValue {
    /// Every path in the document with its JSON type, such as `$.subscriptions[].id` = `string`. Array elements
    /// share one path (`[]`); where elements differ, the types are joined in order (`null|string`).
    ///
    /// The shape, not the data, is what a contract compares between targets.
    public var shape: [String: String] {
        var types: [String: Set<String>] = [:]
        collect(into: &types, path: "$")
        return types.mapValues { $0.sorted().joined(separator: "|") }
    }

    private func collect(into types: inout [String: Set<String>], path: String) {
        types[path, default: []].insert(typeName)
        switch self {
        case .object(let members):
            for (key, value) in members { value.collect(into: &types, path: "\(path).\(key)") }
        case .array(let elements):
            for element in elements { element.collect(into: &types, path: "\(path)[]") }
        default:
            break
        }
    }
}
