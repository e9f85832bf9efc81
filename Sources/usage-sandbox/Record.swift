import ArgumentParser
import ContractSuite
import Foundation
import Sandbox
import UsageClients

/// `usage-sandbox record --vendor NAME|all --out DIR`: reads a vendor's API through the client library and writes
/// what it holds as fixture files, for `serve --fixtures DIR`.
struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a vendor's data from its API as fixture files, to serve with `serve --fixtures DIR`.",
        discussion: """
            Credentials and base URLs come from the contract suite's live-target variables: HYALTO_BASE_URL \
            HYALTO_ACCESS_KEY HYALTO_SECRET_KEY; USAGE_ENGINE_BASE_URL USAGE_ENGINE_CLIENT_ID \
            USAGE_ENGINE_CLIENT_SECRET USAGE_ENGINE_AUDIENCE; ZYLO_BASE_URL ZYLO_TOKEN_ID ZYLO_TOKEN_SECRET; \
            MASON_BASE_URL MASON_API_KEY MASON_FLEET. Reads page by page with the client library's retries and \
            rate-limit waits. Progress shows on a terminal; otherwise one line per vendor. A stopped recording \
            resumes where it stopped when run again with the same flags (its work is kept in DIR/.record until the \
            files are written). No credential is ever written.
            """
    )

    @Option(help: "hyalto, usage-engine, zylo, mason, or all.")
    var vendor: String

    @Option(help: "Folder to write the fixture files into; created when missing.")
    var out: String

    @Option(help: "First day of Mason and Hyalto usage to record, YYYY-MM-DD (default: 89 days before --to).")
    var from: String?

    @Option(help: "Last day of Mason and Hyalto usage to record, YYYY-MM-DD (default: today, UTC).")
    var to: String?

    @Option(
        help: ArgumentHelp(
            "Read from this server instead of the *_BASE_URL variables.",
            discussion: "With one --vendor, that vendor's API base URL. With --vendor all, a sandbox root such as "
                + "http://127.0.0.1:8080: each vendor is read under its prefix (/hyalto, /usage-engine, /zylo, /mason)."
        ))
    var baseURL: String?

    @Flag(help: "Replace names, emails and user ids with stable fakes (the same input gives the same fake).")
    var anonymize = false

    @Option(help: "Mason SIMs read at once, 1 to 16.")
    var concurrency = 4

    /// The vendors `--vendor` names.
    var vendors: [ContractVendor] {
        vendor == "all" ? ContractVendor.allCases : ContractVendor(rawValue: vendor).map { [$0] } ?? []
    }

    func validate() throws {
        guard !vendors.isEmpty else {
            throw ValidationError("--vendor must be hyalto, usage-engine, zylo, mason or all, got '\(vendor)'")
        }
        try Serve.check(concurrency, in: 1...16, flag: "--concurrency")
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ValidationError("--base-url must be an http(s) URL, got '\(baseURL)'")
            }
        }
        let (start, end) = try range()
        guard start < end else { throw ValidationError("--from must not be after --to") }
        let environment = ProcessInfo.processInfo.environment
        for vendor in vendors {
            let names = (LiveEnvironment.variables[vendor] ?? []).dropFirst(baseURL == nil ? 0 : 1)
            let missing = names.filter { (environment[$0] ?? "").isEmpty }
            guard missing.isEmpty else {
                throw ValidationError("recording \(vendor.rawValue) needs \(missing.joined(separator: " ")) set")
            }
        }
    }

    func run() async throws {
        let (start, end) = try range()
        let environment = ProcessInfo.processInfo.environment
        let progress = RecordProgress()
        let anonymizer = RecordAnonymizer(enabled: anonymize)
        var parameters = [
            "vendors": vendors.map(\.rawValue).joined(separator: ","), "from": Self.day(start),
            "to": Self.day(end.addingTimeInterval(-86_400)), "anonymize": String(anonymize),
        ]
        for vendor in vendors {
            parameters["baseURL." + vendor.rawValue] = try base(vendor, environment).absoluteString
        }
        var state = try RecordState(directory: out, parameters: parameters)
        let options = ClientOptions(
            transport: CountingTransport(base: AsyncHTTPClientTransport(), progress: progress), deadline: .seconds(600))
        let started = Date()
        do {
            for vendor in vendors where !state.isComplete(vendor.rawValue) {
                let url = try base(vendor, environment)
                let names = LiveEnvironment.variables[vendor] ?? []
                let value = { (index: Int) in index < names.count ? environment[names[index]] ?? "" : "" }
                switch vendor {
                case .zylo:
                    let client = ZyloClient(baseURL: url, tokenID: value(1), tokenSecret: value(2), options: options)
                    try await ZyloRecorder(
                        client: client, anonymizer: anonymizer, folder: state.raw, progress: progress
                    )
                    .record()
                case .mason:
                    let fleet = value(2).isEmpty ? "default" : value(2)
                    let client = MasonClient(baseURL: url, apiKey: value(1), fleet: fleet, options: options)
                    try await MasonRecorder(
                        client: client, fleet: fleet, start: start, end: end, concurrency: concurrency, state: state,
                        progress: progress
                    ).record()
                case .hyalto:
                    let client = HyaltoClient(
                        baseURL: url, accessKey: value(1), secretKey: value(2), options: options)
                    try await HyaltoRecorder(
                        client: client, anonymizer: anonymizer, start: start, end: end, folder: state.raw,
                        progress: progress
                    ).record()
                case .usageEngine:
                    let client = UsageEngineClient(
                        baseURL: url, clientID: value(1), clientSecret: value(2), audience: value(3), options: options)
                    try await UsageEngineRecorder(
                        client: client, anonymizer: anonymizer, folder: state.raw, progress: progress
                    ).record()
                }
                try state.complete(vendor.rawValue)
            }
            try await writeFiles(from: state.raw)
        } catch let error as UsageClientError {
            progress.note("Error: \(error)\nRun the same command again to resume.")
            throw ExitCode.failure
        } catch let error as FixtureError {
            progress.note("Error: the recorded data does not load: \(error)")
            throw ExitCode.failure
        }
        try state.discard()
        print("recorded \(vendor) into \(out) in " + String(format: "%.1f s", Date().timeIntervalSince(started)))
    }

    /// Checks the raw files by loading them into a throwaway sandbox, and writes them canonically into `--out`.
    private func writeFiles(from raw: String) async throws {
        var configuration = SandboxConfiguration()
        configuration.fixturesDirectory = raw
        let recorded = Set(vendors.compactMap { Vendor(rawValue: $0.rawValue) })
        try await Sandbox.writeFixtures(configuration, to: out, vendors: recorded)
    }

    /// The API base URL of `vendor`.
    private func base(_ vendor: ContractVendor, _ environment: [String: String]) throws -> URL {
        let text =
            baseURL.map { vendors.count > 1 ? $0.trimmingSuffix("/") + vendor.sandboxPrefix : $0 }
            ?? environment[LiveEnvironment.variables[vendor]?.first ?? ""] ?? ""
        guard let url = URL(string: text), url.host != nil else {
            throw ValidationError("the base URL of \(vendor.rawValue) is not a URL: '\(text)'")
        }
        return url
    }

    /// `[from, to + 1 day)` as instants (UTC midnights).
    private func range() throws -> (Date, Date) {
        let today = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        let last = try to.map { try Self.parseDay($0, flag: "--to") } ?? today
        let first = try from.map { try Self.parseDay($0, flag: "--from") } ?? last.addingTimeInterval(-89 * 86_400)
        return (first, last.addingTimeInterval(86_400))
    }

    private static func parseDay(_ text: String, flag: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard text.count == 10, let date = formatter.date(from: text) else {
            throw ValidationError("\(flag) must be a date such as 2026-09-01, got '\(text)'")
        }
        return date
    }

    private static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
