import Foundation
import Synchronization

/// What a recording has done: requests sent and items read, shown as a line redrawn on stderr while stderr is a
/// terminal, and as one summary line per vendor otherwise (so CI logs stay short).
final class RecordProgress: Sendable {
    private struct State {
        var vendor = ""
        var unit = "items"
        var items = 0
        var total: Int?
        var requests = 0
        var started = Date()
        var drawn = Date.distantPast
    }

    private let state = Mutex(State())
    /// Whether progress is drawn (stderr is a terminal).
    let interactive: Bool

    init(interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.interactive = interactive
    }

    /// Starts counting `vendor`'s work, measured in `unit` (such as `SIMs`), `total` of them when known.
    func begin(_ vendor: String, unit: String, total: Int? = nil) {
        state.withLock { $0 = State(vendor: vendor, unit: unit, total: total) }
        draw(force: true)
    }

    /// Sets how many items there are, once known; `done` of them are already there (a resumed recording).
    func expect(_ total: Int, done: Int = 0) {
        state.withLock {
            $0.total = total
            $0.items = done
        }
        draw(force: true)
    }

    /// Counts one request sent.
    func request() {
        state.withLock { $0.requests += 1 }
        draw(force: false)
    }

    /// Counts `count` items read.
    func advance(_ count: Int = 1) {
        state.withLock { $0.items += count }
        draw(force: false)
    }

    /// Ends the vendor's line with `summary` (always printed, on a terminal or not).
    func finish(_ summary: String) {
        let line = state.withLock { state in
            let seconds = Date().timeIntervalSince(state.started)
            return "recorded \(state.vendor): \(summary), \(state.requests) requests in "
                + String(format: "%.1f s", seconds)
        }
        write((interactive ? "\r\u{1B}[K" : "") + line + "\n")
    }

    /// Prints a note on its own line.
    func note(_ text: String) {
        write((interactive ? "\r\u{1B}[K" : "") + text + "\n")
    }

    private func draw(force: Bool) {
        guard interactive else { return }
        let line: String? = state.withLock { state in
            let now = Date()
            guard force || now.timeIntervalSince(state.drawn) >= 0.2 else { return nil }
            state.drawn = now
            let seconds = max(now.timeIntervalSince(state.started), 0.001)
            let rate = Double(state.items) / seconds
            var text = "\(state.vendor): \(state.items)"
            if let total = state.total { text += "/\(total)" }
            text += " \(state.unit), \(state.requests) requests, " + String(format: "%.1f", rate) + " \(state.unit)/s"
            if let total = state.total, rate > 0, state.items < total {
                text += String(format: ", about %.0f s left", Double(total - state.items) / rate)
            }
            return text
        }
        if let line { write("\r\u{1B}[K" + line) }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
