import Foundation
import SandboxTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("SandboxTesting, through a real socket")
struct TestSandboxTests {
    @Test func testSandbox_servesZyloOnAFreePortWithAFrozenClock() async throws {
        try await TestSandbox.run { sandbox in
            var request = URLRequest(url: sandbox.url("/zylo/v1/subscriptions/-/exportJobs"))
            request.httpMethod = "POST"
            request.setValue("Bearer \(sandbox.zyloToken)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 201)
            #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "zylo-request-id") != nil)
            let job = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(job?["createTime"] as? String == "2024-01-01T00:00:00.000Z")
            #expect(sandbox.baseURL.port != 8080)
        }
    }
}
