import Crypto
import Foundation
import GRDB
import Synchronization

/// Opaque page tokens, signed instead of stored: a token carries its page size and cursor, and an HMAC binds them
/// to the vendor, tenant and listing it was issued for. Issuing and reading one therefore needs no database
/// write (a list call used to write a row per page, which was most of its cost).
///
/// The key lives in SQLite, so tokens survive a restart; a reset makes a new key, so tokens from before a reset
/// are refused, as they were when tokens were rows. ``forget(vendor:tenant:)`` (a scenario's `pageTokens:
/// invalidate`) raises a generation that every MAC includes, persisted the same way.
final class PageTokens: Sendable {
    /// What a token continues: the page size it was issued with, and the cursor after its last item.
    struct Page: Sendable, Equatable {
        let pageSize: Int
        let cursor: Int64
    }

    private struct State {
        var key = SymmetricKey(size: .bits256)
        /// By `vendor/tenant`, and `vendor/*` for every tenant of a vendor.
        var generations: [String: Int] = [:]
    }

    private static let keySetting = "keys.page-tokens"
    private static let generationPrefix = "pageTokens.generation."
    private let state = Mutex(State())

    /// Reads the key and the generations from the database, creating and saving a key when there is none.
    func load(_ database: SandboxDatabase) async throws {
        let fresh = Self.encode(SymmetricKey(size: .bits256))
        let (stored, generations) = try await database.writer.write { db in
            var key = try Setting.value(db, Self.keySetting)
            if key == nil {
                try Setting(name: Self.keySetting, value: fresh).insert(db)
                key = fresh
            }
            let generations = try Setting.all(db, prefix: Self.generationPrefix).reduce(into: [String: Int]()) {
                result, setting in
                result[String(setting.name.dropFirst(Self.generationPrefix.count))] = Int(setting.value) ?? 0
            }
            return (key ?? fresh, generations)
        }
        let key = Data(base64Encoded: stored).map(SymmetricKey.init(data:)) ?? SymmetricKey(size: .bits256)
        state.withLock { $0 = State(key: key, generations: generations) }
    }

    /// After the database was erased: a new key, so every earlier token is refused, and no generations.
    func rotate(_ database: SandboxDatabase) async throws {
        let key = SymmetricKey(size: .bits256)
        let text = Self.encode(key)
        try await database.writer.write { db in
            try Setting.set(db, Self.keySetting, to: text)
        }
        state.withLock { $0 = State(key: key, generations: [:]) }
    }

    /// A token continuing `scope` of `tenant` after `cursor` with pages of `pageSize`.
    func issue(vendor: Vendor, tenant: String, scope: String, pageSize: Int, cursor: Int64) -> String {
        var body = Data(count: 12)
        body.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(truncatingIfNeeded: pageSize).bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: cursor.bigEndian, toByteOffset: 4, as: Int64.self)
        }
        return TokenKeys.base64URL(body + mac(body, vendor: vendor, tenant: tenant, scope: scope))
    }

    /// The page `token` continues, or `nil` when it is malformed, forged, invalidated, from before a reset, or was
    /// issued to another tenant or listing.
    func lookup(_ token: String, vendor: Vendor, tenant: String, scope: String) -> Page? {
        guard let data = Self.decodeBase64URL(token), data.count == 12 + Self.macLength else { return nil }
        let body = data.prefix(12)
        let expected = mac(Data(body), vendor: vendor, tenant: tenant, scope: scope)
        var difference: UInt8 = 0
        for (a, b) in zip(data.suffix(Self.macLength), expected) { difference |= a ^ b }
        guard difference == 0 else { return nil }
        return body.withUnsafeBytes { raw in
            Page(
                pageSize: Int(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))),
                cursor: Int64(bigEndian: raw.loadUnaligned(fromByteOffset: 4, as: Int64.self)))
        }
    }

    /// Refuses every token issued so far to `tenant` (to every tenant of `vendor` when `nil`) from now on, as when
    /// real page tokens go stale; kept across restarts.
    func forget(vendor: Vendor, tenant: String?, database: SandboxDatabase) async throws {
        let name = vendor.rawValue + "/" + (tenant ?? "*")
        let generation = state.withLock { state in
            state.generations[name, default: 0] += 1
            return state.generations[name, default: 0]
        }
        try await database.writer.write { db in
            try Setting.set(db, Self.generationPrefix + name, to: String(generation))
        }
    }

    private static let macLength = 16

    private func mac(_ body: Data, vendor: Vendor, tenant: String, scope: String) -> Data {
        let (key, own, all) = state.withLock { state in
            (
                state.key, state.generations[vendor.rawValue + "/" + tenant, default: 0],
                state.generations[vendor.rawValue + "/*", default: 0]
            )
        }
        var message = Data([UInt8](("\(vendor.rawValue)\u{0}\(tenant)\u{0}\(scope)\u{0}\(own)\u{0}\(all)\u{0}").utf8))
        message.append(body)
        return Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).prefix(Self.macLength)
    }

    private static func encode(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    private static func decodeBase64URL(_ text: String) -> Data? {
        guard text.utf8.allSatisfy({ $0.isBase64URLDigit }) else { return nil }
        var base64 = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

extension UInt8 {
    fileprivate var isBase64URLDigit: Bool {
        switch self {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
