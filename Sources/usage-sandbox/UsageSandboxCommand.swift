import ArgumentParser

@main
struct UsageSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage-sandbox",
        abstract: "An offline, stateful stand-in for the Hyalto, Usage Engine, Zylo and Mason usage-data APIs.",
        subcommands: [Serve.self, WriteFixtures.self, Contract.self],
        defaultSubcommand: Serve.self
    )
}
