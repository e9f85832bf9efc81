import Foundation

extension KeyedDecodingContainer {
    /// The `T` under `key`, or `nil` when it is absent, `null` or of another type: Usage Engine's metering answers
    /// are known only from examples, so one unexpected field must not fail a whole response.
    func usageEngineOptional<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }

    /// An RFC 3339 timestamp under `key`, or `nil` when it is absent or unreadable.
    func usageEngineDate(forKey key: Key) -> Date? {
        usageEngineOptional(String.self, forKey: key).flatMap(UsageEngineTime.date)
    }
}
