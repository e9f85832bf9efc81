import Foundation
import Testing

@testable import UsageClients

@Suite("Transport failures surface as distinct errors", .serialized)
struct TransportFaultTests {
    static func kind(of fault: FaultServer.Fault, timeout: Duration = .seconds(5)) async throws -> UsageClientError
        .Kind?
    {
        let server = try FaultServer(fault)
        let url = URL(string: "http://127.0.0.1:\(server.port)/x") ?? RequestExecutor.testBase
        do {
            _ = try await AsyncHTTPClientTransport().send(HTTPRequestData(method: "GET", url: url), timeout: timeout)
            return nil
        } catch let error as UsageClientError {
            return error.kind
        }
    }

    @Test func reset_isConnectionReset() async throws {
        #expect(try await Self.kind(of: .reset) == .connectionReset)
    }

    @Test func closeWithoutAnswer_isConnectionClosed() async throws {
        #expect(try await Self.kind(of: .close) == .connectionClosed)
    }

    @Test func garbage_isMalformedResponse() async throws {
        #expect(try await Self.kind(of: .garbage) == .malformedResponse)
    }

    @Test func silence_isATimeoutAfterTheRequestTimeout() async throws {
        #expect(try await Self.kind(of: .silence(seconds: 8), timeout: .milliseconds(300)) == .timeout)
    }

    @Test func nobodyListening_isConnectionFailed() async throws {
        let url = URL(string: "http://127.0.0.1:1/x") ?? RequestExecutor.testBase
        await #expect {
            _ = try await AsyncHTTPClientTransport().send(
                HTTPRequestData(method: "GET", url: url), timeout: .seconds(1))
        } throws: { error in
            (error as? UsageClientError)?.kind == .connectionFailed
        }
    }
}
