import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `usage-sandbox` executable, started as a child process for tests that need a real kill.
final class SandboxProcess: Sendable {
    let process: Process
    let port: Int
    private let output: OutputBuffer
    /// stderr goes to a file, not a second pipe: a second `readabilityHandler` made Foundation's `Process` crash
    /// under parallel tests.
    private let errorFile: URL

    /// The built executable, next to the test bundle (`swift build` builds it with the tests).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents"
            || directory.lastPathComponent == "MacOS"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("usage-sandbox")
    }

    /// Starts `usage-sandbox serve --port 0 …` and waits for its `listening on` line.
    init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let output = OutputBuffer()
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var port = 0
        while Date() < deadline && port == 0 && process.isRunning {
            let first = output.text.withLock {
                $0.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
            }
            if let first, output.text.withLock({ $0.contains("\n") }),
                let value = first.split(separator: ":").last.flatMap({ Int($0) })
            {
                port = value
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        self.process = process
        self.output = output
        self.errorFile = errorFile
        self.port = port
        if port == 0 {
            process.terminate()
            throw SandboxProcessError.didNotStart(output.text.withLock { $0 })
        }
    }

    var stdout: String { output.text.withLock { $0 } }

    /// What the process wrote to stderr so far (warnings, errors).
    var stderr: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Runs the executable with `arguments` until it exits; answers its status and what it wrote to stderr.
    static func runToExit(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    /// Sends `signal` and waits up to `timeout` seconds for the process to exit; answers its exit status.
    @discardableResult
    func stop(signal: Int32, timeout: TimeInterval = 10) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    /// A request to the running process through a real socket.
    func send(_ method: String, _ path: String, token: String? = nil, body: Data? = nil, contentType: String? = nil)
        async throws -> (status: Int, json: [String: Any])
    {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw SandboxProcessError.badPath(path) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }
}

/// What the child process printed so far.
final class OutputBuffer: Sendable {
    let text = Mutex("")
}

enum SandboxProcessError: Error {
    case didNotStart(String)
    case badPath(String)
}
