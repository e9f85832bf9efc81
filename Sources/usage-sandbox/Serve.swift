import ArgumentParser
import Foundation
import Logging
import Sandbox

/// `usage-sandbox serve`: runs the sandbox until Ctrl-C or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the emulated vendor APIs.",
        discussion: """
            Prints `listening on http://HOST:PORT` as its first line, then the demo credentials.
            Vendors are served under /hyalto, /usage-engine, /zylo and /mason; the admin API is under /__admin. State lives in SQLite and survives restarts; pass --db :memory: for throwaway state.
            """
    )

    @Option(help: "Address to listen on. Loopback by default: the sandbox holds secrets.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one and prints it.")
    var port = 8080

    @Option(help: "SQLite file for state, or :memory: for state that dies with the process.")
    var db = ".usage-sandbox/sandbox.sqlite"

    @Flag(help: "Wipe all state before serving.")
    var reset = false

    @Option(help: "Seed of the deterministic fixture generators (used when the database is empty).")
    var seed: UInt64 = 42

    @Option(
        help: ArgumentHelp(
            "Load your own fixture files from this folder into an empty database.",
            discussion: "Write the built-in ones with `usage-sandbox fixtures --out DIR` to see the format."))
    var fixtures: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: "Require `Authorization: Bearer <token>` on /__admin.")
    var adminToken: String?

    @Option(
        name: .customLong("scenario"),
        help: ArgumentHelp(
            "Activate a QA scenario for every credential: a shipped one by NAME, or a scenario file by PATH. Repeatable.",
            discussion: "`usage-sandbox scenario list` shows the shipped ones; `scenario validate PATH` checks a file.",
            valueName: "name|path"))
    var scenarios: [String] = []

    @Flag(help: "Accept only canonical request forms (no `2F<uuid>` job ids).")
    var strict = false

    @Option(help: "Virtual seconds a Zylo export job stays IN_PROGRESS.")
    var zyloExportSeconds: Double = 30

    @Option(help: "Virtual seconds an uploaded Zylo import job stays IN_PROGRESS.")
    var zyloImportSeconds: Double = 10

    @Option(help: "Subscriptions in Zylo's generated fixture company (used when the database is empty).")
    var zyloSubscriptions = 120

    @Option(help: "SIMs in Mason's generated fleet (used when the database is empty).")
    var masonSims = 40

    @Option(help: "Days of Mason usage before today, besides all of 2020 (used when the database is empty).")
    var masonDays = 365

    @Option(help: "Usage Engine token requests each client may make per second of virtual time, sustained.")
    var usageEngineTokenRate: Double = 10

    @Option(help: "Usage Engine token requests each client may make at once (the burst).")
    var usageEngineTokenBurst = 5

    @Option(help: "Seconds Hyalto and Usage Engine access tokens live, on the virtual clock.")
    var tokenLifetime: Double = 3_600

    @Option(help: "Largest request body accepted, in bytes; larger bodies get a 413 in the vendor's envelope.")
    var maxBodyBytes = 16 * 1024 * 1024

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard !db.isEmpty else { throw ValidationError("--db must be a file path or :memory:") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard zyloExportSeconds >= 0, zyloImportSeconds >= 0 else {
            throw ValidationError("--zylo-export-seconds and --zylo-import-seconds must not be negative")
        }
        guard (1...100_000).contains(zyloSubscriptions) else {
            throw ValidationError("--zylo-subscriptions must be from 1 to 100000, got \(zyloSubscriptions)")
        }
        guard (2...1_000_000).contains(masonSims) else {
            throw ValidationError("--mason-sims must be from 2 to 1000000, got \(masonSims)")
        }
        guard (0...3_650).contains(masonDays) else {
            throw ValidationError("--mason-days must be from 0 to 3650, got \(masonDays)")
        }
        guard usageEngineTokenRate > 0, usageEngineTokenBurst >= 1 else {
            throw ValidationError(
                "--usage-engine-token-rate must be positive and --usage-engine-token-burst at least 1")
        }
        guard tokenLifetime >= 1 else { throw ValidationError("--token-lifetime must be at least 1 second") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        do {
            _ = try resolvedScenarios()
        } catch {
            throw ValidationError("--scenario: \(error.description)")
        }
        var isDirectory: ObjCBool = false
        if let fixtures,
            !FileManager.default.fileExists(atPath: fixtures, isDirectory: &isDirectory) || !isDirectory.boolValue
        {
            throw ValidationError("--fixtures must name a folder, got '\(fixtures)'")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in SandboxLogHandler(label: label, level: level) }
        let sandbox: Sandbox
        // Generating a large fleet takes seconds: say so on a terminal, stay quiet in CI logs.
        let announce = isatty(STDERR_FILENO) == 1 && (masonSims > 100_000 || zyloSubscriptions > 1_000)
        let started = Date()
        if announce { Self.note("generating fixtures for a large fleet or company (used when the database is empty)…") }
        do {
            var configuration = self.configuration
            for scenario in try resolvedScenarios() {
                if scenario.source != "built-in" { configuration.scenarios.append(scenario) }
                configuration.activeScenarios.append(scenario.name)
            }
            sandbox = try await Sandbox.open(configuration)
        } catch let error as FixtureError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if announce { Self.note(String(format: "ready in %.1f s", Date().timeIntervalSince(started))) }
        let demo = try await sandbox.demoCredentials()
        let host = self.host
        let app = sandbox.makeApplication(logger: Logger(label: "usage-sandbox")) { port in
            // Unbuffered, so a script reading the first line sees it at once.
            let lines = ["listening on http://\(host):\(port)"] + demo.map(Self.describe)
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        try await app.runService()
    }

    /// The `--scenario` values, each a shipped scenario or a checked file.
    func resolvedScenarios() throws(ScenarioFileError) -> [Scenario] {
        try scenarios.map { item throws(ScenarioFileError) in try ScenarioLibrary.resolve(item) }
    }

    var configuration: SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.database = db == ":memory:" ? .memory : .file(db)
        configuration.resetOnStart = reset
        configuration.deferFixtureLoading = true
        configuration.seed = seed
        configuration.fixturesDirectory = fixtures
        configuration.adminToken = adminToken
        configuration.fidelity = strict ? .strict : .lenient
        configuration.maxBodyBytes = maxBodyBytes
        configuration.zylo.exportDuration = zyloExportSeconds
        configuration.zylo.importDuration = zyloImportSeconds
        configuration.zylo.fixtureSubscriptions = zyloSubscriptions
        configuration.mason.sims = masonSims
        configuration.mason.recentDays = masonDays
        configuration.usageEngine.tokenRatePerSecond = usageEngineTokenRate
        configuration.usageEngine.tokenBurst = usageEngineTokenBurst
        configuration.usageEngine.tokenLifetime = tokenLifetime
        configuration.hyalto.tokenLifetime = tokenLifetime
        return configuration
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func describe(_ credential: Credential) -> String {
        switch credential.vendor {
        case .zylo:
            "zylo: Authorization: Bearer \(credential.key):\(credential.secret ?? "")  (companyId \(credential.tenant))"
        case .hyalto:
            "hyalto: accessKey \(credential.key)  secretKey \(credential.secret ?? "")"
        case .usageEngine:
            "usage-engine: client_id \(credential.key)  client_secret \(credential.secret ?? "")  audience \(credential.audience ?? "")"
        case .mason:
            "mason: Authorization: basic \(credential.key)  (scopes \(credential.scopes.joined(separator: ",")))"
        }
    }
}
