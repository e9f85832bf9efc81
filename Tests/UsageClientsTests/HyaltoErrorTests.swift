import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// Hyalto's failures as ``UsageClientError``s: status, decoded body, and never a secret in the description.
struct HyaltoErrorTests {
    @Test func reportEndingBeforeItStarts_is400() async throws {
        try await TestSandbox.run { sandbox in
            let from = try Date.hyalto("2018-07-14T12:00:00Z")
            let error = try await #require(throws: UsageClientError.self) {
                try await HyaltoClient.make(sandbox).usageReport(serviceID: HyaltoDemo.vdcID, from: from, to: from)
            }
            #expect(error.status == 400 && error.vendor == "hyalto")
            #expect(error.errorBody?["error"] == "Bad Request")
            #expect(error.message.contains("filter[from]"))
        }
    }

    @Test func wrongSecretKey_failsTheTokenFetchWith401() async throws {
        try await TestSandbox.run { sandbox in
            let secret = "00000000-0000-4000-8000-000000000000"
            let error = try await #require(throws: UsageClientError.self) {
                try await HyaltoClient.make(sandbox, secretKey: secret).accounts()
            }
            #expect(error.status == 401 && error.operation == "POST \(HyaltoClient.tokenPath)")
            #expect(error.errorBody?["status"] == "401")
            #expect(!error.description.contains(secret) && !error.message.contains(secret))
        }
    }

    @Test func unknownService_is404() async throws {
        try await TestSandbox.run { sandbox in
            let from = try Date.hyalto("2018-07-13T12:00:00Z")
            let error = try await #require(throws: UsageClientError.self) {
                try await HyaltoClient.make(sandbox).usageReport(serviceID: 999, from: from, to: from + 3_600)
            }
            #expect(error.status == 404 && error.operation == "GET /reports/usage/service/999")
            #expect(error.errorBody?["error"] == "Not Found" && error.errorBody?["message"] != nil)
        }
    }

    @Test func unknownAccount_is404_andTheDescriptionHoldsNoTokenOrSecret() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let error = try await #require(throws: UsageClientError.self) {
                try await HyaltoClient.make(sandbox, transport: transport).services(accountID: 99)
            }
            #expect(error.status == 404)
            let token = try #require(transport.requests.last?.authorization?.split(separator: " ").last)
            for text in [error.description, String(reflecting: error)] {
                #expect(!text.contains(token) && !text.contains(DemoCredentials.hyaltoSecretKey))
            }
        }
    }
}
