import Foundation

/// Encodes JSON with keys in the order the type encodes them, as the vendors' documents print them.
///
/// Foundation's `JSONEncoder` on Linux emits keys in hash order, so `{"statusCode":401,"message":"Unauthorized"}`
/// could come out as `{"message":…,"statusCode":401}`; a sandbox promising exact bodies needs a fixed order.
/// Slashes are not escaped.
///
/// ```swift
/// struct Body: Encodable { let statusCode: Int; let message: String }
/// OrderedJSONEncoder.encode(Body(statusCode: 401, message: "Unauthorized"))
/// // {"statusCode":401,"message":"Unauthorized"}
/// ```
public enum OrderedJSONEncoder {
    /// `value` as JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        var out = ""
        node.write(to: &out)
        return Data(out.utf8)
    }

    /// One JSON value under construction; containers write into it by reference.
    final class Node {
        enum Content {
            case empty
            case literal(String)
            case object([(String, Node)])
            case array([Node])
        }

        var content = Content.empty

        func child(forKey key: String) -> Node {
            var pairs: [(String, Node)] = []
            if case .object(let existing) = content { pairs = existing }
            if let index = pairs.firstIndex(where: { $0.0 == key }) { return pairs[index].1 }
            let node = Node()
            pairs.append((key, node))
            content = .object(pairs)
            return node
        }

        func appendChild() -> Node {
            var items: [Node] = []
            if case .array(let existing) = content { items = existing }
            let node = Node()
            items.append(node)
            content = .array(items)
            return node
        }

        var count: Int {
            switch content {
            case .array(let items): items.count
            case .object(let pairs): pairs.count
            default: 0
            }
        }

        func write(to out: inout String) {
            switch content {
            case .empty: out += "{}"
            case .literal(let text): out += text
            case .object(let pairs):
                out += "{"
                for (index, pair) in pairs.enumerated() {
                    if index > 0 { out += "," }
                    out += OrderedJSONEncoder.quote(pair.0) + ":"
                    pair.1.write(to: &out)
                }
                out += "}"
            case .array(let items):
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += "," }
                    item.write(to: &out)
                }
                out += "]"
            }
        }
    }

    static func quote(_ string: String) -> String {
        // Most strings need no escape: copy them whole instead of scalar by scalar.
        guard needsEscaping(string) else { return "\"" + string + "\"" }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(string.utf8.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case ..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscaping(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return true
            }
            return false
        }
    }

    static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, _ path: [any CodingKey]) throws
        -> String
    {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "not a finite number"))
        }
        let text = String(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

private struct NodeEncoder: Encoder {
    let node: OrderedJSONEncoder.Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: OrderedJSONEncoder.Node
    let codingPath: [any CodingKey]

    private func single(_ key: Key) -> SingleContainer {
        SingleContainer(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { var c = single(key); try c.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var c = single(key); try c.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: OrderedJSONEncoder.Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private func single() -> SingleContainer { SingleContainer(node: node.appendChild(), codingPath: codingPath) }

    mutating func encodeNil() throws { var c = single(); try c.encodeNil() }
    mutating func encode(_ value: Bool) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: String) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Double) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int) throws { var c = single(); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { var c = single(); try c.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: OrderedJSONEncoder.Node
    let codingPath: [any CodingKey]

    private func set(_ literal: String) { node.content = .literal(literal) }

    mutating func encodeNil() throws { set("null") }
    mutating func encode(_ value: Bool) throws { set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { set(OrderedJSONEncoder.quote(value)) }
    mutating func encode(_ value: Double) throws { set(try OrderedJSONEncoder.number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try OrderedJSONEncoder.number(value, codingPath)) }
    mutating func encode(_ value: Int) throws { set(String(value)) }
    mutating func encode(_ value: Int8) throws { set(String(value)) }
    mutating func encode(_ value: Int16) throws { set(String(value)) }
    mutating func encode(_ value: Int32) throws { set(String(value)) }
    mutating func encode(_ value: Int64) throws { set(String(value)) }
    mutating func encode(_ value: UInt) throws { set(String(value)) }
    mutating func encode(_ value: UInt8) throws { set(String(value)) }
    mutating func encode(_ value: UInt16) throws { set(String(value)) }
    mutating func encode(_ value: UInt32) throws { set(String(value)) }
    mutating func encode(_ value: UInt64) throws { set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}
