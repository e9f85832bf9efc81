import Foundation

/// Hyalto's accounts, services and allocation changes as files, loaded into the demo API key's tenant.
///
/// - `hyalto/accounts.json`: the service-provider account(s), Account objects as the API writes them.
/// - `hyalto/customers.json`: the customer accounts, as `GET /accountManagement/accounts` answers them.
/// - `hyalto/services.json`: the purchased services of every customer, as `GET …/accounts/{id}/services` answers.
/// - `hyalto/usage.csv`: `serviceId,property,timestamp,value,unitSize`, one allocation change a line (`property`
///   is `ram` or `compute`; `timestamp` as Hyalto writes it, `2018-07-13 12:00:00`, UTC). A value holds until the
///   service's next change of that property; usage reports integrate them.
enum HyaltoFixtureFiles {
    static let accountsFile = "hyalto/accounts.json"
    static let customersFile = "hyalto/customers.json"
    static let servicesFile = "hyalto/services.json"
    static let usageFile = "hyalto/usage.csv"
    static let usageColumns = ["serviceId", "property", "timestamp", "value", "unitSize"]

    /// An account as the API writes it (`status` is always `active` and is not read back).
    struct Account: Codable, Sendable, Equatable {
        let id: Int64
        let companyName: String
        let serviceProviderId: Int64
        let parentId: Int64?
        let type: String
        var status = "active"
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, companyName, serviceProviderId, parentId, type, status, createdAt
        }

        init(
            id: Int64, companyName: String, serviceProviderId: Int64, parentId: Int64?, type: String, createdAt: String
        ) {
            self.id = id
            self.companyName = companyName
            self.serviceProviderId = serviceProviderId
            self.parentId = parentId
            self.type = type
            self.createdAt = createdAt
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Int64.self, forKey: .id)
            companyName = try c.decode(String.self, forKey: .companyName)
            serviceProviderId = try c.decode(Int64.self, forKey: .serviceProviderId)
            parentId = try c.decodeIfPresent(Int64.self, forKey: .parentId)
            type = try c.decode(String.self, forKey: .type)
            createdAt = try c.decode(String.self, forKey: .createdAt)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(companyName, forKey: .companyName)
            try c.encode(serviceProviderId, forKey: .serviceProviderId)
            try c.encode(parentId, forKey: .parentId)
            try c.encode(type, forKey: .type)
            try c.encode(status, forKey: .status)
            try c.encode(createdAt, forKey: .createdAt)
        }
    }

    /// A purchased service as the API writes it.
    struct Service: Codable, Sendable, Equatable {
        struct MetaData: Codable, Sendable, Equatable {
            let type: String
            let location: String
        }
        let id: Int64
        let name: String
        let accountId: Int64
        var status = "active"
        let metaData: MetaData
        let createdAt: String

        enum CodingKeys: String, CodingKey { case id, name, accountId, status, metaData, createdAt }

        init(id: Int64, name: String, accountId: Int64, metaData: MetaData, createdAt: String) {
            self.id = id
            self.name = name
            self.accountId = accountId
            self.metaData = metaData
            self.createdAt = createdAt
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Int64.self, forKey: .id)
            name = try c.decode(String.self, forKey: .name)
            accountId = try c.decode(Int64.self, forKey: .accountId)
            metaData = try c.decode(MetaData.self, forKey: .metaData)
            createdAt = try c.decode(String.self, forKey: .createdAt)
        }
    }

    /// One allocation change of a service property, at Unix seconds `at`.
    struct Change: Sendable, Equatable {
        let serviceId: Int64
        let property: String
        let at: Int64
        let value: Double
        let unitSize: String
    }

    /// Everything the four files hold.
    struct Tenant: Sendable, Equatable {
        var providers: [Account] = []
        var customers: [Account] = []
        var services: [Service] = []
        var changes: [Change] = []
    }

    /// The tenant in `directory`, or `nil` when it has no `hyalto/customers.json`.
    static func load(from directory: String) throws -> Tenant? {
        let customersPath = FixtureJSON.path(directory, customersFile)
        guard FileManager.default.fileExists(atPath: customersPath) else { return nil }
        var tenant = Tenant()
        let accountsPath = FixtureJSON.path(directory, accountsFile)
        let servicesPath = FixtureJSON.path(directory, servicesFile)
        tenant.providers = try FixtureJSON.decodeArray(Account.self, at: accountsPath, optional: true)
        tenant.customers = try FixtureJSON.decodeArray(Account.self, at: customersPath)
        tenant.services = try FixtureJSON.decodeArray(Service.self, at: servicesPath, optional: true)
        try FixtureJSON.requireUnique(tenant.providers.map { String($0.id) }, at: accountsPath, field: "id")
        let providerIDs = Set(tenant.providers.map(\.id))
        for (index, customer) in tenant.customers.enumerated() {
            if providerIDs.contains(customer.id) {
                throw FixtureError(
                    path: customersPath, field: "[\(index)].id",
                    expected: "an id no account in \(accountsFile) has; \(customer.id) repeats")
            }
            if customer.type != "customer" {
                throw FixtureError(path: customersPath, field: "[\(index)].type", expected: "\"customer\"")
            }
        }
        try FixtureJSON.requireUnique(tenant.customers.map { String($0.id) }, at: customersPath, field: "id")
        try FixtureJSON.requireUnique(tenant.services.map { String($0.id) }, at: servicesPath, field: "id")
        let accountIDs = providerIDs.union(tenant.customers.map(\.id))
        for (index, service) in tenant.services.enumerated() where !accountIDs.contains(service.accountId) {
            throw FixtureError(
                path: servicesPath, field: "[\(index)].accountId",
                expected: "the id of an account in \(customersFile) or \(accountsFile), got \(service.accountId)")
        }
        tenant.changes = try loadChanges(
            at: FixtureJSON.path(directory, usageFile), services: Set(tenant.services.map(\.id)))
        return tenant
    }

    private static func loadChanges(at path: String, services: Set<Int64>) throws -> [Change] {
        var seen = Set<String>()
        return try FixtureCSV.rows(at: path, columns: usageColumns).map { row in
            guard let service = Int64(row["serviceId"]), services.contains(service) else {
                throw row.error("serviceId", "the id of a service in \(servicesFile), got '\(row["serviceId"])'")
            }
            let property = row["property"]
            guard ["ram", "compute"].contains(property) else {
                throw row.error("property", "ram or compute, got '\(property)'")
            }
            guard let at = HyaltoDate.parse(row["timestamp"]) else {
                throw row.error("timestamp", "a datetime such as 2018-07-13 12:00:00, got '\(row["timestamp"])'")
            }
            guard seen.insert("\(service) \(property) \(at)").inserted else {
                throw row.error("timestamp", "one change per service, property and time; this one repeats")
            }
            return Change(
                serviceId: service, property: property, at: at, value: try row.number("value"),
                unitSize: row["unitSize"])
        }
    }

    /// Writes `tenant` in the format ``load(from:)`` reads, in the order given.
    static func write(_ tenant: Tenant, to directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: FixtureJSON.path(directory, "hyalto"), withIntermediateDirectories: true)
        try FixtureJSON.write(tenant.providers, to: FixtureJSON.path(directory, accountsFile))
        try FixtureJSON.write(tenant.customers, to: FixtureJSON.path(directory, customersFile))
        try FixtureJSON.write(tenant.services, to: FixtureJSON.path(directory, servicesFile))
        let rows = tenant.changes.map { change in
            [
                String(change.serviceId), change.property, HyaltoDate.format(change.at),
                FixtureCSV.number(change.value), change.unitSize,
            ]
        }
        try FixtureCSV.write(header: usageColumns, rows: rows, to: FixtureJSON.path(directory, usageFile))
    }
}
