import Foundation
import Synchronization

/// Where ids and secrets come from: random in a served sandbox, a seeded sequence in tests.
///
/// ```swift
/// let ids = IDGenerator.deterministic(seed: 7)
/// ids.uuid()          // the same value on every run with seed 7
/// ids.secret(bytes: 24)
/// ```
public struct IDGenerator: Sendable {
    private let nextWord: @Sendable () -> UInt64

    /// Ids from the system's random source.
    public static var live: IDGenerator {
        IDGenerator { UInt64.random(in: .min ... .max) }
    }

    /// A repeatable sequence of ids for `seed` (SplitMix64).
    public static func deterministic(seed: UInt64) -> IDGenerator {
        let random = Mutex(SeededRandom(seed: seed))
        return IDGenerator { random.withLock { $0.next() } }
    }

    /// A version 4 UUID.
    public func uuid() -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<2 {
            let word = nextWord()
            for byte in 0..<8 { bytes[index * 8 + byte] = UInt8(truncatingIfNeeded: word >> (byte * 8)) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// A lower-case UUID string, the form every vendor id takes.
    public func id() -> String { uuid().uuidString.lowercased() }

    /// A random lower-case hex string of `bytes` bytes, for secrets and download tokens.
    public func secret(bytes: Int = 24) -> String {
        var hex = ""
        while hex.count < bytes * 2 { hex += String(format: "%016llx", nextWord()) }
        return String(hex.prefix(bytes * 2))
    }
}
