import ArgumentParser
import Foundation
import Sandbox

/// `usage-sandbox ca`: creates the local CA once and prints the path of its certificate, the file to trust.
struct CertificateAuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: "Create (once) and print the path of the local CA certificate used by serve --https-port.",
        discussion: """
            The CA is name-constrained to the vendors' API hosts plus localhost and 127.0.0.1, so trusting it \
            cannot vouch for any other site. Its key is readable by its owner only. See README "Transparent HTTPS" \
            for trusting it in curl, Python, Node, Java and Swift.
            """
    )

    @Option(help: "SQLite file of the sandbox whose CA this is; the CA lives in `ca` beside it.")
    var db = ".usage-sandbox/sandbox.sqlite"

    @Option(help: "Folder of the local CA; by default `ca` beside the --db file.")
    var caDir: String?

    @Flag(help: "Print the commands that add the CA to the system trust store, and run them after asking.")
    var install = false

    @Flag(help: "With --install, run the commands without asking.")
    var yes = false

    func run() throws {
        let authority: CertificateAuthority
        do {
            authority = try CertificateAuthority.loadOrCreate(in: Self.folder(caDir, db))
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let path = URL(fileURLWithPath: authority.certificatePath).standardizedFileURL.path
        print(path)
        guard install else { return }
        let commands = Self.installCommands(certificate: path)
        FileHandle.standardError.write(
            Data(("To trust it system-wide:\n" + commands.map { "  " + $0 }.joined(separator: "\n") + "\n").utf8))
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                FileHandle.standardError.write(Data("Not run (no terminal to ask on); pass --yes to run them.\n".utf8))
                return
            }
            FileHandle.standardError.write(Data("Run them now? [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { return }
        }
        for command in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                FileHandle.standardError.write(Data("Error: `\(command)` exited \(process.terminationStatus)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    /// The CA's folder: `caDir`, else `ca` beside the database file (`.usage-sandbox/ca` for `:memory:`).
    static func folder(_ caDir: String?, _ db: String) -> String {
        if let caDir { return caDir }
        let parent = db == ":memory:" ? ".usage-sandbox" : (db as NSString).deletingLastPathComponent
        return parent.isEmpty ? "ca" : (parent as NSString).appendingPathComponent("ca")
    }

    /// The commands adding `certificate` to this system's trust store (Debian/Ubuntu, Fedora/RHEL, or macOS).
    static func installCommands(certificate: String) -> [String] {
        let quoted = "'" + certificate.replacingOccurrences(of: "'", with: "'\\''") + "'"
        #if os(macOS)
            return ["sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain \(quoted)"]
        #else
            let sudo = getuid() == 0 ? "" : "sudo "
            if FileManager.default.fileExists(atPath: "/usr/sbin/update-ca-certificates") {
                return [
                    "\(sudo)cp \(quoted) /usr/local/share/ca-certificates/usage-sandbox.crt",
                    "\(sudo)update-ca-certificates",
                ]
            }
            return [
                "\(sudo)cp \(quoted) /etc/pki/ca-trust/source/anchors/usage-sandbox.pem", "\(sudo)update-ca-trust",
            ]
        #endif
    }
}
