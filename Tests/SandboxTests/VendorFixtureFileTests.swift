import Foundation
import Testing

@testable import Sandbox

@Suite("Fixture files of every vendor (fixtures --out, serve --fixtures)")
struct VendorFixtureFileTests {
    static let files = [
        "zylo/subscriptions.json", "zylo/users.csv", "mason/sims.json", "mason/devices.json", "mason/carriers.json",
        "mason/usage.csv", "hyalto/accounts.json", "hyalto/customers.json", "hyalto/services.json",
        "hyalto/usage.csv", "usage-engine/meter-types.json", "usage-engine/meters.json",
    ]

    static let meterTypes = """
        [{"id":"mt-1","name":"Pay-Per-Print","description":null,"unit":"page","category":"printing",\
        "aggregation":{"type":"sum"},"resetSchedule":{"day":"1","hour":"0","minute":"0","month":"*","weekday":"*"},\
        "timezone":"Etc/UTC","activeFrom":"2023-07-26T09:00:15.690+00:00","activeTo":null,"externalRef":null,\
        "capacity":500,"thresholds":[],"createdAt":"2023-07-26T09:00:15.690+00:00",\
        "updatedAt":"2023-07-26T09:00:15.690+00:00"}]
        """
    static let meters = """
        [{"id":"m-1","meterTypeId":"mt-1","userId":"101","meterKey":"printer-7","value":42.5,\
        "periodStart":"2023-12-01T00:00:00.000Z","periodEnd":"2024-01-01T00:00:00.000Z","groupBreakdowns":[],\
        "capacity":500,"thresholds":[{"name":"half","capacityPercentage":50,"customFields":{"notify":"ops"}}],\
        "customFields":{"floor":2,"site":"HQ"},"deleteOnReset":false,"timezone":"Etc/UTC",\
        "createdAt":"2026-12-01T10:22:56.372Z","updatedAt":"2026-12-01T10:22:56.373Z"}]
        """

    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("vendor-fixtures-\(UUID().uuidString)").path
    }

    static func small(_ fixtures: String? = nil) -> SandboxConfiguration {
        .testDefaults {
            $0.mason.sims = 6
            $0.mason.recentDays = 20
            $0.zylo.fixtureSubscriptions = 4
            $0.fixturesDirectory = fixtures
        }
    }

    /// Canonical files of every vendor (generated, plus a hand-written Usage Engine account) in a new folder.
    static func canonical() async throws -> String {
        let raw = folder()
        try FileManager.default.createDirectory(atPath: raw + "/usage-engine", withIntermediateDirectories: true)
        try meterTypes.write(toFile: raw + "/usage-engine/meter-types.json", atomically: true, encoding: .utf8)
        try meters.write(toFile: raw + "/usage-engine/meters.json", atomically: true, encoding: .utf8)
        let out = folder()
        try await Sandbox.writeFixtures(small(raw), to: out)
        return out
    }

    static func contents(_ directory: String, _ file: String) -> Data? {
        FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file))
    }

    @Test func everyVendor_servedFromFiles_writesTheSameBytesBack() async throws {
        let first = try await Self.canonical()
        let database = Self.folder() + ".sqlite"
        var configuration = Self.small(first)
        configuration.database = .file(database)
        let sandbox = try await Sandbox.open(configuration)
        let second = Self.folder()
        try await sandbox.exportFixtures(to: second)
        for file in Self.files {
            let written = try #require(Self.contents(first, file), "\(file) missing")
            #expect(written == Self.contents(second, file), "\(file) differs after a round trip")
        }
        let meters = String(decoding: Self.contents(second, "usage-engine/meters.json") ?? Data(), as: UTF8.self)
        #expect(meters.contains(#""meterKey":"printer-7""#))
        // Times that parse a hair below themselves come back unchanged (they used to lose a millisecond).
        #expect(meters.contains(#""createdAt":"2026-12-01T10:22:56.372Z","updatedAt":"2026-12-01T10:22:56.373Z""#))
    }

    @Test func writingFixtures_isDeterministic() async throws {
        let (first, second) = (Self.folder(), Self.folder())
        try await Sandbox.writeFixtures(Self.small(), to: first)
        try await Sandbox.writeFixtures(Self.small(), to: second)
        for file in Self.files { #expect(Self.contents(first, file) == Self.contents(second, file), "\(file)") }
    }

    @Test(arguments: [
        ("mason/usage.csv", "<total>", "", "line 2, total"),
        ("mason/sims.json", #""iccid":"iccid1""#, #""iccid":7"#, "[0].iccid"),
        ("mason/usage.csv", "iccid1,", "nobody,", "line 2, iccid"),
        ("hyalto/usage.csv", ",compute,", ",disk,", "line 2, property"),
        ("hyalto/services.json", #""accountId":"#, #""accountId":1,"x":"#, "[0].accountId"),
        ("usage-engine/meters.json", #""meterTypeId":"mt-1""#, #""meterTypeId":"nope""#, "[0].meterTypeId"),
        ("usage-engine/meter-types.json", #""type":"sum""#, #""type":"avg""#, "[0].aggregation.type"),
    ])
    func malformedFile_stopsStartUpNamingPathRecordAndField(
        file: String, find: String, replace: String, field: String
    ) async throws {
        let directory = try await Self.canonical()
        let path = (directory as NSString).appendingPathComponent(file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken =
            find == "<total>" ? text.breakingFirstTotal() : text.replacingFirstOccurrence(of: find, with: replace)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let error = await #expect(throws: FixtureError.self) { _ = try await Sandbox.open(Self.small(directory)) }
        #expect(error?.path == path, "\(String(describing: error))")
        #expect(error?.field.hasPrefix(field) == true, "\(String(describing: error))")
    }

    @Test func vendorWithoutFiles_keepsItsGeneratedData() async throws {
        let directory = try await Self.canonical()
        try FileManager.default.removeItem(atPath: directory + "/mason")
        let customers = directory + "/hyalto/customers.json"
        let text = try String(contentsOfFile: customers, encoding: .utf8)
        try text.replacingOccurrences(of: "Acme Logistics", with: "Our Own Customer")
            .write(toFile: customers, atomically: true, encoding: .utf8)
        let (generated, served) = (Self.folder(), Self.folder())
        try await Sandbox.writeFixtures(Self.small(), to: generated)
        try await Sandbox.writeFixtures(Self.small(directory), to: served)
        #expect(Self.contents(served, "mason/usage.csv") == Self.contents(generated, "mason/usage.csv"))
        let hyalto = String(decoding: Self.contents(served, "hyalto/customers.json") ?? Data(), as: UTF8.self)
        #expect(hyalto.contains("Our Own Customer"))
    }
}

extension String {
    fileprivate func replacingFirstOccurrence(of target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    /// The first record of a Mason usage table with a `total` that is not `upload + download`.
    fileprivate func breakingFirstTotal() -> String {
        var lines = components(separatedBy: "\r\n")
        var fields = lines[1].components(separatedBy: ",")
        fields[4] = "1" + fields[4]
        lines[1] = fields.joined(separator: ",")
        return lines.joined(separator: "\r\n")
    }
}
