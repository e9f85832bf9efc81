import ArgumentParser

@main
struct UsageSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage-sandbox",
        abstract: "An offline, stateful stand-in for the Hyalto, Usage Engine, Zylo and Mason usage-data APIs.",
        subcommands: [Serve.self, Contract.self, ScenarioCommand.self, WriteFixtures.self],
        defaultSubcommand: Serve.self
    )
}
