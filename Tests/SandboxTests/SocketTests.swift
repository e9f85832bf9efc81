import Foundation
import SandboxTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Raw HTTP over a real socket: Expect: 100-continue and Host routing")
struct SocketTests {
    /// Sends a request head over a real socket and answers what the server says before any body byte is sent.
    ///
    /// The blocking socket calls run on a thread of their own: on the cooperative pool (two threads on a two-core
    /// machine) they could starve the in-process server they are waiting for.
    static func headThenWait(port: Int, head: String) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingExchange(port: port, head: head)) }.start()
        }
    }

    private static func blockingExchange(port: Int, head: String) -> String {
        guard let connection = RawConnection(port: port) else { return "connect failed" }
        defer { connection.close() }
        connection.send(head)
        return connection.receive(timeout: 30)
    }

    @Test func uploadWithExpectContinue_getsA100BeforeSendingItsBody() async throws {
        try await TestSandbox.run { sandbox in
            let port = sandbox.baseURL.port ?? 0
            let head =
                "POST /zylo/v1/usageconnect/3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer \(sandbox.zyloToken)\r\nContent-Type: text/csv\r\n"
                + "Content-Length: 2097152\r\nExpect: 100-continue\r\n\r\n"
            let reply = await Self.headThenWait(port: port, head: head)
            #expect(reply.hasPrefix("HTTP/1.1 100 Continue"))
        }
    }

    @Test func hostHeader_routesToTheVendorWithoutItsPrefix() async throws {
        try await TestSandbox.run { sandbox in
            let request =
                "GET /v1/subscriptions?pageSize=1 HTTP/1.1\r\nHost: api.zylo.com\r\n"
                + "Authorization: Bearer \(sandbox.zyloToken)\r\nConnection: close\r\n\r\n"
            let reply = await Self.headThenWait(port: sandbox.baseURL.port ?? 0, head: request)
            #expect(reply.hasPrefix("HTTP/1.1 200 OK"))
            #expect(reply.lowercased().contains("zylo-request-id:"))
        }
    }

    @Test func oversizedUploadWithExpectContinue_getsA413InsteadOfA100() async throws {
        try await TestSandbox.run(configure: { $0.maxBodyBytes = 1_024 }) { sandbox in
            let head =
                "POST /zylo/v1/usageconnect/3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer \(sandbox.zyloToken)\r\nContent-Length: 2097152\r\nExpect: 100-continue\r\n\r\n"
            let reply = await Self.headThenWait(port: sandbox.baseURL.port ?? 0, head: head)
            #expect(reply.hasPrefix("HTTP/1.1 413"))
            #expect(reply.contains(#""statusCode":413"#))
        }
    }

    /// An upgrade the sandbox does not make (`java.net.http` offers h2c on its first request) is answered as plain
    /// HTTP/1.1 with `Connection: close`, and the connection then closes, so the client's next request goes on a
    /// new connection instead of waiting a minute for an answer that never comes.
    @Test(arguments: ["Upgrade, HTTP2-Settings", "keep-alive , upgrade"])
    func upgradeRequest_isAnsweredThenTheConnectionCloses(connection: String) async throws {
        try await TestSandbox.run { sandbox in
            let port = sandbox.baseURL.port ?? 0
            let get =
                "GET /zylo/v1/subscriptions?pageSize=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer \(sandbox.zyloToken)\r\n"
            let first =
                get + "Connection: \(connection)\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"
            let (text, closed) = await withCheckedContinuation { continuation in
                Thread {
                    guard let raw = RawConnection(port: port) else {
                        return continuation.resume(returning: ("connect failed", false))
                    }
                    defer { raw.close() }
                    // A second request and HTTP/2's preface follow at once, as an eager client sends them.
                    raw.send(first + get + "\r\n" + "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                    continuation.resume(returning: raw.readUntilClosed(silence: 20))
                }.start()
            }
            #expect(closed, "the connection stayed open")
            #expect(text.hasPrefix("HTTP/1.1 200 OK"))
            #expect(text.lowercased().contains("connection: close"))
            #expect(text.components(separatedBy: "HTTP/1.1 ").count == 2, "one answer, not one per request")
            // The sandbox answers the next connection as ever.
            let again = await Self.headThenWait(port: port, head: get + "Connection: close\r\n\r\n")
            #expect(again.hasPrefix("HTTP/1.1 200 OK"))
        }
    }
}
