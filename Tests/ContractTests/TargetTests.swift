import ContractSuite
import Foundation
import Testing

/// Target resolution, and what a live target runs and skips.
struct TargetTests {
    @Test(arguments: ["inprocess", "live", "http://127.0.0.1:8080"])
    func parse_acceptsDocumentedTargets(_ text: String) throws {
        #expect(try ContractTarget.parse(text).description == text)
    }

    @Test(arguments: ["ftp://example.com", "nonsense", "sandbox"])
    func parse_rejectsOtherTargets(_ text: String) {
        #expect(throws: ContractFailure.self) { try ContractTarget.parse(text) }
    }

    @Test func parse_sandboxTakesSandboxURLAndAdminToken() throws {
        let target = try ContractTarget.parse(
            "sandbox", environment: ["SANDBOX_URL": "http://127.0.0.1:9", "SANDBOX_ADMIN_TOKEN": "t"])
        #expect(target == .sandbox(try #require(URL(string: "http://127.0.0.1:9")), adminToken: "t"))
    }

    @Test func live_vendorWithoutVariables_isSkippedNamingThem() async throws {
        let check = try #require(ContractCatalog.check("zylo.auth.rejects-missing-token"))
        let result = await ContractRunner(session: LiveEnvironment.session(["ZYLO_BASE_URL": "http://127.0.0.1:9"]))
            .run(check)
        #expect(result.outcome == .skipped("live variables not set: ZYLO_TOKEN_ID ZYLO_TOKEN_SECRET"))
    }

    @Test func live_runsOnlyDocumentedChecks_andWritesOnlyWhenAllowed() {
        let session = LiveEnvironment.session([:])
        let strict = ContractRunner(session: session)
        let writing = ContractRunner(session: session, allowLiveWrites: true)
        for check in ContractCatalog.all {
            let expectSkip = !check.provenance.isDocumented || check.writes
            #expect((strict.skipReason(check) != nil) == expectSkip, "\(check.id)")
            #expect((writing.skipReason(check) != nil) == !check.provenance.isDocumented, "\(check.id)")
        }
    }

    @Test func catalog_idsAreUniqueAndNamedByVendor() {
        let ids = ContractCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ContractCatalog.all.allSatisfy { $0.id.hasPrefix($0.vendor.rawValue + ".") })
        for vendor in ContractVendor.allCases { #expect(ContractCatalog.checks(for: vendor).count >= 6) }
    }
}
