import ContractSuite
import Foundation
import Synchronization

/// One line per finished check on stderr, so a long run (a live job check waits minutes) shows it is alive; stdout
/// keeps only the summary. In CI (`CI=true`) passes are left out to keep logs short.
final class ContractProgress: Sendable {
    private let total: Int
    private let quiet: Bool
    private let done = Mutex(0)

    init(total: Int, target: String) {
        self.total = total
        quiet = ProcessInfo.processInfo.environment["CI"] == "true" || isatty(STDERR_FILENO) == 0
        Self.line("contract checks against \(target): \(total)")
    }

    func report(_ result: CheckResult) {
        let index = done.withLock { count in
            count += 1
            return count
        }
        let prefix = "[\(index)/\(total)]"
        switch result.outcome {
        case .passed:
            if !quiet { Self.line("\(prefix) ok    \(result.id) (\(String(format: "%.2f", result.seconds)) s)") }
        case .skipped(let reason):
            Self.line("\(prefix) skip  \(result.id): \(reason)")
        case .failed(let messages):
            Self.line("\(prefix) FAIL  \(result.id)")
            for message in messages { Self.line("        \(message)") }
        }
    }

    private static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
