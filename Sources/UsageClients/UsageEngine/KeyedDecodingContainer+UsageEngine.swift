import Foundation

extension KeyedDecodingContainer {
    /// An RFC 3339 timestamp under `key`, or `nil` when it is absent or unreadable.
    func usageEngineDate(forKey key: Key) -> Date? {
        tolerant(String.self, forKey: key).flatMap(UsageEngineTime.date)
    }
}
