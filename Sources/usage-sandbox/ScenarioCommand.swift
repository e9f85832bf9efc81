import ArgumentParser
import Foundation
import Sandbox

/// `usage-sandbox scenario list | show NAME | validate PATH...`: the QA scenario library and checks for new files.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "List, show and validate QA scenarios.",
        discussion: """
            Activate one with `usage-sandbox serve --scenario NAME|PATH`, or at run time with
            `POST /__admin/scenarios/NAME/activate` (optionally `{"credential": "<id or key>"}`).
            """,
        subcommands: [List.self, Show.self, Validate.self]
    )

    /// `scenario list`: every shipped scenario, one line each.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped scenarios.")

        func run() throws {
            let scenarios = try ScenarioLibrary.builtIn().sorted { $0.name < $1.name }
            let width = scenarios.map(\.name.count).max() ?? 0
            for scenario in scenarios {
                let name = scenario.name.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(name)  \(scenario.description)")
            }
        }
    }

    /// `scenario show NAME|PATH`: the scenario's document.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a scenario's JSON: a shipped one or a file.")

        @Argument(help: "A shipped scenario's name, or a scenario file's path.")
        var scenario: String

        func run() throws {
            let found: Scenario
            do {
                found = try ScenarioLibrary.resolve(scenario)
            } catch {
                FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
                throw ExitCode.failure
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(found.document), as: UTF8.self))
        }
    }

    /// `scenario validate PATH...`: checks files; each problem names the file, the field and what was expected.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files; exits non-zero when any is broken.")

        @Argument(help: "Scenario files to check.")
        var paths: [String]

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("give at least one scenario file") }
        }

        func run() throws {
            var broken = 0
            for path in paths {
                do {
                    let scenario = try ScenarioLibrary.load(file: path)
                    print("\(path): ok (\(scenario.name), \(scenario.rules.count) rules)")
                } catch {
                    broken += 1
                    FileHandle.standardError.write(Data((error.description + "\n").utf8))
                }
            }
            if broken > 0 { throw ExitCode.failure }
        }
    }
}
