/// A marker key Mason documents, and the SQL expression of its value on a usage row joined to its device (`d`)
/// and carrier (`c`).
enum MasonMarker: String, CaseIterable, Sendable {
    case imei
    case deviceGroup = "device-group"
    case deviceUUID = "device-uuid"
    case deviceType = "device-type"
    case incremental
    case carrier
    case mnc
    case mcc
    case mncMcc = "mnc-mcc"

    /// The value's SQL expression; `NULL` when the SIM was not in a Mason device (device markers only).
    var sqlExpression: String {
        switch self {
        case .imei: "d.imei"
        case .deviceGroup: "d.groupName"
        case .deviceUUID: "d.uuid"
        case .deviceType: "d.type"
        case .incremental: "d.incremental"
        case .carrier: "c.name"
        case .mnc: "c.mnc"
        case .mcc: "c.mcc"
        case .mncMcc: "c.mnc || '-' || c.mcc"
        }
    }

    /// The accepted keys, for error messages.
    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
