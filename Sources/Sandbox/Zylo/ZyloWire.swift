import Foundation
import NIOCore

/// Zylo's wire types other than the Subscription object.
enum ZyloWire {
    /// `GET /v1/subscriptions`.
    /// `{"nextPageToken":…,"subscriptions":[…]}` from subscriptions already encoded as JSON text.
    static func subscriptionList(nextPageToken: String, subscriptionsJSON: [ByteBuffer]) -> ByteBuffer {
        let head = #"{"nextPageToken":"# + OrderedJSONEncoder.quote(nextPageToken) + #","subscriptions":["#
        var body = ByteBuffer()
        body.reserveCapacity(head.utf8.count + subscriptionsJSON.reduce(0) { $0 + $1.readableBytes + 1 } + 2)
        body.writeString(head)
        for (index, json) in subscriptionsJSON.enumerated() {
            if index > 0 { body.writeInteger(UInt8(ascii: ",")) }
            body.writeImmutableBuffer(json)
        }
        body.writeString("]}")
        return body
    }

    /// An export job: `IN_PROGRESS`, then `COMPLETE` with a `downloadUri`.
    struct ExportJob: Encodable, Sendable {
        let id: String
        let name: String
        let status: String
        let createTime: String
        let companyId: String
        let downloadUri: String?
    }

    /// `GET …/exportJobs` (the wrapper key is the sandbox's choice; Zylo does not document it).
    struct ExportJobList: Encodable, Sendable {
        let nextPageToken: String
        let exportJobs: [ExportJob]
    }

    /// A legacy import job (or a Usage Connect import): `OPEN`, `IN_PROGRESS`, `COMPLETE`, `COMPLETE_WITH_ERRORS`.
    struct ImportJob: Encodable, Sendable {
        let id: String
        let name: String
        let companyId: String
        let subscriptionId: String?
        let usageConnectId: String?
        let status: String
        let createTime: String
        let updateTime: String
        let errorDownloadUri: String?
    }

    /// `GET …/importJob` (wrapper key chosen by the sandbox).
    struct ImportJobList: Encodable, Sendable {
        let nextPageToken: String
        let importJobs: [ImportJob]
    }

    /// `GET /v1/subscriptions/{id}/users/aggregates/licenses` (shape chosen by the sandbox).
    struct LicenseAggregates: Encodable, Sendable {
        struct License: Encodable, Sendable {
            let name: String
            let provisionedUsers: Int
            let activeUsers: Int
            let paidUsers: Int
        }
        let subscriptionId: String
        let totalUsers: Int
        let licenses: [License]
    }
}
