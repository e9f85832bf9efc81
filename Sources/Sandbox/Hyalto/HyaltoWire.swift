import Foundation
import JWTKit
import Synchronization

/// Hyalto's wire types.
enum HyaltoWire {
    /// `POST /accountManagement/auth/token`, as the seed prints it.
    struct Token: Encodable, Sendable {
        let tokenType = "Bearer"
        let accessToken: String
        let scope = "all"
        let expiresIn: Int

        /// The same bytes as encoding it, written directly (every Hyalto client asks for tokens).
        var json: Data {
            Data(
                (#"{"tokenType":"# + OrderedJSONEncoder.quote(tokenType) + #","accessToken":"#
                    + OrderedJSONEncoder.quote(accessToken) + #","scope":"# + OrderedJSONEncoder.quote(scope)
                    + #","expiresIn":"# + String(expiresIn) + "}").utf8)
        }
    }

    /// The token request body, as the public script sends it.
    struct TokenRequest: Decodable, Sendable {
        let accessKey: String
        let secretKey: String
    }

    /// A customer account: the public script reads `id` and `companyName`.
    struct Account: Encodable, Sendable {
        let id: Int64
        let companyName: String
        let serviceProviderId: Int64
        let parentId: Int64?
        let type: String
        let status = "active"
        let createdAt: String
    }

    /// A purchased service: the public script reads `id`, `name` and `metaData.type`.
    struct Service: Encodable, Sendable {
        struct MetaData: Encodable, Sendable {
            let type: String
            let location: String
        }
        let id: Int64
        let name: String
        let accountId: Int64
        let status = "active"
        let metaData: MetaData
        let createdAt: String
    }

    /// One allocation change, read by the public script as `timestamp`, `value`, `unit_size`.
    struct Change: Encodable, Sendable {
        let timestamp: String
        let value: Double
        let unitSize: String

        enum CodingKeys: String, CodingKey {
            case timestamp, value
            case unitSize = "unit_size"
        }
    }

    struct Property: Encodable, Sendable {
        let unitSize: String
        let changes: [Change]

        enum CodingKeys: String, CodingKey {
            case unitSize = "unit_size"
            case changes
        }
    }

    struct RawService: Encodable, Sendable {
        struct Properties: Encodable, Sendable {
            let ram: Property
            let compute: Property
        }
        let id: Int64
        let name: String
        let type: String
        let properties: Properties
    }

    /// `GET /solutions/usage/account/{accountId}/raw`: read by the public script as
    /// `services.properties.ram.changes` and `services.properties.compute.changes`.
    struct RawUsage: Encodable, Sendable {
        let accountId: Int64
        let startTime: String
        let endTime: String
        let services: [RawService]
    }

    /// `GET /reports/usage/service/{id}` (shape chosen by the sandbox: Hyalto documents none).
    struct UsageReport: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            let property: String
            let unit: String
            let quantity: Double
            let average: Double
            let peak: Double
            let unitSize: String

            enum CodingKeys: String, CodingKey {
                case property, unit, quantity, average, peak
                case unitSize = "unit_size"
            }
        }
        let serviceId: Int64
        let serviceName: String
        let accountId: Int64
        let type: String
        let from: String
        let to: String
        let hours: Double
        let usage: [Line]
    }
}
