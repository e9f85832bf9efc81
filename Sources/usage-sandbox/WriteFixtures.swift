import ArgumentParser
import Foundation
import Sandbox

/// `usage-sandbox fixtures --out DIR`: writes the built-in fixtures as files to edit and load with `--fixtures`.
struct WriteFixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Write the built-in fixture data as files, to edit and serve with `serve --fixtures DIR`.",
        discussion: "Writes zylo/subscriptions.json (Subscription objects) and zylo/users.csv (subscriptionId plus the "
            + "import columns)."
    )

    @Option(help: "Folder to write into; created when missing.")
    var out: String

    @Option(help: "Seed of the generators.")
    var seed: UInt64 = 42

    func run() throws {
        try Sandbox.writeFixtures(seed: seed, now: Date(), to: out)
        print("wrote \(out)/zylo/subscriptions.json and \(out)/zylo/users.csv")
    }
}
