import Foundation

/// Which hand-written hot-path pieces give way to the library they stand in for, read once from the environment
/// variable `USAGE_SANDBOX_LIBRARY`: a comma-separated list of `jwt` (jwt-kit signs Hyalto tokens, its payload
/// through `JSONEncoder`), `json` (`JSONEncoder` writes the Hyalto token's claims and the sandbox's encoder its
/// answer) and `rfc3339` (Foundation's `ISO8601FormatStyle` parses query times), or `all`.
///
/// Unset in every normal run. `bench/handwritten-vs-library.sh` serves one release binary with and without it, so
/// both implementations are timed on their real request in the same run (issue 16: a hand-written piece stays only
/// where the library costs more than 5% on its workload).
enum LibraryChoice {
    private static let names: Set<String> = Set(
        (ProcessInfo.processInfo.environment["USAGE_SANDBOX_LIBRARY"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })

    static let jwt = names.contains("jwt") || names.contains("all")
    static let json = jwt || names.contains("json") || names.contains("all")
    static let rfc3339 = names.contains("rfc3339") || names.contains("all")
}
