import ArgumentParser
import Foundation
import Logging
import Sandbox
import ServiceLifecycle

/// `usage-sandbox serve`: runs the sandbox until Ctrl-C or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the emulated vendor APIs.",
        discussion: """
            Prints `listening on http://HOST:PORT` as its first line (with --https-port, \
            `listening on https://HOST:PORT` next), then the demo credentials.
            Vendors are served under /hyalto, /usage-engine, /zylo and /mason; the admin API is under /__admin. State lives in SQLite and survives restarts; pass --db :memory: for throwaway state.
            """
    )

    @Option(help: "Address to listen on. Loopback by default: the sandbox holds secrets.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one and prints it.")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Also serve TLS on this port (0 picks one), and accept CONNECT to the vendors' hosts on --port.",
            discussion: "Certificates come from the local CA (`usage-sandbox ca`), created on first use."))
    var httpsPort: Int?

    @Option(help: "Folder of the local CA; by default `ca` beside the --db file.")
    var caDir: String?

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

    @Option(help: "Virtual seconds a Zylo export job stays IN_PROGRESS (0 to 31536000).")
    var zyloExportSeconds: Double = 30

    @Option(help: "Virtual seconds an uploaded Zylo import job stays IN_PROGRESS (0 to 31536000).")
    var zyloImportSeconds: Double = 10

    @Option(help: "Subscriptions in Zylo's generated fixture company, 1 to 100000 (used when the database is empty).")
    var zyloSubscriptions = 120

    @Option(help: "SIMs in Mason's generated fleet, 2 to 1000000 (used when the database is empty).")
    var masonSims = 40

    @Option(help: "Days of Mason usage before today, 0 to 3650, besides all of 2020 (used when the database is empty).")
    var masonDays = 365

    @Option(help: "Usage Engine token requests each client may make per second of virtual time, 0.01 to 100000.")
    var usageEngineTokenRate: Double = 10

    @Option(help: "Usage Engine token requests each client may make at once (the burst), 1 to 100000.")
    var usageEngineTokenBurst = 5

    @Option(help: "Seconds Hyalto and Usage Engine access tokens live on the virtual clock, 1 to 31536000.")
    var tokenLifetime: Double = 3_600

    @Option(help: "Largest request body accepted, 1 to 1073741824 bytes; larger ones get the vendor's 413.")
    var maxBodyBytes = 16 * 1024 * 1024

    @Option(help: "Requests the journal (GET /__admin/requests) keeps, 1 to 100000.")
    var journalEntries = 1_000

    @Option(help: "Bytes the journal keeps in all, 65536 to 1073741824; the oldest entries go first.")
    var journalBytes = 16 * 1024 * 1024

    @Option(
        help: ArgumentHelp(
            "Scheme and authority of the links the sandbox hands out (Zylo's downloadUri), such as http://sandbox:8080.",
            discussion: "By default links name the listening address, or the vendor host name a request was sent to."))
    var publicURL: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        if let httpsPort {
            guard (0...65_535).contains(httpsPort) else {
                throw ValidationError("--https-port must be from 0 to 65535, got \(httpsPort)")
            }
        }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard !db.isEmpty else { throw ValidationError("--db must be a file path or :memory:") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        try Self.check(zyloExportSeconds, in: 0...31_536_000, flag: "--zylo-export-seconds")
        try Self.check(zyloImportSeconds, in: 0...31_536_000, flag: "--zylo-import-seconds")
        try Self.check(zyloSubscriptions, in: 1...100_000, flag: "--zylo-subscriptions")
        try Self.check(masonSims, in: 2...1_000_000, flag: "--mason-sims")
        try Self.check(masonDays, in: 0...3_650, flag: "--mason-days")
        try Self.check(usageEngineTokenRate, in: 0.01...100_000, flag: "--usage-engine-token-rate")
        try Self.check(usageEngineTokenBurst, in: 1...100_000, flag: "--usage-engine-token-burst")
        try Self.check(tokenLifetime, in: 1...31_536_000, flag: "--token-lifetime")
        try Self.check(maxBodyBytes, in: 1...1_073_741_824, flag: "--max-body-bytes")
        try Self.check(journalEntries, in: 1...100_000, flag: "--journal-entries")
        try Self.check(journalBytes, in: 65_536...1_073_741_824, flag: "--journal-bytes")
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.path.isEmpty || url.path == "/", url.query == nil
            else {
                throw ValidationError("--public-url must be http(s)://HOST[:PORT] with no path, got '\(publicURL)'")
            }
        }
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

    /// Refuses `value` outside `range` (NaN and infinities included), naming the flag and the range.
    static func check<Value: Comparable & CustomStringConvertible>(
        _ value: Value, in range: ClosedRange<Value>, flag: String
    ) throws {
        guard range.contains(value) else {
            throw ValidationError("\(flag) must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
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
        let (tlsPorts, tlsPortsContinuation) = AsyncStream.makeStream(of: (Listener, Int).self)
        var tlsApps: [any Service] = []
        if let httpsPort {
            let certificates: SiteCertificates
            do {
                let authority = try CertificateAuthority.loadOrCreate(in: CertificateAuthorityCommand.folder(caDir, db))
                certificates = try SiteCertificates(authority: authority)
            } catch {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            tlsApps = try sandbox.makeHTTPSApplications(certificates: certificates, httpsPort: httpsPort) {
                tlsPortsContinuation.yield(($0, $1))
            }
        }
        let waitForTLS = httpsPort != nil
        let app = sandbox.makeApplication(logger: Logger(label: "usage-sandbox")) { port in
            var lines = ["listening on http://\(host):\(port)"]
            if waitForTLS {
                // The TLS listeners are up before the first line, so a client may use any of them once it is read.
                var seen: [Listener: Int] = [:]
                for await (listener, port) in tlsPorts {
                    seen[listener] = port
                    if seen.count == 2 { break }
                }
                lines.append("listening on https://\(host):\(seen[.https] ?? 0)")
            }
            // Unbuffered, so a script reading the first line sees it at once.
            lines += demo.map(Self.describe)
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if !Self.isLoopback(host), adminToken == nil {
            Self.note(
                "warning: --host \(host) serves the admin API (every credential and secret, the request journal, "
                    + "reset) to the network without authentication; pass --admin-token TOKEN to protect /__admin")
        }
        let deadline = ShutdownDeadline(seconds: 10)
        var group = ServiceGroupConfiguration(
            services: [app] + tlsApps, gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "usage-sandbox"))
        // Requests still running this long after SIGTERM are cancelled; ShutdownDeadline ends the process if even
        // that does not finish. SQLite rolls back whatever transaction was open, so no write is left half done.
        group.maximumGracefulShutdownDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
        withExtendedLifetime(deadline) {}
    }

    /// Whether `host` is a loopback address or name, reachable from this machine only.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
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
        configuration.journalCapacity = journalEntries
        configuration.journalMaxBytes = journalBytes
        configuration.publicURL = publicURL
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
