import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` of the real server in the middle of work, then a restart on the same database: everything the server
/// acknowledged is there and carries on.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let token = "zylo-demo-token:zylo-demo-secret"

    @Test func killUnderWriteLoad_keepsEveryAcknowledgedJob() async throws {
        let path = PersistenceTests.temporaryDatabase()
        let first = try SandboxProcess(arguments: ["--db", path])
        let list = try await first.send("GET", "/zylo/v1/subscriptions?pageSize=1", token: Self.token)
        let sub = (list.json["subscriptions"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let acknowledged = Acknowledged()
        let port = first.port
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    // Each writer creates import jobs (small writes) until the server is killed; a failed request (the machine
                    // may be busy with other tests) is retried, not taken as the end.
                    while !acknowledged.stopped.withLock({ $0 }) {
                        do {
                            let id = try await Self.createImportJob(port: port, subscription: sub)
                            if !id.isEmpty { acknowledged.ids.withLock { $0.append(id) } }
                        } catch {
                            acknowledged.errors.withLock { $0 += 1 }
                            try? await Task.sleep(for: .milliseconds(10))
                        }
                    }
                }
            }
            // Kill while the writers are still going: after a few acknowledgements, whatever the machine's speed.
            let deadline = ContinuousClock.now + .seconds(60)
            while acknowledged.ids.withLock({ $0.count }) < 8, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            first.stop(signal: SIGKILL)
            acknowledged.stopped.withLock { $0 = true }
        }
        let ids = acknowledged.ids.withLock { $0 }
        #expect(ids.count >= 8, "the load ran before the kill (\(acknowledged.errors.withLock { $0 }) failed requests)")

        let second = try SandboxProcess(arguments: ["--db", path])
        defer { second.stop(signal: SIGTERM) }
        var intact = 0
        for id in ids {
            let job = try await second.send("GET", "/zylo/v1/subscriptions/\(sub)/importJob/\(id)", token: Self.token)
            if job.status == 200, job.json["status"] as? String == "OPEN" { intact += 1 }
        }
        #expect(intact == ids.count)
        // And they progress: the newest acknowledged job takes its file and completes.
        let last = try #require(ids.last)
        #expect(try await Self.upload(second, sub: sub, job: last).status == 201)
        _ = try await second.send(
            "POST", "/__admin/clock", body: Data(#"{"advance":60}"#.utf8), contentType: "application/json")
        let finished = try await second.send(
            "GET", "/zylo/v1/subscriptions/\(sub)/importJob/\(last)", token: Self.token)
        #expect(finished.json["status"] as? String == "COMPLETE")
    }

    @Test func killDuringAnUpload_keepsTheJobOpenAndEarlierUploadsIntact() async throws {
        let path = PersistenceTests.temporaryDatabase()
        let first = try SandboxProcess(arguments: ["--db", path])
        let list = try await first.send("GET", "/zylo/v1/subscriptions?pageSize=1", token: Self.token)
        let sub = (list.json["subscriptions"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let done = try await first.send("POST", "/zylo/v1/subscriptions/\(sub)/importJob", token: Self.token)
        let doneID = done.json["id"] as? String ?? ""
        #expect(try await Self.upload(first, sub: sub, job: doneID).status == 201)
        let open = try await first.send("POST", "/zylo/v1/subscriptions/\(sub)/importJob", token: Self.token)
        let openID = open.json["id"] as? String ?? ""
        // Half an upload: the head promises a megabyte, a few bytes arrive, then the server is killed.
        let head =
            "POST /zylo/v1/subscriptions/\(sub)/importJob/\(openID) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer \(Self.token)\r\nContent-Type: text/csv\r\nContent-Length: 1048576\r\n\r\n"
            + "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\nHalf,"
        let socket = try #require(RawConnection(port: first.port))
        socket.send(head)
        try await Task.sleep(for: .milliseconds(200))
        first.stop(signal: SIGKILL)
        socket.close()

        let second = try SandboxProcess(arguments: ["--db", path])
        defer { second.stop(signal: SIGTERM) }
        _ = try await second.send(
            "POST", "/__admin/clock", body: Data(#"{"advance":60}"#.utf8), contentType: "application/json")
        let finished = try await second.send(
            "GET", "/zylo/v1/subscriptions/\(sub)/importJob/\(doneID)", token: Self.token)
        #expect(finished.json["status"] as? String == "COMPLETE")
        let interrupted = try await second.send(
            "GET", "/zylo/v1/subscriptions/\(sub)/importJob/\(openID)", token: Self.token)
        #expect(interrupted.json["status"] as? String == "OPEN")
        #expect(try await Self.upload(second, sub: sub, job: openID).status == 201)
    }

    /// Creates an import job over a plain socket on a thread of its own (the test process's URLSession and
    /// cooperative pool are shared with every other suite): the new job's id when the server acknowledged it with
    /// 201, else `""`; throws when the connection fails.
    static func createImportJob(port: Int, subscription: String) async throws -> String {
        let request =
            "POST /zylo/v1/subscriptions/\(subscription)/importJob HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer \(token)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        let answer: String? = await withCheckedContinuation { continuation in
            Thread {
                guard let connection = RawConnection(port: port) else { return continuation.resume(returning: nil) }
                connection.send(request)
                let text = connection.readToEnd()
                connection.close()
                continuation.resume(returning: text)
            }.start()
        }
        guard let answer, !answer.isEmpty else { throw CrashSafetyError.connectionFailed }
        guard answer.hasPrefix("HTTP/1.1 201"), let body = answer.range(of: "\r\n\r\n") else { return "" }
        let json = try? JSONSerialization.jsonObject(with: Data(answer[body.upperBound...].utf8)) as? [String: Any]
        return json?["id"] as? String ?? ""
    }

    static func upload(_ server: SandboxProcess, sub: String, job: String) async throws -> (
        status: Int, json: [String: Any]
    ) {
        let csv =
            "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\nAda,Lovelace,2024-01-01,9,Pro,true\n"
        let boundary = "crashboundary"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await server.send(
            "POST", "/zylo/v1/subscriptions/\(sub)/importJob/\(job)", token: token, body: Data(body.utf8),
            contentType: "multipart/form-data; boundary=\(boundary)")
    }
}

enum CrashSafetyError: Error {
    case connectionFailed
}

/// Job ids the server acknowledged, shared by the writers.
final class Acknowledged: Sendable {
    let ids = Mutex<[String]>([])
    let errors = Mutex(0)
    let stopped = Mutex(false)
}
