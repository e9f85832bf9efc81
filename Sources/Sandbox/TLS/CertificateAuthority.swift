import Crypto
import Foundation
import SwiftASN1
import X509

/// The sandbox's local certificate authority: it signs the certificates the HTTPS listener presents for the vendors'
/// host names, and nothing else.
///
/// The CA certificate carries a critical X.509 name constraint permitting only ``permittedHostNames`` and
/// `127.0.0.1`, so a machine that trusts it can be fooled about no other site, even if the key leaked.
///
/// ```swift
/// let authority = try CertificateAuthority.loadOrCreate(in: ".usage-sandbox/ca")
/// print(authority.certificatePath)   // hand this file to curl --cacert, REQUESTS_CA_BUNDLE, ...
/// ```
public struct CertificateAuthority: Sendable {
    /// Every DNS name the CA may sign: the vendors' API hosts and `localhost`.
    public static let permittedHostNames = Vendor.allCases.flatMap(\.hostNames) + ["localhost"]
    /// The one IP address the CA may sign, IPv4 loopback.
    public static let permittedAddress: [UInt8] = [127, 0, 0, 1]

    /// The file holding the CA certificate (PEM), the one to trust.
    public let certificatePath: String
    /// The CA certificate.
    public let certificate: Certificate
    let privateKey: P256.Signing.PrivateKey

    /// The CA kept in `folder` (`ca.pem`, `ca-key.pem`), created with the folder on first use.
    ///
    /// The key is written owner-only (0600) in an owner-only folder; a key file others can read is refused.
    public static func loadOrCreate(in folder: String) throws -> CertificateAuthority {
        let certificatePath = (folder as NSString).appendingPathComponent("ca.pem")
        let keyPath = (folder as NSString).appendingPathComponent("ca-key.pem")
        let files = FileManager.default
        if files.fileExists(atPath: certificatePath), files.fileExists(atPath: keyPath) {
            let mode = (try files.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int) ?? 0
            guard mode & 0o077 == 0 else {
                throw CertificateAuthorityError(
                    "\(keyPath) is readable by others (mode \(String(mode, radix: 8))); "
                        + "run chmod 600 on it")
            }
            let key = try P256.Signing.PrivateKey(pemRepresentation: String(contentsOfFile: keyPath, encoding: .utf8))
            let certificate = try Certificate(pemEncoded: String(contentsOfFile: certificatePath, encoding: .utf8))
            guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
                throw CertificateAuthorityError("\(certificatePath) does not belong to the key in \(keyPath)")
            }
            return CertificateAuthority(certificatePath: certificatePath, certificate: certificate, privateKey: key)
        }
        try files.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = P256.Signing.PrivateKey()
        let certificate = try makeCertificate(key: key, now: Date())
        guard
            files.createFile(
                atPath: keyPath, contents: Data(key.pemRepresentation.utf8),
                attributes: [.posixPermissions: 0o600]),
            files.createFile(
                atPath: certificatePath, contents: Data(try certificate.serializeAsPEM().pemString.utf8),
                attributes: [.posixPermissions: 0o644])
        else { throw CertificateAuthorityError("cannot write the CA into \(folder)") }
        return CertificateAuthority(certificatePath: certificatePath, certificate: certificate, privateKey: key)
    }

    /// A self-signed CA certificate valid for ten years, constrained to the permitted names.
    static func makeCertificate(key: P256.Signing.PrivateKey, now: Date) throws -> Certificate {
        let name = try DistinguishedName {
            OrganizationName("usage-sandbox")
            CommonName("usage-sandbox local CA (vendor hosts only)")
        }
        let loopback = ASN1OctetString(contentBytes: ArraySlice(permittedAddress + [255, 255, 255, 255]))
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                Critical(NameConstraints(permittedDNSDomains: permittedHostNames, permittedIPRanges: [loopback]))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
            },
            issuerPrivateKey: .init(key))
    }

    /// A server certificate for `names` (DNS names, or `127.0.0.1`), valid for 30 days from `now`; only permitted
    /// names are ever signed.
    func issue(for names: [String], key: P256.Signing.PrivateKey, now: Date) throws -> Certificate {
        var alternatives: [GeneralName] = []
        for name in names {
            if name == "127.0.0.1" {
                alternatives.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(Self.permittedAddress))))
            } else if Self.permittedHostNames.contains(name) {
                alternatives.append(.dnsName(name))
            } else {
                throw CertificateAuthorityError("the sandbox CA signs only its vendors' host names, not '\(name)'")
            }
        }
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(30 * 86_400),
            issuer: certificate.subject, subject: try DistinguishedName { CommonName(names[0]) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(alternatives)
                AuthorityKeyIdentifier(keyIdentifier: try? certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
            },
            issuerPrivateKey: .init(privateKey))
    }
}
