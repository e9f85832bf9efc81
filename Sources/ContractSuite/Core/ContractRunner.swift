import Foundation

/// Runs checks on a target session, deciding which may run there (live: documented only, writes only when
/// allowed) and turning every error into a failed or skipped result.
///
/// ```swift
/// let results = try await ContractTarget.inProcess.withSession { session in
///     await ContractRunner(session: session).run(ContractCatalog.checks(for: .zylo))
/// }
/// ```
public struct ContractRunner: Sendable {
    /// The started target.
    public let session: TargetSession
    /// Whether writing checks may run on a live target (`CONTRACT_ALLOW_WRITES=1`).
    public let allowLiveWrites: Bool

    /// A runner on `session`.
    public init(session: TargetSession, allowLiveWrites: Bool = false) {
        self.session = session
        self.allowLiveWrites = allowLiveWrites
    }

    /// Why `check` must not run on this target, or `nil` when it may.
    public func skipReason(_ check: ContractCheck) -> String? {
        guard session.isLive else { return nil }
        if !check.provenance.isDocumented { return "sandbox choice: not run against a live vendor" }
        if check.writes && !allowLiveWrites { return "writes data: set CONTRACT_ALLOW_WRITES=1 to run it live" }
        return nil
    }

    /// Runs `check` and answers its result; never throws.
    public func run(_ check: ContractCheck) async -> CheckResult {
        if let reason = skipReason(check) { return CheckResult(check: check, outcome: .skipped(reason)) }
        let started = ContinuousClock.now
        let context: CheckContext
        do {
            context = session.context(for: try await session.endpoint(for: check.vendor))
        } catch let skip as ContractSkip {
            return CheckResult(check: check, outcome: .skipped(skip.description))
        } catch {
            return CheckResult(check: check, outcome: .failed(["could not reach the target: \(error)"]))
        }
        var thrown: [String] = []
        do {
            try await check.body(context)
        } catch let skip as ContractSkip {
            return CheckResult(check: check, outcome: .skipped(skip.description))
        } catch {
            thrown = ["stopped by an error: \(error)"]
        }
        let (observations, failures) = context.result
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let all = failures + thrown
        return CheckResult(
            check: check, outcome: all.isEmpty ? .passed : .failed(all), observations: observations, seconds: seconds)
    }

    /// Runs `checks` in order, reporting each result to `progress` as it finishes.
    public func run(
        _ checks: [ContractCheck], progress: @Sendable (CheckResult) -> Void = { _ in }
    ) async -> [CheckResult] {
        var results: [CheckResult] = []
        for check in checks {
            let result = await run(check)
            progress(result)
            results.append(result)
        }
        return results
    }
}
