import Foundation
import UsageClients

/// Records a Zylo company: every subscription (paged) with every field, and its users from one export of all
/// subscriptions (Zylo's API has no user list; the export is the import format plus `subscriptionId`, `appName`).
struct ZyloRecorder {
    static let userColumns = [
        "firstName", "lastName", "lastActivityDate", "daysActiveOfLast30", "licenseNames", "isPaidUser",
    ]

    let client: ZyloClient
    let anonymizer: RecordAnonymizer
    let folder: String
    let progress: RecordProgress

    func record() async throws {
        progress.begin("zylo", unit: "subscriptions")
        var subscriptions: [JSONValue] = []
        for try await subscription in client.subscriptionDocuments(pageSize: 100) {
            subscriptions.append(subscription)
            progress.advance()
        }
        progress.note("zylo: \(subscriptions.count) subscriptions read; exporting their users…")
        let rows = try await client.runExport(pollInterval: .seconds(1), deadline: .seconds(3_600))
        var appNames: [String: String] = [:]
        var users = [["subscriptionId"] + Self.userColumns]
        for row in rows {
            guard let id = row.subscriptionId else { continue }
            if let app = row["appName"], !app.isEmpty { appNames[id] = app }
            users.append(
                [
                    id, anonymizer.name(row.firstName ?? "", prefix: "First"),
                    anonymizer.name(row.lastName ?? "", prefix: "Last"),
                ]
                    + Self.userColumns.dropFirst(2).map { row[$0] ?? "" })
        }
        let written = subscriptions.map { subscription -> JSONValue in
            guard case .object(var members) = anonymizer.scrub(subscription) else { return subscription }
            if let id = subscription["id"]?.string, let app = appNames[id] { members["appName"] = .string(app) }
            return .object(members)
        }
        try RecordFiles.writeJSON(written, "zylo/subscriptions.json", in: folder)
        try RecordFiles.writeCSV(users, "zylo/users.csv", in: folder)
        progress.finish("\(subscriptions.count) subscriptions, \(users.count - 1) users")
    }
}
