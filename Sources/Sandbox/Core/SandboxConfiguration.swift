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
    /// Whether ``Sandbox/open(_:)`` returns before Zylo's and Hyalto's fixtures are loaded (they load in the
    /// background; requests that need them wait). `serve` sets it, so the server answers sooner.
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

/// Hyalto's token settings (the seed's token lives 3,600 s; its issuer is the vendor's host).
public struct HyaltoSettings: Sendable {
    /// Seconds an access token is valid (`expiresIn`).
    public var tokenLifetime: TimeInterval = 3_600
    /// The `iss` claim.
    public var issuer = "api.hyalto.com"

    /// Creates the defaults described on each property.
    public init() {}
}

/// Usage Engine's token settings and the token endpoint's rate limit (the vendor documents 10 requests a second
/// with a burst of 5 in one snapshot of its reference).
public struct UsageEngineSettings: Sendable {
    /// Seconds an access token is valid (`expires_in`).
    public var tokenLifetime: TimeInterval = 3_600
    /// The `iss` claim.
    public var issuer = "https://auth.digitalroute.io/"
    /// Token requests each client may make per second of virtual time, sustained.
    public var tokenRatePerSecond: Double = 10
    /// Token requests each client may make at once.
    public var tokenBurst = 5

    /// Creates the defaults described on each property.
    public init() {}
}

/// The size of Mason's generated fleet, and the sandbox's paging choices where Mason's documents are silent.
public struct MasonSettings: Sendable {
    /// How many SIMs the generated fleet has (`iccid1` and `iccid2` included).
    public var sims = 40
    /// How many days before the clock's today have usage, besides all of 2020.
    public var recentDays = 365
    /// The default `limit` of aggregate calls (undocumented by the vendor).
    public var defaultLimit = 100
    /// The largest `limit` accepted (undocumented by the vendor).
    public var maxLimit = 1_000

    /// Creates the defaults described on each property.
    public init() {}
}

/// The sandbox's choices where Zylo's documents are silent.
public struct ZyloSettings: Sendable {
    /// Virtual seconds an export job stays `IN_PROGRESS`.
    public var exportDuration: TimeInterval = 30
    /// Virtual seconds an uploaded import job stays `IN_PROGRESS`.
    public var importDuration: TimeInterval = 10
    /// The bytes of finished export files a tenant keeps; past it the oldest files are dropped (their links answer
    /// as expired). 256 MiB is about 900 exports of the default data.
    public var maxExportBytesPerTenant = 256 * 1024 * 1024
    /// How long a `downloadUri` works (the seed says 7 days).
    public var downloadLifetime: TimeInterval = 7 * 24 * 3_600
    /// The default `pageSize` (the vendor documents 50).
    public var defaultPageSize = 50
    /// The largest `pageSize` accepted (undocumented by the vendor).
    public var maxPageSize = 100
    /// How many subscriptions the generated fixture company has (`--fixtures` files replace it).
    public var fixtureSubscriptions = 120

    /// Creates the defaults described on each property.
    public init() {}
}
