import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

extension Sandbox {
    /// The router with every emulated vendor and the admin API; what tests drive in-process.
    public func makeResponder() -> some HTTPResponder<SandboxContext> {
        SandboxResponder(
            inner: makeRouter().buildResponder(), profiles: Self.profiles, journal: journal, address: address,
            environment: environment,
            maxBodyBytes: configuration.maxBodyBytes,
            scenarios: ScenarioStage(
                engine: scenarios, credentials: credentials, zylo: zylo, usageEngine: usageEngine,
                clock: environment.clock),
            hyaltoReady: hyaltoReady, zyloReady: zyloReady)
    }

    /// Each vendor's error envelope and headers.
    static let profiles: [Vendor: any VendorProfile] = [
        .zylo: ZyloProfile(), .mason: MasonProfile(), .hyalto: HyaltoProfile(), .usageEngine: UsageEngineProfile(),
    ]

    /// Every route of every vendor and of the admin API; `routes` lists them (the route tables are held against the
    /// OpenAPI documents by a test).
    func makeRouter() -> Router<SandboxContext> {
        let profiles = Self.profiles
        let router = Router(context: SandboxContext.self)
        router.add(middleware: VendorErrorMiddleware(profiles: profiles))
        AdminAPI(sandbox: self).register(on: router.group("__admin"))
        ZyloEmulator.register(
            on: router.group(RouterPath(Vendor.zylo.pathPrefix)),
            handlers: ZyloHandlers(store: zylo, credentials: credentials, fidelity: configuration.fidelity))
        HyaltoEmulator.register(
            on: router.group(RouterPath(Vendor.hyalto.pathPrefix)),
            handlers: HyaltoHandlers(
                store: hyalto, credentials: credentials, tokenKeys: tokenKeys, environment: environment,
                settings: configuration.hyalto))
        UsageEngineEmulator.register(
            on: router.group(RouterPath(Vendor.usageEngine.pathPrefix)),
            handlers: UsageEngineHandlers(
                store: usageEngine, credentials: credentials, tokenKeys: tokenKeys, environment: environment,
                settings: configuration.usageEngine, fidelity: configuration.fidelity))
        MasonEmulator.register(
            on: router.group(RouterPath(Vendor.mason.pathPrefix)),
            handlers: MasonHandlers(store: mason, credentials: credentials, fidelity: configuration.fidelity))
        return router
    }

    /// The HTTP application serving the sandbox on `configuration.host`:`configuration.port`.
    ///
    /// `onServerRunning` receives the bound port, the real one when `port` is `0`.
    public func makeApplication(
        logger: Logger = Logger(label: "usage-sandbox"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let maxBodyBytes = configuration.maxBodyBytes
        return Application(
            responder: makeResponder(),
            server: .http1(
                // A client that stops sending (a stalled upload, a forgotten keep-alive) is dropped after a minute
                // instead of holding its connection forever.
                configuration: .init(
                    additionalChannelHandlers: [Expect100ContinueHandler(maxBodyBytes: maxBodyBytes)],
                    idleTimeout: .seconds(60))
            ),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "usage-sandbox"),
            services: [FixtureLoader(sandbox: self, logger: logger)],
            onServerRunning: { [address] channel in
                let port = channel.localAddress?.port ?? 0
                address.bound(port: port)
                await onServerRunning(port)
            },
            logger: logger
        )
    }
}
