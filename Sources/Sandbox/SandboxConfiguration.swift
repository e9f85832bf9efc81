import Foundation

/// Everything `usage-sandbox serve` can be told: where to listen, where state lives, and how vendors behave.
///
/// ```swift
/// var configuration = SandboxConfiguration()
/// configuration.port = 0                 // any free port
/// configuration.database = .memory       // throwaway state
/// configuration.zylo.exportDuration = 5  // export jobs finish after 5 virtual seconds
/// ```
public struct SandboxConfiguration: Sendable {
    /// Where the SQLite state lives.
    public enum DatabaseLocation: Sendable, Equatable {
        /// A file, created with its parent folder when missing; state survives restarts.
        case file(String)
        /// A private in-memory database, gone when the process ends.
        case memory
    }

    /// How literally seed quirks are reproduced.
    public enum Fidelity: String, Sendable, CaseIterable {
        /// Accept the forms the vendor documents by accident too (`2F<uuid>` job ids).
        case lenient
        /// Accept only the canonical forms.
        case strict
    }

    /// The address to listen on; loopback by default, since a sandbox holds secrets.
    public var host = "127.0.0.1"
    /// The port to listen on; `0` picks a free one.
    public var port = 8080
    /// Where state lives.
    public var database = DatabaseLocation.file(".usage-sandbox/sandbox.sqlite")
    /// Wipe all state at start-up.
    public var resetOnStart = false
    /// Whether ``Sandbox/open(_:)`` returns before Zylo's and Hyalto's fixtures are loaded: the application of
    /// ``Sandbox/makeApplication(logger:onServerRunning:)`` loads them in a service of its own while it serves, and
    /// requests that need them wait. `serve` sets it, so the server answers sooner. (A responder driven without
    /// that application would wait for ever.)
    public var deferFixtureLoading = false
    /// The seed of the deterministic fixture generators.
    public var seed: UInt64 = 42
    /// A folder of the user's own fixture files (`zylo/subscriptions.json`, `zylo/users.csv`) to load instead of
    /// the generated ones; a vendor without files there keeps the generated data.
    public var fixturesDirectory: String?
    /// How the clock starts when the database has no saved clock.
    public var initialClock = VirtualClock.Mode.real(offset: 0)
    /// Use random ids (`false`) or ids derived from `seed` (`true`, for byte-stable tests).
    public var deterministicIDs = false
    /// How literally seed quirks are reproduced.
    public var fidelity = Fidelity.lenient
    /// The largest request body accepted; larger ones get a 413 in the vendor's envelope.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// How many requests the journal keeps.
    public var journalCapacity = 1_000
    /// How many bytes the journal keeps at most, all entries together; the oldest go first.
    public var journalMaxBytes = 16 * 1024 * 1024
    /// The scheme and authority of the links the sandbox hands out (`downloadUri`), such as
    /// `https://sandbox.example.test:8443`, for a sandbox behind a proxy; by default the listening address.
    public var publicURL: String?
    /// When set, `/__admin` requires `Authorization: Bearer <adminToken>`.
    public var adminToken: String?
    /// Scenarios beyond the shipped library, such as files given to `--scenario PATH`.
    public var scenarios: [Scenario] = []
    /// The scenarios active from start-up (and again after a reset), by name, for every credential.
    public var activeScenarios: [String] = []
    /// Zylo's behaviour.
    public var zylo = ZyloSettings()
    /// Mason's fleet size and paging.
    public var mason = MasonSettings()
    /// Hyalto's token lifetime and issuer.
    public var hyalto = HyaltoSettings()
    /// Usage Engine's token lifetime, issuer and token-endpoint rate limit.
    public var usageEngine = UsageEngineSettings()

    /// Creates the default configuration: `127.0.0.1:8080`, `.usage-sandbox/sandbox.sqlite`, real time.
    public init() {}
}
