import ArgumentParser
import NIOCore
import NIOPosix
import Sandbox

/// The process entry point. Before anything else runs, NIO's event loops become Swift Concurrency's global executor, so
/// a request's handler runs on the event loop that read it instead of hopping to the cooperative pool and back (the
/// hop was the largest single cost in the request-path profile; see README "Performance").
@main
enum UsageSandboxMain {
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await UsageSandboxCommand.main()
    }
}

struct UsageSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage-sandbox",
        abstract: "An offline, stateful stand-in for the Hyalto, Usage Engine, Zylo and Mason usage-data APIs.",
        version: SandboxVersion.description,
        subcommands: [
            Serve.self, Contract.self, ScenarioCommand.self, WriteFixtures.self, Record.self,
            CertificateAuthorityCommand.self,
        ],
        defaultSubcommand: Serve.self
    )
}
