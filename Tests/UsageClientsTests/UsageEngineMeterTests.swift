import Foundation
import SandboxTesting
import Testing
import UsageClients

/// Usage Engine's meter operations against an in-process sandbox through a real socket.
struct UsageEngineMeterTests {
    @Test func createdMeter_inheritsFromItsTypeAndReadsBack() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            let meter = try await engine.createMeter(
                UsageEngineNewMeter(
                    userID: "101", meterKey: "printer-7", meterTypeID: type.id,
                    customFields: ["site": "Lund", "freeUnits": 100], capacity: 200,
                    thresholds: [UsageEngineThreshold(name: "half", capacityPercentage: 50)],
                    timezone: "Europe/Berlin"))
            #expect(meter.userID == "101" && meter.meterKey == "printer-7" && meter.meterTypeID == type.id)
            #expect(meter.customFields == ["site": "Lund", "freeUnits": 100] && meter.deleteOnReset == false)
            #expect(meter.unit == "page" && meter.meterTypeName == type.name && meter.value == 0)
            #expect(meter.capacity == 200 && meter.thresholds.map(\.capacityPercentage) == [50])
            #expect(meter.timezone == "Europe/Berlin" && meter.periodStart == meter.createdAt)
            #expect(meter.periodEnd.map { $0 > (meter.periodStart ?? .distantFuture) } == true)
            #expect(try await engine.meter(id: meter.id) == meter)
            #expect(try await engine.meterType(id: type.id).numberOfMeters == 1)
        }
    }

    @Test func meters_filterByKeyAndByType() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let (printing, calls) = (try await engine.makeMeterType("Print"), try await engine.makeMeterType("Calls"))
            let a = try await engine.createMeter(
                UsageEngineNewMeter(userID: "1", meterKey: "a", meterTypeID: printing.id))
            let b = try await engine.createMeter(UsageEngineNewMeter(userID: "2", meterKey: "b", meterTypeID: calls.id))
            #expect(try await engine.meters().map(\.id) == [a.id, b.id])
            #expect(try await engine.meters(meterKey: "b") == [b])
            #expect(try await engine.meters(meterTypeID: printing.id) == [a])
            #expect(try await engine.meters(meterKey: "b", meterTypeID: printing.id).isEmpty)
        }
    }

    @Test func updateMeter_replacesUserFieldsAndDeleteOnReset() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            let meter = try await engine.createMeter(
                UsageEngineNewMeter(userID: "101", meterKey: "k", meterTypeID: type.id, customFields: ["old": "1"]))
            let updated = try await engine.updateMeter(
                id: meter.id, UsageEngineMeterUpdate(userID: "102", customFields: ["new": "2"], deleteOnReset: true))
            #expect(updated.userID == "102" && updated.customFields == ["new": "2"] && updated.deleteOnReset == true)
            #expect(updated.capacity == nil && updated.thresholds.isEmpty)
            #expect(updated.meterKey == "k" && updated.meterTypeID == type.id)
            #expect(try await engine.meter(id: meter.id) == updated)
        }
    }

    @Test func deleteMeter_removesIt() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            let meter = try await engine.createMeter(
                UsageEngineNewMeter(userID: "101", meterKey: "k", meterTypeID: type.id))
            try await engine.deleteMeter(id: meter.id)
            #expect(try await engine.meters().isEmpty)
            let error = try await #require(throws: UsageClientError.self) { try await engine.meter(id: meter.id) }
            #expect(error.status == 404 && error.errorBody?["error"] == "not_found")
        }
    }
}
