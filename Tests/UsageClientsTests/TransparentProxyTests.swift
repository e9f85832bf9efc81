import AsyncHTTPClient
import Foundation
import NIOSSL
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// The repository's clients with their default live base URLs (`https://api.zylo.com`, ...), sent through the
/// sandbox's HTTPS proxy and trusting only the sandbox's CA: the app's code is unchanged, only its HTTP stack is.
@Suite struct TransparentProxyTests {
    @Test func zylo_defaultURLThroughProxy_exportsWithAnHTTPSLinkToTheVendorHost() async throws {
        try await Self.throughProxy { sandbox, options in
            let zylo = ZyloClient(
                tokenID: DemoCredentials.zyloTokenID, tokenSecret: DemoCredentials.zyloTokenSecret, options: options)
            let job = try await zylo.createExportJob()
            sandbox.advanceClock(by: 60)
            let done = try await zylo.exportJob(id: job.id)
            #expect(done.downloadUri?.hasPrefix("https://api.zylo.com/") == true)
            #expect(try await !zylo.downloadExport(done).isEmpty)
            #expect(try await zylo.subscriptions(pageSize: 5).zyloCollect().count > 5)
        }
    }

    @Test func hyaltoAndUsageEngine_defaultURLsThroughProxy_issueTokensAndAnswer() async throws {
        try await Self.throughProxy { sandbox, options in
            let hyalto = HyaltoClient(
                accessKey: DemoCredentials.hyaltoAccessKey, secretKey: DemoCredentials.hyaltoSecretKey,
                options: options)
            let accounts = try await hyalto.accounts()
            #expect(!accounts.isEmpty)
            let usageEngine = UsageEngineClient(
                clientID: DemoCredentials.usageEngineClientID, clientSecret: DemoCredentials.usageEngineClientSecret,
                audience: DemoCredentials.usageEngineAudience, options: options)
            _ = try await usageEngine.meterTypes()
            let paths = sandbox.journal(vendor: .usageEngine).map(\.path)
            #expect(paths.contains("/usage-engine/authentication/v1/oauth/token"))
            #expect(paths.contains("/usage-engine/usage-metering/v1/meter-types"))
        }
    }

    @Test func mason_defaultURLThroughProxy_answersAndIsJournalledAsProxy() async throws {
        try await Self.throughProxy { sandbox, options in
            let mason = MasonClient(apiKey: DemoCredentials.masonAPIKey, options: options)
            let rows = try await mason.accountUsage(month: .masonAugust(day: 17)).masonCollect()
            #expect(!rows.isEmpty)
            let journal = sandbox.journal()
            #expect(!journal.isEmpty)
            #expect(journal.allSatisfy { $0.listener == "proxy" })
        }
    }

    /// Runs `body` against a sandbox serving TLS, with client options whose HTTP client sends through the
    /// sandbox's plain port as an HTTPS proxy and trusts the sandbox's CA and nothing else.
    static func throughProxy(_ body: @Sendable (TestSandbox, ClientOptions) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let authority = try CertificateAuthority.loadOrCreate(in: folder)
        try await TestSandbox.run(authority: authority) { sandbox in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authority.certificatePath))
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.proxy = .server(host: "127.0.0.1", port: sandbox.baseURL.port ?? 0)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let options = ClientOptions.onVirtualClock(sandbox, transport: AsyncHTTPClientTransport(client: client))
            do {
                try await body(sandbox, options)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }
}
