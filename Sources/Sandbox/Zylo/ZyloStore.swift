import Foundation
import GRDB
import NIOCore
import Synchronization

/// Zylo's state in SQLite: the fixture company's subscriptions and users, and each tenant's jobs and imports.
///
/// Every method takes the tenant (the credential's `companyId`): one credential never sees another's jobs.
struct ZyloStore: Sendable {
    /// The paging parameters of a list call.
    struct PageRequest: Sendable {
        var pageSize: Int?
        var pageToken: String?
        /// At most this many items per page, whatever `pageSize` says (a scenario's cap).
        var cap: Int?
    }

    /// One page of a list and the token to the next (`""` on the last page).
    struct Page<Item: Sendable>: Sendable {
        let items: [Item]
        let nextPageToken: String
    }

    let database: SandboxDatabase
    let environment: SandboxEnvironment
    let settings: ZyloSettings
    let pageTokens: PageTokens
    /// The fixture subscriptions and the list pages already answered (a reset clears both).
    let subscriptionCache: ZyloSubscriptionCache

    init(database: SandboxDatabase, environment: SandboxEnvironment, settings: ZyloSettings, pageTokens: PageTokens) {
        self.database = database
        self.environment = environment
        self.settings = settings
        self.pageTokens = pageTokens
        subscriptionCache = environment.memory.register(ZyloSubscriptionCache())
    }

    // MARK: Fixtures

    /// Fills an empty database with the fixture company, or the part of it from `offset` on: `entries` are
    /// `entriesToLoad`'s, with each subscription's stored JSON already encoded. Writing the same part again changes
    /// nothing, so a load cut short by a kill can simply be run again.
    static func loadFixtures(_ db: Database, entries: ArraySlice<(entry: ZyloFixtures.Entry, json: String)>) throws {
        for (position, item) in zip(entries.indices, entries) {
            try ZyloSubscriptionRecord(
                id: item.entry.subscription.id, position: Int64(position), appName: item.entry.appName, json: item.json
            ).insert(db, onConflict: .replace)
            try insertFixtureUsers(db, item.entry.users, subscriptionId: item.entry.subscription.id)
        }
    }

    /// A subscription's fixture users in one statement: bulk loading is where the store writes SQL rather than
    /// records (a statement per row was most of the fixture load).
    private static func insertFixtureUsers(_ db: Database, _ users: [ZyloUser], subscriptionId: String) throws {
        guard !users.isEmpty else { return }
        var arguments = StatementArguments()
        for user in users {
            arguments += [
                "", subscriptionId, user.firstName, user.lastName, user.lastActivityDate, user.daysActiveOfLast30,
                user.licenseNames, user.isPaidUser,
            ]
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO zyloUser (tenant, subscriptionId, firstName, lastName, lastActivityDate,
                    daysActiveOfLast30, licenseNames, isPaidUser)
                VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: users.count).joined(separator: ", "))
                """,
            arguments: arguments)
    }

    /// `entries` with each subscription encoded as the JSON the list answers splice together.
    static func entriesToLoad(_ entries: [ZyloFixtures.Entry]) throws -> [(entry: ZyloFixtures.Entry, json: String)] {
        try entries.map { ($0, String(decoding: try OrderedJSONEncoder.encode($0.subscription), as: UTF8.self)) }
    }

    static func upsert(_ db: Database, user: ZyloUser, tenant: String, subscriptionId: String) throws {
        try ZyloUserRecord(user, tenant: tenant, subscriptionId: subscriptionId).insert(db, onConflict: .replace)
    }

    // MARK: Subscriptions

    /// `GET /v1/subscriptions`: the fixture subscriptions in a stable order.
    ///
    /// Answers each subscription as the JSON text stored at load time (already in the vendor's key order), so a
    /// page is spliced together instead of decoded and encoded again: a 50-item page is about 47 KB.
    func listSubscriptions(tenant: String, page request: PageRequest) async throws -> ByteBuffer {
        let key = [
            tenant, request.pageSize.map(String.init) ?? "", request.pageToken ?? "",
            request.cap.map(String.init) ?? "",
        ].joined(separator: "\u{0}")
        let (known, generation) = subscriptionCache.page(key)
        if let known { return known }
        let rows = try await subscriptionCache.rows {
            try await database.writer.read { db in
                try ZyloSubscriptionRecord.order(Column("position")).fetchAll(db).map { record in
                    (position: record.position, json: ByteBuffer(string: record.json))
                }
            }
        }
        let page = try page(tenant: tenant, scope: "subscriptions", request: request) { cursor, limit in
            // The first row after `cursor`, by binary search over the ordered positions.
            var start = 0
            var end = rows.count
            while start < end {
                let middle = (start + end) / 2
                if rows[middle].position > (cursor ?? -1) { end = middle } else { start = middle + 1 }
            }
            return rows[start..<min(start + limit, rows.count)].map { (key: $0.position, item: $0.json) }
        }
        let body = ZyloWire.subscriptionList(nextPageToken: page.nextPageToken, subscriptionsJSON: page.items)
        subscriptionCache.remember(body, for: key, generation: generation)
        return body
    }

    /// `GET /v1/subscriptions/{id}`.
    func subscription(id: String) async throws -> ZyloSubscription? {
        try await database.writer.read { db in
            try ZyloSubscriptionRecord.fetchOne(db, key: id).map { try Self.decodeSubscription($0.json) }
        }
    }

    /// Whether subscription `id` exists.
    func subscriptionExists(_ db: Database, id: String) throws -> Bool {
        try ZyloSubscriptionRecord.exists(db, key: id)
    }

    /// `GET /v1/subscriptions/{id}/users/aggregates/licenses`: users per license, fixture and imported.
    func licenseAggregates(tenant: String, subscriptionId: String) async throws -> ZyloWire.LicenseAggregates? {
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            guard try subscriptionExists(db, id: subscriptionId) else { return nil }
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            let users = try Self.users(db, tenant: tenant, scope: subscriptionId).map(\.user)
            var counts: [String: (provisioned: Int, active: Int, paid: Int)] = [:]
            for user in users {
                let names = user.licenseNames.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for name in names where !name.isEmpty {
                    var count = counts[name, default: (0, 0, 0)]
                    count.provisioned += 1
                    count.active += user.daysActiveOfLast30 > 0 ? 1 : 0
                    count.paid += user.isPaidUser ? 1 : 0
                    counts[name] = count
                }
            }
            return ZyloWire.LicenseAggregates(
                subscriptionId: subscriptionId, totalUsers: users.count,
                licenses: counts.keys.sorted().map { name in
                    let count = counts[name] ?? (0, 0, 0)
                    return .init(
                        name: name, provisionedUsers: count.provisioned, activeUsers: count.active,
                        paidUsers: count.paid)
                })
        }
    }

    /// The users `tenant` sees in `scope` (`-` or one subscription id): fixture users, overridden or extended by
    /// the tenant's imports.
    static func users(_ db: Database, tenant: String, scope: String) throws -> [(
        subscriptionId: String, appName: String, user: ZyloUser
    )] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.id AS subscriptionId, s.appName, u.* FROM zyloUser u
                JOIN zyloSubscription s ON s.id = u.subscriptionId
                WHERE (u.tenant = :tenant OR (u.tenant = '' AND NOT EXISTS (
                    SELECT 1 FROM zyloUser o WHERE o.tenant = :tenant AND o.subscriptionId = u.subscriptionId
                    AND o.firstName = u.firstName AND o.lastName = u.lastName)))
                \(scope == "-" ? "" : "AND u.subscriptionId = :scope")
                ORDER BY s.position, u.lastName, u.firstName
                """,
            arguments: ["tenant": tenant, "scope": scope]
        ).map { row in
            (
                row["subscriptionId"], row["appName"],
                ZyloUser(
                    firstName: row["firstName"], lastName: row["lastName"], lastActivityDate: row["lastActivityDate"],
                    daysActiveOfLast30: row["daysActiveOfLast30"], licenseNames: row["licenseNames"],
                    isPaidUser: row["isPaidUser"])
            )
        }
    }

    static func decodeSubscription(_ json: String) throws -> ZyloSubscription {
        try JSONDecoder().decode(ZyloSubscription.self, from: Data(json.utf8))
    }

    // MARK: Paging

    /// One page of a listing: `fetch(cursor, limit)` answers rows after `cursor` with their keys.
    func page<Item: Sendable>(
        tenant: String, scope: String, request: PageRequest,
        fetch: (Int64?, Int) throws -> [(key: Int64, item: Item)]
    ) throws -> Page<Item> {
        var pageSize = request.pageSize ?? settings.defaultPageSize
        var cursor: Int64?
        if let token = request.pageToken, !token.isEmpty {
            guard let stored = pageTokens.lookup(token, vendor: .zylo, tenant: tenant, scope: scope) else {
                throw ZyloAPIError.badRequest(
                    "pageToken is invalid: it is unknown or was issued for a different request")
            }
            if let explicit = request.pageSize, explicit != stored.pageSize {
                throw ZyloAPIError.badRequest(
                    "pageSize must match the request that returned pageToken (pageSize \(stored.pageSize))")
            }
            pageSize = stored.pageSize
            cursor = stored.cursor
        }
        let served = min(pageSize, request.cap ?? pageSize)
        let rows = try fetch(cursor, served + 1)
        let items = rows.prefix(served)
        var next = ""
        if rows.count > served, let last = items.last {
            next = pageTokens.issue(vendor: .zylo, tenant: tenant, scope: scope, pageSize: pageSize, cursor: last.key)
        }
        return Page(items: items.map(\.item), nextPageToken: next)
    }
}
