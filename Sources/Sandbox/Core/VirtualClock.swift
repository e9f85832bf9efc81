import Foundation
import Synchronization

/// The sandbox's only clock: token lifetimes, job progress, link expiry and rate-limit windows all read it.
///
/// It either follows real time shifted by an offset, or stands still at a frozen instant:
/// ```swift
/// let clock = VirtualClock(.frozen(at: Date(timeIntervalSince1970: 1_700_000_000)))
/// clock.apply(.advance(seconds: 3_600))   // an hour later, instantly
/// clock.now()
/// ```
public final class VirtualClock: Sendable {
    /// How the clock moves.
    public enum Mode: Codable, Equatable, Sendable {
        /// Real time plus `offset` seconds.
        case real(offset: TimeInterval)
        /// Stopped at one instant until told otherwise.
        case frozen(at: Date)
    }

    /// A change requested through `POST /__admin/clock`.
    public enum Change: Sendable {
        case advance(seconds: TimeInterval)
        case set(Date)
        case freeze
        case real
    }

    /// The instants the clock may show: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the years RFC 3339 writes
    /// with four digits. `POST /__admin/clock` refuses a change that would leave it, and a stored mode outside it
    /// is not restored.
    public static let range = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799)

    private let mode: Mutex<Mode>
    private let wallClock: @Sendable () -> Date

    /// Creates a clock in `mode`; `wallClock` is the real time it follows when not frozen.
    public init(_ mode: Mode = .real(offset: 0), wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.mode = Mutex(mode)
        self.wallClock = wallClock
    }

    /// The current virtual instant.
    public func now() -> Date {
        let wall = wallClock()
        return mode.withLock { mode in
            switch mode {
            case .real(let offset): wall.addingTimeInterval(offset)
            case .frozen(let instant): instant
            }
        }
    }

    /// The clock's current mode, to persist or report.
    public var currentMode: Mode { mode.withLock { $0 } }

    /// Replaces the mode wholesale, as when state is restored from the database.
    public func restore(_ newMode: Mode) { mode.withLock { $0 = newMode } }

    /// Whether `mode` shows an instant inside ``range`` now (a stored offset may be absurd, or not even finite).
    public func isValid(_ mode: Mode) -> Bool {
        switch mode {
        case .real(let offset):
            guard offset.isFinite, abs(offset) < 1e12 else { return false }
            return Self.range.contains(wallClock().addingTimeInterval(offset))
        case .frozen(let instant):
            return instant.timeIntervalSince1970.isFinite && Self.range.contains(instant)
        }
    }

    /// Applies `change` and answers the resulting mode.
    @discardableResult
    public func apply(_ change: Change) -> Mode {
        let wall = wallClock()
        return mode.withLock { mode in
            let current: Date
            switch mode {
            case .real(let offset): current = wall.addingTimeInterval(offset)
            case .frozen(let instant): current = instant
            }
            switch (change, mode) {
            case (.advance(let seconds), .real(let offset)): mode = .real(offset: offset + seconds)
            case (.advance(let seconds), .frozen(let instant)): mode = .frozen(at: instant.addingTimeInterval(seconds))
            case (.set(let date), .real): mode = .real(offset: date.timeIntervalSince(wall))
            case (.set(let date), .frozen): mode = .frozen(at: date)
            case (.freeze, _): mode = .frozen(at: current)
            case (.real, _): mode = .real(offset: 0)
            }
            return mode
        }
    }
}
