import ArgumentParser
import Foundation
import Sandbox

/// `usage-sandbox fixtures --out DIR`: writes every vendor's data as files to edit and load with `--fixtures`.
struct WriteFixtures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Write every vendor's data as files, to edit and serve with `serve --fixtures DIR`.",
        discussion: """
            Writes zylo/subscriptions.json and zylo/users.csv; mason/sims.json, devices.json, carriers.json and \
            usage.csv; hyalto/accounts.json, customers.json, services.json and usage.csv; usage-engine/meter-types.json \
            and meters.json (README "Fixture files" describes each). By default the data is what a new sandbox \
            generates for --seed and the scale flags; with --from-db it is what a sandbox's database holds (stop that \
            sandbox first: one process owns a database file). The same data always gives the same bytes.
            """
    )

    @Option(help: "Folder to write into; created when missing.")
    var out: String

    @Option(help: "Seed of the generators.")
    var seed: UInt64 = 42

    @Option(help: "SIMs in Mason's generated fleet, 2 to 1000000.")
    var masonSims = 40

    @Option(help: "Days of Mason usage before today, 0 to 3650, besides all of 2020.")
    var masonDays = 365

    @Option(help: "Subscriptions in Zylo's generated company, 1 to 100000.")
    var zyloSubscriptions = 120

    @Option(help: "Start from these fixture files instead of generated data (checks and rewrites them canonically).")
    var fixtures: String?

    @Option(help: "Write what this sandbox database (a `serve --db` file, its server stopped) holds instead.")
    var fromDB: String?

    func validate() throws {
        try Serve.check(masonSims, in: 2...1_000_000, flag: "--mason-sims")
        try Serve.check(masonDays, in: 0...3_650, flag: "--mason-days")
        try Serve.check(zyloSubscriptions, in: 1...100_000, flag: "--zylo-subscriptions")
        if let fromDB, !FileManager.default.fileExists(atPath: fromDB) {
            throw ValidationError("--from-db must name an existing sandbox database, got '\(fromDB)'")
        }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.seed = seed
        configuration.mason.sims = masonSims
        configuration.mason.recentDays = masonDays
        configuration.zylo.fixtureSubscriptions = zyloSubscriptions
        configuration.fixturesDirectory = fixtures
        do {
            if let fromDB {
                configuration.database = .file(fromDB)
                let sandbox = try await Sandbox.open(configuration)
                try await sandbox.exportFixtures(to: out)
            } else {
                try await Sandbox.writeFixtures(configuration, to: out)
            }
        } catch let error as FixtureError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("wrote \(out)/zylo, \(out)/mason, \(out)/hyalto and \(out)/usage-engine")
    }
}
