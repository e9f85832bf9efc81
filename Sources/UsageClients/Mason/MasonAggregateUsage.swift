/// A month of usage for one resource: the account or a SIM, optionally split by a marker value.
public struct MasonAggregateUsage: Decodable, Sendable, Hashable {
    /// The marker value a usage is grouped under, such as `device-type` = `D450`.
    public struct Marker: Decodable, Sendable, Hashable {
        /// The marker key as Mason spells it, such as `device-type`.
        public let key: String
        /// The marker's value.
        public let value: String

        /// The key as a ``MasonMarker``, when it is one of the documented ones.
        public var marker: MasonMarker? { MasonMarker(rawValue: key) }
    }

    /// The SIM a usage belongs to.
    public struct SIM: Decodable, Sendable, Hashable {
        /// The SIM's ICCID.
        public let iccid: String
    }

    /// The marker value, present when the request grouped by a marker and the SIM had one.
    public let marker: Marker?
    /// The SIM, present on the SIM endpoints.
    public let sim: SIM?
    /// The month's usage.
    public let usage: MasonUsage
}
