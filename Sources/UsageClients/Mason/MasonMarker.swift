/// A marker key usages can be grouped or filtered by.
public enum MasonMarker: String, Sendable, Hashable, CaseIterable, Codable {
    /// The IMEI associated with the SIM.
    case imei
    /// The Mason device group the SIM is deployed to.
    case deviceGroup = "device-group"
    /// The UUID of the Mason device the SIM is in.
    case deviceUUID = "device-uuid"
    /// The Mason device family the SIM is in, such as `D450`.
    case deviceType = "device-type"
    /// The Android incremental build on the device.
    case incremental
    /// The carrier the SIM is connected to.
    case carrier
    /// The mobile network code.
    case mnc
    /// The mobile country code.
    case mcc
    /// The network and country codes combined.
    case mncMcc = "mnc-mcc"
}
