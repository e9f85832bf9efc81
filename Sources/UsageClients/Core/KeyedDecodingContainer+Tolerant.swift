extension KeyedDecodingContainer {
    /// The `T` under `key`, or `nil` when it is absent, `null` or of another type: the vendors document most answers
    /// only by example, so one unexpected field must not fail a whole response.
    func tolerant<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }
}
