import Foundation
import SandboxTesting

/// The default target: a sandbox started in this process on a free loopback port, with an in-memory store and a
/// frozen clock. This is the only place the contract suite depends on the sandbox's code; the checks reach it
/// over HTTP like any other target.
enum InProcessTarget {
    /// Starts a sandbox, runs `body` with a session on it, and stops the sandbox.
    static func run<T: Sendable>(_ body: @Sendable (TargetSession) async throws -> T) async throws -> T {
        try await TestSandbox.run { sandbox in
            try await body(.sandbox(name: "inprocess", admin: SandboxAdmin(root: sandbox.baseURL)))
        }
    }
}
