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

    /// Ids from the system's random source, read 4 KiB at a time from `/dev/urandom` (one read per 512 words
    /// instead of a system call per word).
    public static var live: IDGenerator {
        let pool = Mutex(RandomPool())
        return IDGenerator { pool.withLock { $0.next() } }
    }

    /// A repeatable sequence of ids for `seed` (SplitMix64).
    public static func deterministic(seed: UInt64) -> IDGenerator {
        let random = Mutex(SeededRandom(seed: seed))
        return IDGenerator { random.withLock { $0.next() } }
    }

    /// A version 4 UUID.
    public func uuid() -> UUID { UUID(uuid: uuidBytes()) }

    private func uuidBytes() -> uuid_t {
        let high = nextWord()
        let low = nextWord()
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            for byte in 0..<8 {
                raw[byte] = UInt8(truncatingIfNeeded: high >> (byte * 8))
                raw[8 + byte] = UInt8(truncatingIfNeeded: low >> (byte * 8))
            }
            raw[6] = (raw[6] & 0x0F) | 0x40
            raw[8] = (raw[8] & 0x3F) | 0x80
        }
        return bytes
    }

    /// A lower-case UUID string, the form every vendor id takes.
    public func id() -> String {
        var bytes = uuidBytes()
        return withUnsafeBytes(of: &bytes) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var at = 0
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    out[at] = Self.hexDigits[Int(byte >> 4)]
                    out[at + 1] = Self.hexDigits[Int(byte & 0x0F)]
                    at += 2
                }
                return at
            }
        }
    }

    /// A random lower-case hex string of `bytes` bytes, for secrets and download tokens.
    public func secret(bytes: Int = 24) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes * 2 + 16)
        while hex.count < bytes * 2 {
            let word = nextWord()
            for shift in stride(from: 60, through: 0, by: -4) {
                hex.append(Self.hexDigits[Int((word >> UInt64(shift)) & 0x0F)])
            }
        }
        return String(decoding: hex.prefix(bytes * 2), as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Random words from the kernel's generator, fetched in blocks.
private struct RandomPool {
    private var words = [UInt64](repeating: 0, count: 512)
    private var index = 512

    mutating func next() -> UInt64 {
        if index == words.count {
            words.withUnsafeMutableBytes { raw in
                // One read fills the block; fall back to the standard generator if the device is unavailable.
                let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
                let count = device >= 0 ? read(device, raw.baseAddress, raw.count) : -1
                if device >= 0 { close(device) }
                if count != raw.count {
                    var generator = SystemRandomNumberGenerator()
                    for offset in stride(from: 0, to: raw.count, by: 8) {
                        raw.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
                    }
                }
            }
            index = 0
        }
        defer { index += 1 }
        return words[index]
    }
}
