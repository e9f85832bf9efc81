import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A sandbox of the four vendor APIs: its state, clock, journal and HTTP application.
///
/// ```swift
/// var configuration = SandboxConfiguration()
/// configuration.database = .memory
/// let sandbox = try await Sandbox.open(configuration)
/// let app = sandbox.makeApplication()
/// try await app.runService()
/// ```
public final class Sandbox: Sendable {
    /// How the sandbox was configured.
    public let configuration: SandboxConfiguration
    /// The clock and id source every handler reads.
    public let environment: SandboxEnvironment
    /// The SQLite state.
    public let database: SandboxDatabase
    /// The last requests answered.
    public let journal: RequestJournal
    /// Requests per second by vendor and status class, for the dashboard's chart.
    public let rates: RequestRates
    /// When this sandbox was opened, for the uptime `GET /__admin/stats` reports.
    let started = ContinuousClock.now
    /// Where the sandbox listens; the base of the links it hands out.
    public let address: ListeningAddress
    /// Where the plain listener relays proxy tunnels (`CONNECT api.zylo.com:443`), once TLS is on.
    let tunnel = TunnelEndpoint()
    /// Every vendor credential.
    public let credentials: CredentialStore
    let zylo: ZyloStore
    let mason: MasonStore
    let hyalto: HyaltoStore
    let pageTokens: PageTokens
    /// Open once Hyalto's and Zylo's fixtures are in the database; see ``loadFixturesIfEmpty(deferring:)``.
    let hyaltoReady = FixtureGate()
    let zyloReady = FixtureGate()
    let usageEngine: UsageEngineStore
    /// The signing keys of the token-issuing vendors.
    let tokenKeys: TokenKeys
    /// The QA scenarios known and running.
    public let scenarios: ScenarioEngine
    /// The fixture load ``open(_:)`` deferred, until ``FixtureLoader`` takes it.
    private let deferredFixtures = Mutex<(@Sendable () async throws -> Void)?>(nil)
    /// Every emulated vendor, in ``emulatedVendors`` order: the one way the router, the admin API and the
    /// scenario stage reach a vendor.
    let emulators: [any VendorEmulator]

    /// The vendors whose APIs are emulated; requests under the others' prefixes get "not emulated" 404s.
    public static let emulatedVendors: [Vendor] = [.hyalto, .usageEngine, .zylo, .mason]

    private init(
        configuration: SandboxConfiguration, environment: SandboxEnvironment, database: SandboxDatabase
    ) {
        self.configuration = configuration
        self.environment = environment
        self.database = database
        self.journal = environment.memory.register(
            RequestJournal(capacity: configuration.journalCapacity, maxBytes: configuration.journalMaxBytes))
        self.rates = environment.memory.register(RequestRates())
        self.address = ListeningAddress(
            host: configuration.host, port: configuration.port, publicURL: configuration.publicURL)
        self.credentials = CredentialStore(database: database, memory: environment.memory)
        self.pageTokens = PageTokens()
        self.zylo = ZyloStore(
            database: database, environment: environment, settings: configuration.zylo, pageTokens: pageTokens)
        self.mason = MasonStore(database: database, settings: configuration.mason, memory: environment.memory)
        self.tokenKeys = TokenKeys(database: database)
        self.hyalto = HyaltoStore(database: database, environment: environment)
        self.usageEngine = UsageEngineStore(database: database, environment: environment)
        self.emulators = [
            HyaltoEmulator(
                handlers: HyaltoHandlers(
                    store: hyalto, credentials: credentials, tokenKeys: tokenKeys, environment: environment,
                    settings: configuration.hyalto)),
            UsageEngineEmulator(
                store: usageEngine,
                handlers: UsageEngineHandlers(
                    store: usageEngine, credentials: credentials, tokenKeys: tokenKeys, environment: environment,
                    settings: configuration.usageEngine, fidelity: configuration.fidelity)),
            ZyloEmulator(
                store: zylo,
                handlers: ZyloHandlers(store: zylo, credentials: credentials, fidelity: configuration.fidelity)),
            MasonEmulator(
                handlers: MasonHandlers(store: mason, credentials: credentials, fidelity: configuration.fidelity)),
        ]
        let added = configuration.scenarios
        // A broken shipped file is a bug that the scenario file tests catch; here it would only hide the library.
        self.scenarios = ScenarioEngine(loadingLibrary: { ((try? ScenarioLibrary.builtIn()) ?? []) + added })
    }

    /// Opens (or creates) the database, restores the saved clock, and loads fixtures into an empty database.
    ///
    /// Throws ``FixtureError`` when `configuration.fixturesDirectory` holds a malformed file, and
    /// ``ScenarioEngine/Failure`` when an active scenario is unknown.
    public static func open(_ configuration: SandboxConfiguration) async throws -> Sandbox {
        let ids = configuration.deterministicIDs ? IDGenerator.deterministic(seed: configuration.seed) : .live
        let environment = SandboxEnvironment(clock: VirtualClock(configuration.initialClock), ids: ids)
        let database = try SandboxDatabase.open(configuration.database)
        let sandbox = Sandbox(configuration: configuration, environment: environment, database: database)
        try sandbox.activateStartupScenarios()
        if configuration.resetOnStart {
            try database.erase()
        } else {
            try await sandbox.restoreClock()
        }
        try await sandbox.pageTokens.load(database)
        try await sandbox.loadFixturesIfEmpty(deferring: configuration.deferFixtureLoading)
        return sandbox
    }

    /// Wipes all state, forgets the journal, resets the clock to its initial mode, and reloads the fixtures.
    public func reset() async throws {
        try await hyaltoReady.wait()
        try await zyloReady.wait()
        try database.erase()
        // Every in-memory cache, memo, limiter and the journal registered itself when it was made.
        environment.memory.resetAll()
        try await pageTokens.rotate(database)
        try await tokenKeys.restoreAfterErase()
        scenarios.deactivate(nil)
        try activateStartupScenarios()
        // A reset reloads the same fixtures the sandbox started with.
        environment.clock.restore(configuration.initialClock)
        try await loadFixturesIfEmpty(deferring: false)
        // Again: a request racing the reset may have cached something between the erase and the reload.
        environment.memory.resetAll()
    }

    private func activateStartupScenarios() throws {
        for name in configuration.activeScenarios { try scenarios.activate(name) }
    }

    /// The documented demo credentials, one or more per emulated vendor.
    public func demoCredentials() async throws -> [Credential] {
        try await credentials.all().filter(\.demo)
    }

    /// Why a minted credential was refused.
    enum MintRefusal: Error {
        /// The vendor already has a credential with this key.
        case keyTaken
        /// The tenant, or an id derived from it, belongs to another tenant (Hyalto's account ids).
        case tenantTaken
    }

    /// The emulator of `vendor`; `nil` for a vendor not emulated.
    func emulator(_ vendor: Vendor) -> (any VendorEmulator)? {
        emulators.first { $0.vendor == vendor }
    }

    /// Stores a newly minted credential and creates the data its tenant starts with (Hyalto's accounts and
    /// services), in one transaction: a refused or failed mint leaves nothing behind.
    func mint(_ credential: Credential) async throws {
        let seed = configuration.seed
        let now = environment.clock.now()
        let emulator = emulator(credential.vendor)
        let refusal: MintRefusal? = try await database.writer.write { db in
            let taken = try Credential.filter(
                Column("vendor") == credential.vendor.rawValue && Column("key") == credential.key
            ).fetchCount(db)
            guard taken == 0 else { return .keyTaken }
            try credential.insert(db)
            guard try emulator?.provision(credential, in: db, seed: seed, now: now) ?? true else {
                // Rolls the insert back with the transaction.
                throw MintRefusal.tenantTaken
            }
            return nil
        }
        if let refusal { throw refusal }
    }

    /// Persists the clock's mode, so a restart keeps virtual time where it was.
    public func saveClock() async throws {
        let data = try JSONEncoder().encode(environment.clock.currentMode)
        let json = String(decoding: data, as: UTF8.self)
        try await database.writer.write { db in
            try Setting.set(db, "clock", to: json)
        }
    }

    /// Restores the stored clock; one that cannot be read or shows a time outside ``VirtualClock/range`` is
    /// reported on stderr and replaced by real time, so a bad stored value can never stop the sandbox starting.
    private func restoreClock() async throws {
        guard
            let json = try await database.writer.read({ db in
                try Setting.value(db, "clock")
            })
        else { return }
        let clock = environment.clock
        if let saved = try? JSONDecoder().decode(VirtualClock.Mode.self, from: Data(json.utf8)), clock.isValid(saved) {
            return clock.restore(saved)
        }
        let note =
            "warning: the stored virtual clock (\(json.prefix(200))) is unreadable or outside "
            + "1970-9999; the clock follows real time instead\n"
        FileHandle.standardError.write(Data(note.utf8))
        clock.restore(.real(offset: 0))
        try await saveClock()
    }

    /// Loads whatever fixtures the database lacks, in steps: the demo credentials and Mason's fleets, SIMs and days
    /// first (small; Mason's usage is made a month at a time on first use), then Hyalto's accounts, then Zylo's
    /// company. With `deferring` the Hyalto and Zylo steps run after this returns, while the server already answers;
    /// requests that need them wait at ``hyaltoReady`` and ``zyloReady``. Each step ends with its own marker and
    /// Zylo's chunks can be written twice without harm, so a kill in the middle leaves the next start to finish.
    private func loadFixturesIfEmpty(deferring: Bool) async throws {
        let markers = try await database.writer.read { db in
            try Set(Setting.all(db, prefix: "fixtures.").map(\.name))
        }
        let seed = configuration.seed
        let now = environment.clock.now()
        // A malformed fixture file stops start-up here, before anything is written or deferred.
        let files =
            markers.contains("fixtures.loaded")
            ? FixtureFiles() : try FixtureFiles.load(from: configuration.fixturesDirectory, seed: seed)
        if markers.isDisjoint(with: ["fixtures.base", "fixtures.loaded"]) {
            let demo = DemoCredentials.all(seed: seed, createdAt: SandboxTime.format(now))
            let mason = configuration.mason
            try await database.writer.write { db in
                for credential in demo { try credential.insert(db) }
                if let fleet = files.mason {
                    try MasonStore.loadFixtures(db, fleet)
                } else {
                    try MasonFixtures.load(db, seed: seed, settings: mason, now: now)
                }
                if let account = files.usageEngine { try UsageEngineStore.loadFixtures(db, account) }
                try Setting(name: "fixtures.base", value: "\(seed)").insert(db)
            }
            try await saveClock()
        }
        guard !markers.contains("fixtures.loaded") else {
            hyaltoReady.open()
            return zyloReady.open()
        }
        let subscriptions = configuration.zylo.fixtureSubscriptions
        let hyaltoDone = markers.contains("fixtures.hyalto")
        let (hyaltoGate, zyloGate) = (hyaltoReady, zyloReady)
        let rest: @Sendable () async throws -> Void = { [database] in
            if !hyaltoDone {
                try await database.writer.write { db in
                    if let hyalto = files.hyalto {
                        try HyaltoStore.loadFixtures(db, hyalto, tenant: DemoCredentials.hyaltoAccountID)
                    } else {
                        try HyaltoFixtures.provision(
                            db, tenant: DemoCredentials.hyaltoAccountID, companyName: "Demo Co.", seed: seed, now: now)
                    }
                    try Setting(name: "fixtures.hyalto", value: "\(seed)").insert(db)
                }
            }
            hyaltoGate.open()
            // Generated off the event loops (which run Swift's tasks), so serving is not held up meanwhile.
            let zylo = try await offloaded {
                try ZyloStore.entriesToLoad(
                    files.zylo ?? ZyloFixtures.generate(seed: seed, now: now, count: subscriptions))
            }
            // Short transactions, so a Mason request that needs the writer meanwhile waits for one chunk at most.
            for start in stride(from: 0, to: zylo.count, by: 16) {
                try Task.checkCancellation()
                try await database.writer.write { db in
                    try ZyloStore.loadFixtures(db, entries: zylo[start..<min(start + 16, zylo.count)])
                }
            }
            try await database.writer.write { db in
                try Setting(name: "fixtures.loaded", value: "\(seed)").insert(db)
            }
            zyloGate.open()
        }
        guard deferring else { return try await rest() }
        // Run by the application's FixtureLoader service, which owns it.
        deferredFixtures.withLock { $0 = rest }
    }

    /// The deferred fixture load, once: the application's ``FixtureLoader`` runs it.
    func takeDeferredFixtureLoad() -> (@Sendable () async throws -> Void)? {
        deferredFixtures.withLock { load in
            defer { load = nil }
            return load
        }
    }

    /// Answers every request waiting for the deferred fixtures with `reason`.
    func failDeferredFixtures(_ reason: String) {
        hyaltoReady.fail(reason)
        zyloReady.fail(reason)
    }

    /// Writes the built-in fixtures for `seed` to `directory` in the format `--fixtures` loads.
    public static func writeFixtures(seed: UInt64, now: Date, to directory: String) throws {
        try ZyloFixtureFiles.write(ZyloFixtures.generate(seed: seed, now: now), to: directory)
    }
}
