import Foundation
import UsageClients

/// Records a Hyalto service provider: its customers, each customer's services, and their RAM and compute
/// allocation changes over the date range (the first change of each is the value in effect at the start).
///
/// The provider's own account is not readable through the API; it is written from the customers'
/// `serviceProviderId`, named `Service provider <id>`.
struct HyaltoRecorder {
    let client: HyaltoClient
    let anonymizer: RecordAnonymizer
    let start: Date
    let end: Date
    let folder: String
    let progress: RecordProgress

    func record() async throws {
        progress.begin("hyalto", unit: "customers")
        let customers = try await client.accountDocuments()
        progress.expect(customers.count)
        var services: [JSONValue] = []
        var usage = [["serviceId", "property", "timestamp", "value", "unitSize"]]
        for customer in customers {
            guard let id = customer["id"]?.integer else { continue }
            for service in try await client.serviceDocuments(accountID: Int(id)) {
                services.append(rename(service, key: "name", prefix: "Service"))
            }
            let raw = try await client.rawUsage(accountID: Int(id), start: start, end: end)
            for service in raw.services {
                for (property, allocation) in service.properties.sorted(by: { $0.key < $1.key }) {
                    for change in allocation.changes {
                        usage.append([
                            String(service.id), property, change.timestamp ?? "", change.value.map { "\($0)" } ?? "",
                            change.unitSize ?? allocation.unitSize ?? "",
                        ])
                    }
                }
            }
            progress.advance()
        }
        try RecordFiles.writeJSON(provider(customers), "hyalto/accounts.json", in: folder)
        try RecordFiles.writeJSON(
            customers.map { rename($0, key: "companyName", prefix: "Company") }, "hyalto/customers.json", in: folder)
        try RecordFiles.writeJSON(services, "hyalto/services.json", in: folder)
        try RecordFiles.writeCSV(usage, "hyalto/usage.csv", in: folder)
        progress.finish("\(customers.count) customers, \(services.count) services, \(usage.count - 1) changes")
    }

    private func provider(_ customers: [JSONValue]) -> [JSONValue] {
        guard let first = customers.first, let id = first["serviceProviderId"]?.integer else { return [] }
        return [
            .object([
                "id": .number(Double(id)),
                "companyName": .string(anonymizer.name("Service provider \(id)", prefix: "Company")),
                "serviceProviderId": .number(Double(id)), "parentId": .null, "type": .string("serviceProvider"),
                "createdAt": first["createdAt"] ?? .null,
            ])
        ]
    }

    private func rename(_ document: JSONValue, key: String, prefix: String) -> JSONValue {
        guard anonymizer.enabled, case .object(var members) = document, let name = members[key]?.string else {
            return document
        }
        members[key] = .string(anonymizer.name(name, prefix: prefix))
        return .object(members)
    }
}
