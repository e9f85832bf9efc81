import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import SandboxFixtures

extension Sandbox {
    /// The router with every emulated vendor and the admin API; what tests drive in-process.
    public func makeResponder() -> some HTTPResponder<SandboxContext> {
        SandboxResponder(
            inner: makeRouter().buildResponder(), profiles: profiles, journal: journal, rates: rates,
            address: address,
            environment: environment,
            maxBodyBytes: configuration.maxBodyBytes,
            scenarios: ScenarioStage(
                engine: scenarios, credentials: credentials, emulators: emulators, clock: environment.clock),
            hyaltoReady: hyaltoReady, zyloReady: zyloReady)
    }

    /// Each vendor's error envelope and headers.
    var profiles: [Vendor: any VendorProfile] {
        Dictionary(uniqueKeysWithValues: emulators.map { ($0.vendor, $0.profile) })
    }

    /// Every route of every vendor and of the admin API; `routes` lists them (the route tables are held against the
    /// OpenAPI documents by a test).
    func makeRouter() -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        router.add(middleware: VendorErrorMiddleware(profiles: profiles))
        AdminAPI(sandbox: self).register(on: router.group("__admin"))
        for emulator in emulators {
            let group = router.group(RouterPath(emulator.vendor.pathPrefix))
            emulator.registerRoutes(on: group)
            // One handler serves every vendor's OpenAPI document; no route table lists it.
            group.get("openapi.json", use: Self.openAPIDocument)
        }
        return router
    }

    /// `/{vendor}/openapi.json`: the OpenAPI document of what the sandbox emulates of the vendor the path names (its `servers` are rewritten
    /// to this sandbox by ``SandboxResponder``).
    @Sendable static func openAPIDocument(_ request: Request, context: SandboxContext) async throws -> Response {
        guard let vendor = context.vendor, emulatedVendors.contains(vendor),
            let data = SandboxFixtures.openAPIDocument(vendor: vendor.rawValue)
        else { throw HTTPError(.notFound) }
        return try FileResponse(
            data: data, contentType: "application/json", fileName: "\(vendor.rawValue).json", inline: true
        ).response(from: request, context: context)
    }

    /// The HTTP application serving the sandbox on `configuration.host`:`configuration.port`.
    ///
    /// `onServerRunning` receives the bound port, the real one when `port` is `0`. The port is also an HTTP proxy
    /// for the vendors' hosts: absolute-form requests always, `CONNECT` while the TLS listeners of
    /// ``makeHTTPSApplications(certificates:httpsPort:logger:onServerRunning:)`` run (see ``ProxyConnectHandler``).
    public func makeApplication(
        logger: Logger = Logger(label: "usage-sandbox"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuration = http1Configuration
        let tunnel = self.tunnel
        return Application(
            responder: makeResponder(),
            server: HTTPServerBuilder { responder in
                ProxyHTTP1Channel(
                    base: HTTP1Channel(responder: responder, configuration: configuration), tunnel: tunnel)
            },
            configuration: .init(
                address: .hostname(self.configuration.host, port: self.configuration.port),
                serverName: "usage-sandbox"),
            services: [FixtureLoader(sandbox: self, logger: logger)],
            onServerRunning: { [address] channel in
                let port = channel.localAddress?.port ?? 0
                address.bound(port: port)
                await onServerRunning(port)
            },
            logger: logger
        )
    }

    /// The TLS listeners: one on `configuration.host`:`httpsPort` (`0` picks one) for clients that resolve the
    /// vendors' names to the sandbox, and one on a loopback port of its own that the plain port relays proxy
    /// tunnels to, so the journal can tell the two apart. Both present `certificates` by SNI.
    ///
    /// `onServerRunning` receives each listener and its bound port.
    ///
    /// ```swift
    /// let authority = try CertificateAuthority.loadOrCreate(in: ".usage-sandbox/ca")
    /// let certificates = try SiteCertificates(authority: authority)
    /// let tls = try sandbox.makeHTTPSApplications(certificates: certificates, httpsPort: 8443)
    /// let services: [any Service] = [sandbox.makeApplication()] + tls.map { $0 as any Service }
    /// try await ServiceGroup(services: services, logger: logger).run()
    /// ```
    public func makeHTTPSApplications(
        certificates: SiteCertificates, httpsPort: Int, logger: Logger = Logger(label: "usage-sandbox"),
        onServerRunning: @escaping @Sendable (Listener, Int) async -> Void = { _, _ in }
    ) throws -> [any ApplicationProtocol] {
        let responder = makeResponder()
        let direct = try makeTLSApplication(
            responder: ListenerResponder(inner: responder, listener: .https, scheme: "https"),
            certificates: certificates, host: configuration.host, port: httpsPort, logger: logger
        ) { [address] port in
            address.bound(httpsPort: port)
            await onServerRunning(.https, port)
        }
        let tunnelled = try makeTLSApplication(
            responder: ListenerResponder(inner: responder, listener: .proxy, scheme: "https"),
            certificates: certificates, host: "127.0.0.1", port: 0, logger: logger
        ) { [tunnel] port in
            tunnel.listening(on: port)
            await onServerRunning(.proxy, port)
        }
        return [direct, tunnelled]
    }

    private func makeTLSApplication(
        responder: some HTTPResponder<SandboxContext>, certificates: SiteCertificates, host: String, port: Int,
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        Application(
            responder: responder,
            server: try .tls(
                .http1(configuration: http1Configuration), tlsConfiguration: certificates.serverConfiguration()),
            configuration: .init(address: .hostname(host, port: port), serverName: "usage-sandbox"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    private var http1Configuration: HTTP1Channel.Configuration {
        // A client that stops sending (a stalled upload, a forgotten keep-alive) is dropped after a minute
        // instead of holding its connection forever.
        let maxBodyBytes = configuration.maxBodyBytes
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [UpgradeDeclineHandler(), Expect100ContinueHandler(maxBodyBytes: maxBodyBytes)],
            idleTimeout: .seconds(60)
        )
    }
}
