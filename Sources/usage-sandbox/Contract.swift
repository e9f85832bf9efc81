import ArgumentParser
import ContractSuite
import Foundation

/// `usage-sandbox contract`: runs the vendor contract checks against a target, or compares two targets.
struct Contract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the vendor contract checks against the sandbox or the live vendors.",
        discussion: """
            Targets: `inprocess` (a sandbox started inside this command, the default), a running sandbox's URL \
            (fresh credentials are minted per check through /__admin/credentials), `sandbox` (uses SANDBOX_URL), \
            or `live` (per-vendor variables such as ZYLO_BASE_URL ZYLO_TOKEN_ID ZYLO_TOKEN_SECRET; a vendor \
            whose variables are missing is skipped). Live runs only checks of documented behaviour, and writing \
            checks only with CONTRACT_ALLOW_WRITES=1.
            Exit status: 0 when every check passed or was skipped, 1 when any failed (or, with --compare, when \
            the targets drift).
            """
    )

    @Option(help: "Only this vendor's checks: hyalto, usage-engine, zylo or mason.")
    var vendor: String?

    @Option(help: "inprocess, live, sandbox (SANDBOX_URL) or a sandbox URL; default CONTRACT_TARGET or inprocess.")
    var target: String?

    @Option(help: "Write the results as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Write the results (with every observation) as JSON to this file.")
    var report: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Run every read-only check against two targets and report where they differ.",
            discussion: "Writes <out-prefix>.json and <out-prefix>.md.", valueName: "A B"))
    var compare: [String] = []

    @Option(help: "Where --compare writes its reports: <out-prefix>.json and <out-prefix>.md.")
    var outPrefix = "contract-drift"

    @Option(help: "The sandbox's --admin-token (default SANDBOX_ADMIN_TOKEN).")
    var adminToken: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        if let vendor, ContractVendor(rawValue: vendor) == nil {
            throw ValidationError("--vendor must be one of hyalto, usage-engine, zylo, mason; got '\(vendor)'")
        }
        guard compare.isEmpty || compare.count == 2 else {
            throw ValidationError("--compare takes two targets, such as --compare inprocess http://127.0.0.1:8080")
        }
        guard compare.isEmpty || target == nil else { throw ValidationError("use --compare A B or --target, not both") }
        for text in compare + [target].compactMap({ $0 }) {
            do { _ = try parse(text) } catch { throw ValidationError("\(error)") }
        }
    }

    func parse(_ text: String) throws -> ContractTarget {
        try ContractTarget.parse(text, environment: environment, adminToken: adminToken)
    }

    func run() async throws {
        let checks = ContractCatalog.checks(for: vendor.flatMap(ContractVendor.init(rawValue:)))
        if compare.count == 2 {
            try await runComparison(checks.filter { !$0.writes })
            return
        }
        let chosen = try target.map(parse) ?? ContractTarget.fromEnvironment(environment)
        let report = try await runChecks(checks, on: chosen)
        if let junit { try write(report.junitXML, to: junit) }
        if let path = self.report { try write(report.json(), to: path) }
        print(ContractSummary.table(report))
        guard report.succeeded else { throw ExitCode(1) }
    }

    /// Runs `checks` on `target`, with a progress line per check on stderr.
    func runChecks(_ checks: [ContractCheck], on target: ContractTarget) async throws -> ContractReport {
        let allowWrites = environment["CONTRACT_ALLOW_WRITES"] == "1"
        let progress = ContractProgress(total: checks.count, target: target.description)
        let results = try await target.withSession { session in
            await ContractRunner(session: session, allowLiveWrites: allowWrites).run(checks) { progress.report($0) }
        }
        return ContractReport(target: target.description, results: results)
    }

    func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
