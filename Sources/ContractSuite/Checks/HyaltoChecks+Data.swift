import Foundation

extension HyaltoChecks {
    static func accounts(_ c: CheckContext) async throws {
        let response = try await c.get("/accountManagement/accounts")
        c.observe(response, as: "accounts")
        guard c.expectStatus(response, 200, "accounts"), let items = response.json?.array else {
            return c.fail("accounts is not a top-level array: \(response.snippet)")
        }
        guard !items.isEmpty else { throw ContractSkip("the key has no customer accounts to check") }
        for item in items {
            c.expect(item["id"]?.number != nil, "an account has a numeric id")
            c.expect(item["companyName"]?.string != nil, "an account has a companyName")
        }
        let typed = try await c.hyaltoClient().accounts().map(\.id)
        c.expect(typed == items.compactMap { $0["id"]?.number.map { Int($0) } }, "the client reads the same ids")
    }

    static func services(_ c: CheckContext) async throws {
        guard let account = try await accountIDs(c).first else { throw ContractSkip("the key has no customers") }
        let response = try await c.get("/serviceOfferings/accounts/\(account)/services/")
        c.observe(response, as: "services")
        guard c.expectStatus(response, 200, "services"), let items = response.json?.array else {
            return c.fail("services is not a top-level array: \(response.snippet)")
        }
        guard !items.isEmpty else { throw ContractSkip("the first customer has no services to check") }
        for item in items {
            c.expect(item["id"]?.number != nil, "a service has a numeric id")
            c.expect(item["name"]?.string != nil, "a service has a name")
            c.expect(item["metaData"]?["type"]?.string != nil, "a service has metaData.type")
        }
    }

    /// A customer and one of its services, or a skip when the key has none.
    static func firstService(_ c: CheckContext) async throws -> (account: Int, service: Int) {
        for account in try await accountIDs(c) {
            let response = try await c.get("/serviceOfferings/accounts/\(account)/services/")
            if let id = response.json?.array?.first?["id"]?.number { return (account, Int(id)) }
        }
        throw ContractSkip("no customer of the key has a service")
    }

    static func usageReport(_ c: CheckContext) async throws {
        let (_, service) = try await firstService(c)
        let response = try await c.get(
            "/reports/usage/service/\(service)?filter%5Bfrom%5D=2018-07-01%2000:00:00&filter%5Bto%5D=2018-07-02%2000:00:00"
        )
        c.observe(response, as: "report")
        c.expectStatus(response, 200, "the usage report")
        c.expect(response.json != nil, "the report is JSON: \(response.snippet)")
    }

    static func rawUsage(_ c: CheckContext) async throws {
        let (account, service) = try await firstService(c)
        let response = try await c.get(
            "/solutions/usage/account/\(account)/raw?filter%5BServices_id%5D=\(service)"
                + "&filter%5BstartTime%5D=2018-07-01T00%3A00%3A00&filter%5BendTime%5D=2018-07-03T00%3A00%3A00")
        c.observe(response, as: "raw")
        guard c.expectStatus(response, 200, "raw usage"), let services = response.json?["services"]?.array else {
            return c.fail("raw usage has no services array: \(response.snippet)")
        }
        c.expect(!services.isEmpty, "filter[Services_id] names a service of the account, so it is in the answer")
        for item in services {
            for property in ["ram", "compute"] {
                let changes = item["properties"]?[property]?["changes"]?.array
                c.expect(changes != nil, "\(property).changes is an array")
                for change in changes ?? [] {
                    c.expect(
                        Set(["timestamp", "value", "unit_size"]).isSubset(of: change.keys),
                        "change keys: \(change.keys)")
                }
            }
        }
    }
}
