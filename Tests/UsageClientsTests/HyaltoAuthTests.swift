import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// Hyalto's token: fetched lazily, reused, replaced after a 401, shared by concurrent callers, sent bare or Bearer.
struct HyaltoAuthTests {
    @Test func token_isFetchedOnceAndReusedAcrossCalls() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let hyalto = HyaltoClient.make(sandbox, transport: transport)
            _ = try await hyalto.accounts()
            _ = try await hyalto.services(accountID: HyaltoDemo.customerID)
            _ = try await hyalto.accounts()
            #expect(transport.count(HyaltoClient.tokenPath) == 1)
            #expect(transport.requests.count == 4)
        }
    }

    @Test func expiredToken_isReplacedAfterOne401() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let hyalto = HyaltoClient.make(sandbox, transport: transport)
            _ = try await hyalto.accounts()
            sandbox.advanceClock(by: 3_601)
            #expect(try await hyalto.accounts().count == HyaltoDemo.customerIDs.count)
            #expect(transport.count(HyaltoClient.tokenPath) == 2)
            #expect(transport.count("/accountManagement/accounts") == 3)
        }
    }

    @Test func concurrentCallersAtExpiry_shareOneTokenFetch() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let hyalto = HyaltoClient.make(sandbox, transport: transport)
            _ = try await hyalto.accounts()
            sandbox.advanceClock(by: 3_601)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await hyalto.accounts().count } }
                for try await count in group { #expect(count == HyaltoDemo.customerIDs.count) }
            }
            #expect(transport.count(HyaltoClient.tokenPath) == 2)
        }
    }

    @Test(arguments: [HyaltoClient.AuthorizationStyle.bare, .bearer])
    func eitherAuthorizationStyle_isAccepted(style: HyaltoClient.AuthorizationStyle) async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let accounts = try await HyaltoClient.make(sandbox, style: style, transport: transport).accounts()
            #expect(accounts.count == HyaltoDemo.customerIDs.count)
            let sent = try #require(transport.requests.last?.authorization)
            #expect(sent.hasPrefix("Bearer ") == (style == .bearer))
            #expect(sent.hasPrefix("eyJ") == (style == .bare))
        }
    }

    @Test func descriptionAndDump_showNoSecretOrToken() async throws {
        try await TestSandbox.run { sandbox in
            let hyalto = HyaltoClient.make(sandbox)
            _ = try await hyalto.accounts()
            var dumped = ""
            dump(hyalto, to: &dumped)
            #expect(String(describing: hyalto) == "HyaltoClient(\(sandbox.url(vendor: .hyalto).absoluteString))")
            #expect(!dumped.contains(DemoCredentials.hyaltoSecretKey) && !dumped.contains("eyJ"))
        }
    }
}
