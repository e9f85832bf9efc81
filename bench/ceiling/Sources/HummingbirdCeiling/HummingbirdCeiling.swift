// The framework ceiling of bench/peer-bench.sh: Hummingbird with the sandbox's server set-up (the same HTTP/1
// channel configuration, application configuration and service group as `usage-sandbox serve`), answering each
// bench workload's path with fixed bytes held in memory: no auth, no store, no JSON. The sandbox's throughput
// divided by this one's, in the same run, is how much of Hummingbird's own ceiling it keeps.
//
//   HummingbirdCeiling PORT ANSWERS-DIR     (PORT 0 picks one; prints `listening on http://127.0.0.1:PORT`)
//
// ANSWERS-DIR holds w1.json, w2.json and w3.json: the bytes to answer (peer-bench.sh saves the sandbox's own answers
// there, so both send the same sizes).
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Starts as `usage-sandbox` does: NIO's event loops become Swift Concurrency's global executor before anything else.
@main
enum CeilingMain {
    static func main() async throws {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let arguments = CommandLine.arguments
        let port = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 0
        let folder = arguments.count > 2 ? arguments[2] : "."

        func answer(_ name: String) -> ByteBuffer {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                FileHandle.standardError.write(Data("cannot read \(folder)/\(name)\n".utf8))
                exit(2)
            }
            return ByteBuffer(bytes: data)
        }

        let bodies = (w1: answer("w1.json"), w2: answer("w2.json"), w3: answer("w3.json"))

        @Sendable func respond(_ body: ByteBuffer) -> Response {
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
        }

        let router = Router()
        router.get("mason/beta/default/data/aggregate/usage") { _, _ in respond(bodies.w1) }
        router.get("zylo/v1/subscriptions") { _, _ in respond(bodies.w2) }
        router.post("hyalto/accountManagement/auth/token") { _, _ in respond(bodies.w3) }

        // The sandbox's HTTP/1 set-up (Sandbox+Application.swift): its Expect: 100-continue handler, a one-minute idle
        // timeout, the server name, a service group stopped by SIGTERM or SIGINT within 5 seconds.
        let maxBodyBytes = 16 * 1024 * 1024
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [Expect100ContinueHandler(maxBodyBytes: maxBodyBytes)], idleTimeout: .seconds(60)
        )
        var logger = Logger(label: "hummingbird-ceiling")
        logger.logLevel = .error
        let app = Application(
            responder: router.buildResponder(),
            server: HTTPServerBuilder { responder in HTTP1Channel(responder: responder, configuration: configuration) },
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "usage-sandbox"),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(
                    Data("listening on http://127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            },
            logger: logger
        )
        var group = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}
