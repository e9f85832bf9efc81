import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import Sandbox

/// One reset point: every in-memory cache, memo, limiter and the journal registered itself when it was made, and
/// `POST /__admin/reset` empties each of them (issue 16; the Usage Engine token limiter once slipped through).
@Suite struct ResetTests {
    @Test func reset_emptiesEveryRegisteredPieceAfterEveryVendorFilledIt() async throws {
        try await Harness.run { h in
            _ = try await h.get("/zylo/v1/subscriptions?pageSize=2")
            _ = try await h.request(
                .get, "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z", token: nil,
                headers: [.authorization: "basic \(DemoCredentials.masonAPIKey)"])
            let hyalto =
                #"{"accessKey":"\#(DemoCredentials.hyaltoAccessKey)","secretKey":"\#(DemoCredentials.hyaltoSecretKey)"}"#
            let token = try await h.request(
                .post, "/hyalto/accountManagement/auth/token", token: nil, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: hyalto))
            #expect(token.status == .ok)
            #expect(try await h.ueToken().isEmpty == false)
            let filled = h.sandbox.environment.memory.counts
            #expect(filled.count >= 7, "\(filled)")
            for (name, count) in filled { #expect(count > 0, "\(name) was not exercised") }
            #expect(try await h.post("/__admin/reset", token: nil).status == .ok)
            for (name, count) in h.sandbox.environment.memory.counts { #expect(count == 0, "\(name) kept \(count)") }
        }
    }
}
