import UsageJSON

extension JSONValue {
    /// What a validation message calls this kind of value: `a string`, `an object`, ...
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
