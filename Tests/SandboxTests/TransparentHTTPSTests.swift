import Foundation
import SwiftASN1
import Testing
import X509

@testable import Sandbox

@Suite("Transparent HTTPS: the local CA and the proxy's rules")
struct TransparentHTTPSTests {
    @Test func loadOrCreate_writesAnOwnerOnlyKey_andLoadsTheSameCertificateAgain() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try CertificateAuthority.loadOrCreate(in: folder)
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/ca-key.pem")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try CertificateAuthority.loadOrCreate(in: folder).certificate == first.certificate)
    }

    @Test func loadOrCreate_refusesAKeyOthersCanRead() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CertificateAuthority.loadOrCreate(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder + "/ca-key.pem")
        #expect(throws: CertificateAuthorityError.self) { try CertificateAuthority.loadOrCreate(in: folder) }
    }

    @Test func authority_isCriticallyNameConstrained_toTheVendorHostsAndLoopback() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let certificate = try CertificateAuthority.loadOrCreate(in: folder).certificate
        let constraints = try #require(try certificate.extensions.nameConstraints)
        #expect(certificate.extensions.first { $0.oid == .X509ExtensionID.nameConstraints }?.critical == true)
        let expected = Vendor.allCases.flatMap(\.hostNames) + ["localhost"]
        #expect(Set(constraints.permittedDNSDomains) == Set(expected))
        #expect(constraints.permittedIPRanges.map { Array($0.bytes) } == [[127, 0, 0, 1, 255, 255, 255, 255]])
        #expect(
            Set(expected).isSuperset(of: ["api.zylo.com", "api.hyalto.com", "api.digitalroute.io", "api.bymason.com"]))
    }

    @Test(arguments: ["evil.example", "api.zylo.com.evil.example", "github.com", "10.0.0.1"])
    func authority_neverSignsAnotherName(_ name: String) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let authority = try CertificateAuthority.loadOrCreate(in: folder)
        #expect(throws: CertificateAuthorityError.self) {
            try authority.issue(for: [name], key: .init(), now: Date())
        }
        #expect(try SiteCertificates(authority: authority).certificate(serverName: name) == nil)
    }

    @Test func siteCertificates_holdOneForEachVendorHost_andLoopbackWithoutSNI() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sites = try SiteCertificates(authority: try CertificateAuthority.loadOrCreate(in: folder))
        for name in Vendor.allCases.flatMap(\.hostNames) { #expect(sites.certificate(serverName: name) != nil) }
        #expect(sites.certificate(serverName: "API.ZYLO.COM") != nil)
        #expect(sites.certificate(serverName: nil) == sites.certificate(serverName: "localhost"))
        #expect(sites.certificate(serverName: "127.0.0.1") == sites.certificate(serverName: "localhost"))
    }

    @Test(arguments: [
        ("example.com:443", "emulates only"), ("api.zylo.com:80", "only port 443"),
        ("169.254.169.254:443", "emulates only"), ("api.zylo.com.evil.example:443", "emulates only"),
    ])
    func connect_isRefused_namingTheHost(_ target: String, _ reason: String) {
        let refusal = ProxyConnectHandler.refusal(target: target, tunnelOn: true)
        #expect(refusal?.contains(target) == true)
        #expect(refusal?.contains(reason) == true)
    }

    @Test func connect_toAVendorHostOn443_isTunnelledOnlyWhileTLSIsOn() {
        #expect(ProxyConnectHandler.refusal(target: "api.zylo.com:443", tunnelOn: true) == nil)
        #expect(ProxyConnectHandler.refusal(target: "API.us.digitalroute.io:443", tunnelOn: true) == nil)
        #expect(
            ProxyConnectHandler.refusal(target: "api.zylo.com:443", tunnelOn: false)?.contains("--https-port") == true)
    }

    @Test(
        arguments: [
            ("http://api.zylo.com/v1/subscriptions", "api.zylo.com"),
            ("HTTP://api.bymason.com:80?x=1", "api.bymason.com:80"),
            ("/v1/subscriptions", nil), ("http:///v1", nil),
        ] as [(String, String?)])
    func absoluteFormTarget_givesItsAuthority(_ target: String, _ authority: String?) {
        #expect(ProxyConnectHandler.absoluteFormAuthority(target) == authority)
    }

    @Test func links_keepTheSchemeOfTheListener() {
        let address = ListeningAddress(host: "127.0.0.1", port: 8080, publicURL: nil)
        address.bound(httpsPort: 8443)
        #expect(address.baseURL(authority: "api.zylo.com", scheme: "https") == "https://api.zylo.com")
        #expect(address.baseURL(authority: "127.0.0.1:8443", scheme: "https") == "https://127.0.0.1:8443")
        #expect(address.baseURL(authority: "127.0.0.1:8443", scheme: "http") == "http://127.0.0.1:8080")
        #expect(address.baseURL(authority: "api.zylo.com") == "http://api.zylo.com")
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("usage-sandbox-ca-\(UUID().uuidString)").path
    }
}
