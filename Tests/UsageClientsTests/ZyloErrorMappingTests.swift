import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("ZyloClient error mapping")
struct ZyloErrorMappingTests {
    @Test(arguments: [0, -1, 101])
    func subscriptions_badPageSize_is400WithTheVendorBody(pageSize: Int) async throws {
        try await TestSandbox.run { sandbox in
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).subscriptions(pageSize: pageSize).zyloCollect()
            }
            #expect(error.status == 400)
            #expect(error.errorBody?["statusCode"] == "400")
            #expect(error.errorBody?["message"]?.contains("pageSize") == true)
            #expect(error.requestID != nil)
        }
    }

    @Test func wrongSecret_is401AndTheDescriptionHidesTheSecret() async throws {
        try await TestSandbox.run { sandbox in
            let secret = "not-the-secret-8d1f"
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox, secret: secret).subscription(id: "anything")
            }
            #expect(error.status == 401)
            #expect(error.errorBody?["message"] == "Unauthorized")
            #expect(error.requestID != nil)
            #expect(!error.description.contains(secret))
            #expect(!String(describing: error).contains(secret))
        }
    }

    @Test func unknownSubscription_is404WithRequestID() async throws {
        try await TestSandbox.run { sandbox in
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).subscription(id: "00000000-0000-4000-8000-000000000000")
            }
            #expect(error.kind == .http(status: 404))
            #expect(error.errorBody?["statusCode"] == "404")
            #expect(error.requestID?.isEmpty == false)
            #expect(error.operation.hasPrefix("GET /v1/subscriptions/"))
        }
    }

    @Test func unknownSubscription_failsAggregatesAndImportsWith404() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let unknown = "00000000-0000-4000-8000-000000000000"
            await #expect(throws: UsageClientError.self) {
                _ = try await zylo.licenseAggregates(subscriptionID: unknown)
            }
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await zylo.createImportJob(subscriptionID: unknown)
            }
            #expect(error.status == 404)
        }
    }

    @Test func uploadWithoutTheDocumentedHeader_is400() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let subscription = try await zylo.firstSubscriptionID()
            let job = try await zylo.createImportJob(subscriptionID: subscription)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await zylo.uploadImportFile(
                    subscriptionID: subscription, jobID: job.id, csv: Data("a,b\n1,2\n".utf8))
            }
            #expect(error.status == 400)
            #expect(error.requestID != nil)
        }
    }
}
