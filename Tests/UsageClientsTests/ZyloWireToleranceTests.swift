import Foundation
import Testing

@testable import UsageClients

@Suite("ZyloClient tolerates the live vendor's documented variations")
struct ZyloWireToleranceTests {
    static func client(_ steps: [ScriptedTransport.Step]) -> (ZyloClient, ScriptedTransport) {
        let transport = ScriptedTransport(steps)
        let options = ClientOptions(transport: transport, sleep: { _ in })
        return (
            ZyloClient(baseURL: RequestExecutor.testBase, tokenID: "id", tokenSecret: "s3cret", options: options),
            transport
        )
    }

    @Test func subscriptions_sparseObjectWithOffsetTimes_decodesAndSendsTheBearerPair() async throws {
        let body =
            #"{"subscriptions":[{"id":"a","createTime":"2020-01-01T12:00:00+00:00","tags":null,"ssoEnforced":"yes"}],"nextPageToken":""}"#
        let (zylo, transport) = Self.client([.respond(200, body: body)])
        let all = try await zylo.subscriptions().zyloCollect()
        #expect(all.map(\.createTime) == ["2020-01-01T12:00:00+00:00"])
        #expect(all.first?.ssoEnforced == nil && all.first?.tags == [])
        #expect(transport.requests.first?.headers.first { $0.name == "Authorization" }?.value == "Bearer id:s3cret")
    }

    @Test func createExportJob_acceptsA200AndTheSeedPayload() async throws {
        let body =
            #"{"id":"8f42b1f6-06a4-465a-aff2-83be8fcf0886","name":"subscriptions/*/exportJobs","status":"IN_PROGRESS","createTime":"2020-01-01T12:00:00+00:00","companyId":"c"}"#
        let (zylo, transport) = Self.client([.respond(200, body: body)])
        let job = try await zylo.createExportJob()
        #expect(job.status == .inProgress && job.createTime == "2020-01-01T12:00:00+00:00")
        #expect(transport.requests.first?.url.path == "/v1/subscriptions/-/exportJobs")
    }

    @Test func downloadExport_getsTheAbsoluteLinkWithoutCredentials() async throws {
        let job = #"{"id":"j","status":"COMPLETE","downloadUri":"https://files.example.com/export.csv?sig=a%2Bb"}"#
        let (zylo, transport) = Self.client([.respond(200, body: job), .respond(200, body: "firstName\r\nAda\r\n")])
        let rows = try await zylo.downloadExport(try await zylo.exportJob(id: "j"))
        #expect(rows.map(\.firstName) == ["Ada"])
        let download = try #require(transport.requests.last)
        #expect(download.url.absoluteString == "https://files.example.com/export.csv?sig=a%2Bb")
        #expect(!download.headers.contains { $0.name == "Authorization" })
    }

    @Test func runImport_uploadsMultipartAndReadsTheJobBackAfterAnEmptyUploadAnswer() async throws {
        let open = #"{"id":"j","status":"OPEN","createTime":"2021-05-24T20:14:30.886Z"}"#
        let (zylo, transport) = Self.client([
            .respond(201, body: open), .respond(200), .respond(200, body: #"{"id":"j","status":"COMPLETE"}"#),
        ])
        let result = try await zylo.runImport(subscriptionID: "s", rows: [.make()])
        #expect(result.succeeded)
        let upload = try #require(transport.requests.dropFirst().first)
        let form = String(decoding: upload.body ?? Data(), as: UTF8.self)
        #expect(form.contains(#"name="file"; filename="import.csv""#) && form.contains("Content-Type: text/csv"))
        #expect(form.contains("Ada,Lovelace,2023-12-20,12,\"Pro,Admin\",true\r\n"))
    }

    @Test func downloadExport_ofAZeroByteFile_isADecodingError() async throws {
        let job = #"{"id":"j","status":"COMPLETE","downloadUri":"https://files.example.com/export.csv"}"#
        let (zylo, _) = Self.client([.respond(200, body: job), .respond(200, body: "")])
        let done = try await zylo.exportJob(id: "j")
        let error = try await #require(throws: UsageClientError.self) { _ = try await zylo.downloadExport(done) }
        #expect(error.kind == .decoding)
    }

    @Test func runImport_anUndocumentedFailureStatus_throwsJobFailed() async throws {
        let (zylo, _) = Self.client([
            .respond(201, body: #"{"id":"j","status":"OPEN"}"#), .respond(200, body: #"{"id":"j","status":"FAILED"}"#),
        ])
        let error = try await #require(throws: UsageClientError.self) {
            _ = try await zylo.runImport(subscriptionID: "s", rows: [.make()])
        }
        #expect(error.kind == .jobFailed && error.message.contains("FAILED"))
    }

    @Test func expiredDownloadLink_isNamedWithoutItsSignature() async throws {
        let job = #"{"id":"j","status":"COMPLETE","downloadUri":"https://files.example.com/e.csv?sig=SECRETSIG"}"#
        let (zylo, _) = Self.client([.respond(200, body: job), .respond(403, body: #"{"message":"expired"}"#)])
        let done = try await zylo.exportJob(id: "j")
        let error = try await #require(throws: UsageClientError.self) { _ = try await zylo.downloadExport(done) }
        #expect(error.status == 403 && error.operation == "download export j")
        #expect(!error.description.contains("SECRETSIG"))
    }

    @Test func clientDescriptions_neverShowTheSecret() {
        let (zylo, _) = Self.client([])
        #expect(!String(describing: zylo).contains("s3cret"))
        #expect(!String(reflecting: zylo).contains("s3cret"))
        let mason = MasonClient(apiKey: "k3y-secret")
        #expect(!String(reflecting: mason).contains("k3y-secret"))
        var dumped = ""
        dump(zylo, to: &dumped)
        dump(mason, to: &dumped)
        #expect(!dumped.contains("s3cret") && !dumped.contains("k3y-secret"))
    }
}
