import Crypto
import CryptoExtras
import Foundation
import GRDB
import JWTKit
import Synchronization

/// The sandbox's signing keys: an HS256 secret for Hyalto and an RSA-2048 key (RS256, with a `kid`) for Usage
/// Engine. Each is made the first time it is needed and kept in SQLite, so tokens issued before a restart still
/// verify after it.
actor TokenKeys {
    /// Usage Engine's signer and the JWKS that publishes its public half.
    struct RSAKeys: Sendable {
        let collection: JWTKeyCollection
        let kid: String
        let jwks: Data
    }

    private let database: SandboxDatabase
    private var hmac: JWTKeyCollection?
    /// The HS256 signer once the key is known, readable without entering the actor.
    private nonisolated let hmacSigner = Mutex<HS256Signer?>(nil)
    private var rsa: RSAKeys?

    init(database: SandboxDatabase) {
        self.database = database
    }

    /// The encoder every token payload goes through: integer `iat`/`exp`, as both vendors issue them.
    static var serializer: DefaultJWTSerializer { DefaultJWTSerializer(jsonEncoder: payloadEncoder) }

    static var payloadEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .integerSecondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Hyalto's HS256 keys.
    func hyalto() async throws -> JWTKeyCollection {
        if let hmac { return hmac }
        let secret = try await stored("keys.hyalto.hs256") {
            Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64EncodedString()
        }
        let keyData = Data(base64Encoded: secret) ?? Data(secret.utf8)
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: keyData), digestAlgorithm: .sha256, serializer: Self.serializer)
        hmac = keys
        hmacSigner.withLock { $0 = HS256Signer(key: SymmetricKey(data: keyData)) }
        return keys
    }

    /// Hyalto's HS256 signer: the same tokens as ``hyalto()``'s `sign(_:header:)` with a `typ` of `JWT`, made
    /// without jwt-kit's actor hops (token issuance is on the request path of every Hyalto client).
    nonisolated func hyaltoSigner() async throws -> HS256Signer {
        if let signer = hmacSigner.withLock({ $0 }) { return signer }
        _ = try await hyalto()
        guard let signer = hmacSigner.withLock({ $0 }) else { throw SandboxFailure.internalError("no HS256 key") }
        return signer
    }

    /// Usage Engine's RS256 keys and JWKS.
    func usageEngine() async throws -> RSAKeys {
        if let rsa { return rsa }
        let pem = try await stored("keys.usage-engine.rsa") {
            try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048)).pemRepresentation
        }
        let key = try Insecure.RSA.PrivateKey(pem: pem)
        let primitives = try key.publicKey.getKeyPrimitives()
        let kid = String(Self.base64URL(Data(SHA256.hash(data: primitives.modulus))).prefix(21))
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid), serializer: Self.serializer)
        struct JWK: Encodable {
            let kty = "RSA"
            let use = "sig"
            let alg = "RS256"
            let kid: String
            let n: String
            let e: String
        }
        struct JWKS: Encodable { let keys: [JWK] }
        let jwks = try OrderedJSONEncoder.encode(
            JWKS(keys: [
                JWK(kid: kid, n: Self.base64URL(primitives.modulus), e: Self.base64URL(primitives.publicExponent))
            ]))
        let made = RSAKeys(collection: keys, kid: kid, jwks: jwks)
        rsa = made
        return made
    }

    /// Writes the keys in memory back after the database was erased, so a reset keeps them.
    func restoreAfterErase() async throws {
        try await database.writer.write { [hmacSecret = storedHMAC, rsaPEM = storedRSA] db in
            for (name, value) in [("keys.hyalto.hs256", hmacSecret), ("keys.usage-engine.rsa", rsaPEM)] {
                if let value {
                    try Setting.set(db, name, to: value)
                }
            }
        }
    }

    private var storedHMAC: String?
    private var storedRSA: String?

    /// The setting `name`, created with `make` when missing.
    private func stored(_ name: String, make: @Sendable () throws -> String) async throws -> String {
        let value = try await database.writer.write { db in
            if let value = try Setting.value(db, name) { return value }
            let value = try make()
            try Setting(name: name, value: value).insert(db)
            return value
        }
        if name.hasPrefix("keys.hyalto") { storedHMAC = value } else { storedRSA = value }
        return value
    }

    static func base64URL(_ data: Data) -> String {
        var bytes = Array(data.base64EncodedData())
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "+") { bytes[index] = UInt8(ascii: "-") }
            if bytes[index] == UInt8(ascii: "/") { bytes[index] = UInt8(ascii: "_") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Signs JWTs with HMAC-SHA256: header `{"alg":"HS256","typ":"JWT"}` and the claims JSON the caller writes (it
/// knows nothing of any vendor's claims).
struct HS256Signer: Sendable {
    let key: SymmetricKey

    private static let header = TokenKeys.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    func sign(payload: Data) -> String {
        let input = Self.header + "." + TokenKeys.base64URL(payload)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: key)
        return input + "." + TokenKeys.base64URL(Data(mac))
    }
}
