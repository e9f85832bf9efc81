import Foundation
import SandboxTesting
import Testing
import UsageClients

/// Usage Engine's meter-type operations against an in-process sandbox through a real socket.
struct UsageEngineMeterTypeTests {
    @Test func createdMeterType_readsBackWithEveryField() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            var new = UsageEngineNewMeterType(
                name: "Pay-Per-Print", description: "Pages printed", unit: "page", aggregation: .sum)
            new.resetSchedule = UsageEngineMeterResetSchedule(day: "L", hour: "23", minute: "59")
            new.activeFrom = TestSandbox.defaultStart
            let created = try await engine.createMeterType(new)
            #expect(created.name == "Pay-Per-Print" && created.unit == "page" && created.aggregation == .sum)
            #expect(
                created.resetSchedule
                    == UsageEngineMeterResetSchedule(day: "L", hour: "23", minute: "59", month: "*", weekday: "*"))
            #expect(created.activeFrom == TestSandbox.defaultStart && created.timezone == "Etc/UTC")
            #expect(created.numberOfMeters == 0 && created.createdAt != nil && created.accountID != nil)
            #expect(try await engine.meterType(id: created.id) == created)
        }
    }

    /// A time with milliseconds that are not exact in binary (`.373`) goes to the vendor and back unchanged, also when
    /// the app passes on what it read.
    @Test func activeFromWithMilliseconds_survivesTheRoundTrip() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let instant = 1_704_067_200.373
            var new = UsageEngineNewMeterType(name: "Pay-Per-Print", unit: "page", aggregation: .sum)
            new.activeFrom = Date(timeIntervalSince1970: instant)
            let created = try await engine.createMeterType(new)
            let readBack = try #require(created.activeFrom).timeIntervalSince1970
            #expect(abs(readBack - instant) < 0.000_5, "sent .373, read \(readBack)")
            new.activeFrom = created.activeFrom
            new.name = "Pay-Per-Print again"
            let again = try #require(try await engine.createMeterType(new).activeFrom).timeIntervalSince1970
            #expect(abs(again - instant) < 0.000_5, "passed on \(readBack), read \(again)")
        }
    }

    @Test func meterTypes_listEveryTypeOrTheOneNamed() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let printing = try await engine.makeMeterType("Pay-Per-Print")
            let calls = try await engine.makeMeterType("API calls")
            #expect(try await engine.meterTypes().map(\.id) == [printing.id, calls.id])
            #expect(try await engine.meterTypes(name: "API calls") == [calls])
            #expect(try await engine.meterTypes(name: "Nothing").isEmpty)
        }
    }

    @Test func updateMeterType_replacesTheWholeType() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            var replacement = UsageEngineNewMeterType(name: "Pay-Per-Sheet", unit: "sheet", aggregation: .max)
            replacement.externalRef = "crm-42"
            let updated = try await engine.updateMeterType(id: type.id, replacement)
            #expect(updated.id == type.id && updated.name == "Pay-Per-Sheet" && updated.aggregation == .max)
            #expect(updated.externalRef == "crm-42" && updated.category == nil)
            #expect(try await engine.meterType(id: type.id) == updated)
        }
    }

    @Test func deleteMeterType_removesIt() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            try await engine.deleteMeterType(id: type.id)
            #expect(try await engine.meterTypes().isEmpty)
            let error = try await #require(throws: UsageClientError.self) { try await engine.meterType(id: type.id) }
            #expect(error.status == 404)
        }
    }
}
