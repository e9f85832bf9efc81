import Foundation
import SandboxTesting
import Testing
import UsageClients

/// Every Hyalto operation against an in-process sandbox through a real socket.
struct HyaltoClientTests {
    @Test func accounts_listTheProvidersCustomers() async throws {
        try await TestSandbox.run { sandbox in
            let accounts = try await HyaltoClient.make(sandbox).accounts()
            #expect(accounts.map(\.id) == HyaltoDemo.customerIDs)
            #expect(accounts.allSatisfy { $0.companyName?.isEmpty == false && $0.serviceProviderID == 164 })
            #expect(accounts.first?.createdAt != nil)
        }
    }

    @Test func services_includeTheAllocationVDCWithItsMetaDataType() async throws {
        try await TestSandbox.run { sandbox in
            let services = try await HyaltoClient.make(sandbox).services(accountID: HyaltoDemo.customerID)
            let vdc = try #require(services.first { $0.id == HyaltoDemo.vdcID })
            #expect(vdc.type == "allocationVDC")
            #expect(vdc.accountID == HyaltoDemo.customerID)
            #expect(vdc.name?.isEmpty == false)
            #expect((2...4).contains(services.count))
        }
    }

    @Test func usageReport_coversRAMAndComputeOverTheWindow() async throws {
        try await TestSandbox.run { sandbox in
            let from = try Date.hyalto("2018-07-13T12:00:00Z")
            let to = try Date.hyalto("2018-07-14T12:00:00Z")
            let report = try await HyaltoClient.make(sandbox).usageReport(
                serviceID: HyaltoDemo.vdcID, from: from, to: to)
            #expect(report.serviceID == HyaltoDemo.vdcID && report.type == "allocationVDC")
            #expect(report.from == from && report.to == to && report.hours == 24)
            #expect(report.usage.map(\.property) == ["ram", "compute"])
            let ram = try #require(report.line(for: "ram"))
            #expect(ram.unit == "GB-hours" && ram.unitSize == "GB" && (ram.quantity ?? 0) > 0)
        }
    }

    @Test func rawUsage_ofOneService_startsWithTheValueInEffectAtTheStart() async throws {
        try await TestSandbox.run { sandbox in
            let start = try Date.hyalto("2018-07-01T00:00:00Z")
            let end = try Date.hyalto("2018-08-01T00:00:00Z")
            let raw = try await HyaltoClient.make(sandbox).rawUsage(
                accountID: HyaltoDemo.customerID, serviceID: HyaltoDemo.vdcID, start: start, end: end)
            #expect(raw.accountID == HyaltoDemo.customerID && raw.startTime == start && raw.endTime == end)
            let service = try #require(raw.services.first)
            #expect(raw.services.count == 1 && service.id == HyaltoDemo.vdcID)
            #expect(service.ram?.unitSize == "GB" && service.compute?.unitSize == "GHz")
            #expect(service.ram?.changes.first?.date == start)
            #expect(service.compute?.changes.allSatisfy { $0.value != nil && $0.unitSize == "GHz" } == true)
        }
    }

    @Test func rawUsage_withoutAService_coversEveryServiceOfTheAccount() async throws {
        try await TestSandbox.run { sandbox in
            let hyalto = HyaltoClient.make(sandbox)
            let services = try await hyalto.services(accountID: HyaltoDemo.customerID)
            let raw = try await hyalto.rawUsage(
                accountID: HyaltoDemo.customerID, start: try .hyalto("2018-07-01T00:00:00Z"),
                end: try .hyalto("2018-07-02T00:00:00Z"))
            #expect(raw.services.map(\.id) == services.map(\.id))
        }
    }

    @Test func usageReport_agreesWithTheRawChanges() async throws {
        try await TestSandbox.run { sandbox in
            let hyalto = HyaltoClient.make(sandbox)
            let (from, to) = (try Date.hyalto("2018-07-01T00:00:00Z"), try Date.hyalto("2018-07-08T00:00:00Z"))
            let report = try await hyalto.usageReport(serviceID: HyaltoDemo.vdcID, from: from, to: to)
            let raw = try await hyalto.rawUsage(
                accountID: HyaltoDemo.customerID, serviceID: HyaltoDemo.vdcID, start: from, end: to)
            let changes = raw.services.first?.ram?.changes ?? []
            let ends = changes.dropFirst().compactMap(\.date) + [to]
            let gigabyteHours = zip(changes, ends).reduce(0.0) { total, pair in
                total + (pair.0.value ?? 0) * pair.1.timeIntervalSince(pair.0.date ?? pair.1) / 3_600
            }
            #expect(abs(gigabyteHours - (report.line(for: "ram")?.quantity ?? -1)) < 0.001)
        }
    }
}
