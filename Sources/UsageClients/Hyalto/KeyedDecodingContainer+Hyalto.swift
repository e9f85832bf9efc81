import Foundation

extension KeyedDecodingContainer {
    /// An id under `key`, written as a number or as a string of digits.
    func hyaltoID(forKey key: Key) throws -> Int {
        if let number = try? decode(Int.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        guard let number = Int(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an id: '\(text)'")
        }
        return number
    }

    /// A Hyalto datetime under `key` (see ``HyaltoTime/date(_:)``), or `nil`.
    func hyaltoDate(forKey key: Key) -> Date? {
        tolerant(String.self, forKey: key).flatMap(HyaltoTime.date)
    }
}
