import Foundation

/// Zylo fixtures as files, so a team can mirror its real subscriptions: `usage-sandbox fixtures --out DIR` writes
/// them, `usage-sandbox serve --fixtures DIR` loads them into an empty database.
///
/// - `zylo/subscriptions.json`: an array of Subscription objects, or a saved `GET /v1/subscriptions` response
///   (`{"subscriptions": [...]}`); an optional `appName` on each names the application in exports.
/// - `zylo/users.csv`: `subscriptionId` plus the legacy import columns, one user per line.
enum ZyloFixtureFiles {
    static let subscriptionsFile = "zylo/subscriptions.json"
    static let usersFile = "zylo/users.csv"

    /// A subscription as the file holds it: the wire object plus an optional `appName`.
    private struct FileSubscription: Codable {
        let appName: String?
        let subscription: ZyloSubscription

        init(from decoder: any Decoder) throws {
            subscription = try ZyloSubscription(from: decoder)
            appName = try decoder.container(keyedBy: AppNameKey.self).decodeIfPresent(String.self, forKey: .appName)
        }

        init(appName: String, subscription: ZyloSubscription) {
            self.appName = appName
            self.subscription = subscription
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AppNameKey.self)
            try container.encodeIfPresent(appName, forKey: .appName)
            try subscription.encode(to: encoder)
        }

        enum AppNameKey: String, CodingKey { case appName }
    }

    private struct SubscriptionList: Decodable {
        let subscriptions: [FileSubscription]
    }

    /// The fixtures in `directory`, or `nil` when it has no `zylo/subscriptions.json`.
    static func load(from directory: String) throws -> [ZyloFixtures.Entry]? {
        let subscriptionsPath = (directory as NSString).appendingPathComponent(subscriptionsFile)
        guard let data = FileManager.default.contents(atPath: subscriptionsPath) else { return nil }
        let subscriptions: [FileSubscription]
        do {
            // A saved `GET /v1/subscriptions` answer is an object: decode it as one, so a bad field inside it is
            // reported as that field rather than as "not an array".
            let first = data.first { !$0.isASCIIWhitespace }
            if first == UInt8(ascii: "{") {
                subscriptions = try JSONDecoder().decode(SubscriptionList.self, from: data).subscriptions
            } else {
                subscriptions = try JSONDecoder().decode([FileSubscription].self, from: data)
            }
        } catch let error as DecodingError {
            let field = error.fieldPath == "body" ? "document" : error.fieldPath
            throw FixtureError(path: subscriptionsPath, field: field, expected: error.expectation)
        }
        var seen = Set<String>()
        for (index, entry) in subscriptions.enumerated() where !seen.insert(entry.subscription.id).inserted {
            throw FixtureError(
                path: subscriptionsPath, field: "[\(index)].id",
                expected: "a unique id; \(entry.subscription.id) repeats")
        }
        let usersPath = (directory as NSString).appendingPathComponent(usersFile)
        let users = try loadUsers(at: usersPath, knownIDs: seen)
        return subscriptions.map { entry in
            ZyloFixtures.Entry(
                appName: entry.appName ?? entry.subscription.appDescription, subscription: entry.subscription,
                users: users[entry.subscription.id] ?? [])
        }
    }

    /// Writes `entries` in the format ``load(from:)`` reads.
    static func write(_ entries: [ZyloFixtures.Entry], to directory: String) throws {
        let folder = (directory as NSString).appendingPathComponent("zylo")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let subscriptions = entries.map { FileSubscription(appName: $0.appName, subscription: $0.subscription) }
        try OrderedJSONEncoder.encode(subscriptions).write(
            to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(subscriptionsFile)))
        let rows = entries.flatMap { entry in entry.users.map { [entry.subscription.id] + $0.csvFields } }
        try Data(CSV.write([["subscriptionId"] + ZyloUser.importColumns] + rows).utf8).write(
            to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(usersFile)))
    }

    private static func loadUsers(at path: String, knownIDs: Set<String>) throws -> [String: [ZyloUser]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let file: ZyloImportFile
        do {
            file = try ZyloImportFile(data: data, extraColumns: ["subscriptionId"])
        } catch {
            throw FixtureError(path: path, field: "file", expected: error.message)
        }
        if let bad = file.errors.first {
            throw FixtureError(path: path, field: "line \(bad.row)", expected: bad.reasons.joined(separator: "; "))
        }
        var users: [String: [ZyloUser]] = [:]
        for (index, user) in file.users.enumerated() {
            let subscription = file.extras[index]["subscriptionId"] ?? ""
            guard knownIDs.contains(subscription) else {
                throw FixtureError(
                    path: path, field: "line \(file.userRows[index]), subscriptionId",
                    expected: "the id of a subscription in \(subscriptionsFile), got '\(subscription)'")
            }
            users[subscription, default: []].append(user)
        }
        return users
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
