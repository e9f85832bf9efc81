import Foundation
import Sandbox
import SandboxTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Usage Engine, through a real socket")
struct UsageEngineSocketTests {
    @Test func formTokenThenMeterTypes_likeTheVendorsCurlGuide() async throws {
        try await TestSandbox.run { sandbox in
            var token = URLRequest(url: sandbox.url("/usage-engine/authentication/v1/oauth/token"))
            token.httpMethod = "POST"
            token.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            token.httpBody = Data(Harness.ueForm().utf8)
            let (data, _) = try await URLSession.shared.data(for: token)
            let accessToken =
                (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["access_token"] as? String
            var list = URLRequest(url: sandbox.url("/usage-engine/usage-metering/v1/meter-types?name=Pay-Per-Print"))
            list.setValue("Bearer \(accessToken ?? "")", forHTTPHeaderField: "Authorization")
            let (body, response) = try await URLSession.shared.data(for: list)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self) == #"{"meterTypes":[]}"#)
        }
    }
}
