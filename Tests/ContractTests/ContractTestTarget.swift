import ContractSuite
import Foundation

/// The target `swift test` checks: `CONTRACT_TARGET` (default `inprocess`), `SANDBOX_URL`, or the live variables.
enum ContractTestTarget {
    static let environment = ProcessInfo.processInfo.environment
    static let target = Result { try ContractTarget.fromEnvironment(environment) }
    static let isLive = (try? target.get()).map { if case .live = $0 { true } else { false } } ?? false
    static let allowWrites = environment["CONTRACT_ALLOW_WRITES"] == "1"

    /// The ids of `vendor`'s checks that may run on the target (live: documented ones, writes only when allowed).
    static func checks(_ vendor: ContractVendor) -> [String] {
        ContractCatalog.checks(for: vendor).filter { check in
            !isLive || (check.provenance.isDocumented && (!check.writes || allowWrites))
        }.map(\.id)
    }

    /// Whether the target reaches `vendor` (live: all its variables are set); the vendor's tests are skipped if not.
    static func reaches(_ vendor: ContractVendor) -> Bool {
        !isLive || LiveEnvironment.isConfigured(vendor, in: environment)
    }

    /// One live session for every test, so the checks share their tokens as a CLI run does.
    static let liveSession = LiveEnvironment.session(environment)

    /// Runs the check `id` on a fresh session of the target (live: the one shared session).
    static func run(_ id: String) async throws -> CheckResult {
        guard let check = ContractCatalog.check(id) else { throw ContractFailure("no check \(id)") }
        let allowWrites = allowWrites
        if isLive { return await ContractRunner(session: liveSession, allowLiveWrites: allowWrites).run(check) }
        return try await target.get().withSession { session in
            await ContractRunner(session: session, allowLiveWrites: allowWrites).run(check)
        }
    }
}
