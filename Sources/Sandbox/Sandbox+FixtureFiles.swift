import Foundation
import GRDB

extension Sandbox {
    /// Every vendor's fixture files in one folder, read and checked; a vendor without files is `nil` and keeps its
    /// generated data.
    struct FixtureFiles: Sendable {
        var zylo: [ZyloFixtures.Entry]?
        var mason: MasonFixtureFiles.Fleet?
        var hyalto: HyaltoFixtureFiles.Tenant?
        var usageEngine: UsageEngineFixtureFiles.Account?

        /// The files in `directory` (none when `nil`); throws ``FixtureError`` naming the first malformed one.
        static func load(from directory: String?, seed: UInt64) throws -> FixtureFiles {
            guard let directory else { return FixtureFiles() }
            return FixtureFiles(
                zylo: try ZyloFixtureFiles.load(from: directory),
                mason: try MasonFixtureFiles.load(from: directory),
                hyalto: try HyaltoFixtureFiles.load(from: directory),
                usageEngine: try UsageEngineFixtureFiles.load(
                    from: directory, tenant: DemoCredentials.usageEngineTenant(seed: seed)))
        }
    }

    /// Writes what the sandbox serves as fixture files in `directory`, in the formats `serve --fixtures` loads:
    /// Zylo's company, Mason's fleets, and the demo credentials' Hyalto and Usage Engine accounts.
    ///
    /// Mason months not made yet are made first. Writing is deterministic: the same state gives the same bytes.
    ///
    /// ```swift
    /// let sandbox = try await Sandbox.open(configuration)
    /// try await sandbox.exportFixtures(to: "my-fixtures")
    /// ```
    /// - Parameter vendors: the vendors whose files to write; every vendor by default.
    public func exportFixtures(to directory: String, vendors: Set<Vendor> = Set(Vendor.allCases)) async throws {
        try await hyaltoReady.wait()
        try await zyloReady.wait()
        let (zylo, mason, hyalto, usageEngine) = try await database.writer.write { db in
            let engineTenant =
                try String.fetchOne(db, sql: "SELECT tenant FROM credential WHERE id = 'usage-engine-demo'") ?? ""
            return (
                try ZyloStore.exportFixtures(db), try MasonStore.exportFixtures(db),
                try HyaltoStore.exportFixtures(db, tenant: DemoCredentials.hyaltoAccountID),
                try UsageEngineStore.exportFixtures(db, tenant: engineTenant)
            )
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if vendors.contains(.zylo) { try ZyloFixtureFiles.write(zylo, to: directory) }
        if vendors.contains(.mason) { try MasonFixtureFiles.write(mason, to: directory) }
        if vendors.contains(.hyalto) { try HyaltoFixtureFiles.write(hyalto, to: directory) }
        if vendors.contains(.usageEngine) { try UsageEngineFixtureFiles.write(usageEngine, to: directory) }
    }

    /// Writes the fixtures a sandbox configured like `configuration` starts with (generated, or loaded from its
    /// `fixturesDirectory`) to `directory`, through a throwaway in-memory sandbox.
    public static func writeFixtures(
        _ configuration: SandboxConfiguration, to directory: String, vendors: Set<Vendor> = Set(Vendor.allCases)
    ) async throws {
        var configuration = configuration
        configuration.database = .memory
        configuration.deferFixtureLoading = false
        configuration.resetOnStart = false
        let sandbox = try await Sandbox.open(configuration)
        try await sandbox.exportFixtures(to: directory, vendors: vendors)
    }
}

extension DemoCredentials {
    /// The account of Usage Engine's demo Application Access in a sandbox seeded with `seed`.
    static func usageEngineTenant(seed: UInt64) -> String {
        all(seed: seed, createdAt: "").first { $0.vendor == .usageEngine }?.tenant ?? ""
    }
}
