import Foundation
import GRDB

/// A tenant's generated Hyalto data: the provider account, four customers with two to four purchased services
/// each, and allocation changes (RAM in GB, compute in GHz) on about a third of the days of June–August 2018 and
/// of the last 365 days, generated inside SQLite from a seed.
enum HyaltoFixtures {
    static let customerNames = ["Acme Logistics", "Northwind Traders", "Globex Health", "Initech Labs"]
    static let serviceTypes: [(type: String, label: String)] = [
        ("allocationVDC", "Allocation VDC"), ("payAsYouGoVDC", "Pay-As-You-Go VDC"),
        ("reservationVDC", "Reservation VDC"), ("allocationVDC", "Allocation VDC"),
    ]
    static let locations = ["Toronto", "Montreal", "Vancouver"]

    /// The account ids a new provider may have: its customers' and services' ids are derived from it
    /// (`provider * 100 + n`, `customer * 100 + n`), and these stay exact integers in every JSON client.
    static let providerIDs: ClosedRange<Int64> = 1...999_999_999

    /// Whether provider `provider` and the account and service ids derived from it are free: an id an existing
    /// account (provider or customer) or service has would be a second tenant in the same account.
    static func isFree(_ db: Database, provider: Int64) throws -> Bool {
        let customers = (1...Int64(customerNames.count)).map { provider * 100 + $0 }
        let accounts = try HyaltoStore.Account.filter(
            Column("id") == provider || (customers[0]...customers[customers.count - 1]).contains(Column("id"))
        ).fetchCount(db)
        let services = try HyaltoStore.Service.filter(
            (customers[0] * 100...customers[customers.count - 1] * 100 + 99).contains(Column("id"))
        ).fetchCount(db)
        return accounts == 0 && services == 0
    }

    /// Creates tenant `tenant` (a provider account id) with its customers and services, unless it exists.
    static func provision(_ db: Database, tenant: String, companyName: String, seed: UInt64, now: Date) throws {
        guard let provider = Int64(tenant),
            try HyaltoStore.Account.filter(Column("tenant") == tenant).fetchCount(db) == 0
        else { return }
        var random = SeededRandom(seed: seed ^ UInt64(bitPattern: provider))
        let created = SandboxTime.format(now.addingTimeInterval(-3 * 365 * 86_400))
        try HyaltoStore.Account(
            id: provider, tenant: tenant, serviceProviderId: provider, parentId: nil, companyName: companyName,
            type: "serviceProvider", createdAt: created
        ).insert(db)
        for (index, name) in customerNames.enumerated() {
            let account = provider * 100 + Int64(index + 1)
            try HyaltoStore.Account(
                id: account, tenant: tenant, serviceProviderId: provider, parentId: provider, companyName: name,
                type: "customer", createdAt: created
            ).insert(db)
            for number in 1...Int.random(in: 2...4, using: &random) {
                let kind = serviceTypes[(index + number - 1) % serviceTypes.count]
                try HyaltoStore.Service(
                    id: account * 100 + Int64(number), accountId: account, name: "\(name) \(kind.label) \(number)",
                    type: kind.type, location: locations[(index + number) % locations.count],
                    ramBase: [16, 32, 64][Int.random(in: 0..<3, using: &random)],
                    computeBase: [10, 20, 40][Int.random(in: 0..<3, using: &random)], createdAt: created
                ).insert(db)
            }
        }
        // The changes are made inside SQLite in one statement per range and property (set-based generation: the
        // one place Hyalto writes SQL rather than records).
        let today = Int64(now.timeIntervalSince1970 / 86_400)
        let june2018 = SandboxTime.days(fromCivil: 2018, 6, 1)
        let september2018 = SandboxTime.days(fromCivil: 2018, 9, 1)
        for (start, end) in [(june2018, september2018), (today - 365, today + 1)] {
            for (property, unit, base, step) in [("ram", "GB", "ramBase", 4), ("compute", "GHz", "computeBase", 2)] {
                try db.execute(
                    sql: """
                        WITH RECURSIVE d(day) AS (SELECT :start UNION ALL SELECT day + 1 FROM d WHERE day + 1 < :end)
                        INSERT OR REPLACE INTO hyaltoChange (serviceId, property, at, value, unitSize)
                        SELECT s.id, :property,
                            CASE WHEN d.day = :start THEN d.day * 86400 ELSE d.day * 86400 + ((s.id % 1000003) * 7919 + d.day * 104729) % 86400 END,
                            s.\(base) + (((s.id % 1000003) * 31 + d.day * 17 + :seed) % 5) * :step, :unit
                        FROM hyaltoService s JOIN hyaltoAccount a ON a.id = s.accountId CROSS JOIN d
                        WHERE a.tenant = :tenant
                            AND (d.day = :start OR (((s.id % 1000003) * 2654435761 + d.day * 40503 + :seed) % 2147483647) % 3 = 0)
                        """,
                    arguments: [
                        "start": start, "end": end, "property": property, "unit": unit, "step": step,
                        "seed": Int64(seed % 1_000_003), "tenant": tenant,
                    ])
            }
        }
    }
}
