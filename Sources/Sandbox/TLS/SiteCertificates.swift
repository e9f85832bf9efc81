import Crypto
import Foundation
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// The server certificates the HTTPS listener presents: one per vendor host name, chosen by the client's SNI, and
/// one for `localhost`/`127.0.0.1` when the client sends no name. All are signed by the sandbox's CA at start-up and
/// live only in memory.
///
/// A client asking for any other name (`evil.example`) gets no certificate: its handshake fails.
public struct SiteCertificates: Sendable {
    /// The CA that signed every certificate here.
    public let authority: CertificateAuthority
    private let byName: [String: NIOSSLCertificate]
    private let loopback: NIOSSLCertificate
    private let key: NIOSSLPrivateKey

    /// Signs a certificate for each of the CA's permitted names, valid from `now` for 30 days.
    public init(authority: CertificateAuthority, now: Date = Date()) throws {
        self.authority = authority
        let leafKey = P256.Signing.PrivateKey()
        key = try NIOSSLPrivateKey(bytes: Array(leafKey.pemRepresentation.utf8), format: .pem)
        var byName: [String: NIOSSLCertificate] = [:]
        for name in CertificateAuthority.permittedHostNames where name != "localhost" {
            byName[name] = try Self.nio(authority.issue(for: [name], key: leafKey, now: now))
        }
        loopback = try Self.nio(authority.issue(for: ["localhost", "127.0.0.1"], key: leafKey, now: now))
        byName["localhost"] = loopback
        // Some clients (wrk, older OpenSSL tools) send an address as SNI, against RFC 6066.
        byName["127.0.0.1"] = loopback
        self.byName = byName
    }

    /// The certificate for `serverName` (an SNI value): the loopback one when there is none, `nil` for a name the
    /// CA may not sign.
    func certificate(serverName: String?) -> NIOSSLCertificate? {
        guard let serverName else { return loopback }
        return byName[serverName.lowercased()]
    }

    /// A server TLS configuration choosing the certificate by SNI and refusing every other name.
    public func serverConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(loopback)], privateKey: .privateKey(key))
        configuration.applicationProtocols = ["http/1.1"]
        configuration.sslContextCallback = { [self] values, promise in
            guard let certificate = certificate(serverName: values.serverHostname) else {
                promise.fail(UnknownServerName(name: values.serverHostname ?? ""))
                return
            }
            var override = NIOSSLContextConfigurationOverride()
            override.certificateChain = [.certificate(certificate)]
            override.privateKey = .privateKey(key)
            promise.succeed(override)
        }
        return configuration
    }

    private static func nio(_ certificate: Certificate) throws -> NIOSSLCertificate {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
    }
}
