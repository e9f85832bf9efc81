import ContractSuite
import Testing

/// Every contract check as its own test, per vendor, against `CONTRACT_TARGET` (an in-process sandbox by default).
@Suite("Vendor contracts")
struct VendorContractTests {
    @Test(.enabled(if: ContractTestTarget.reaches(.hyalto)), arguments: ContractTestTarget.checks(.hyalto))
    func hyalto(_ id: String) async throws { try await expectPasses(id) }

    @Test(.enabled(if: ContractTestTarget.reaches(.usageEngine)), arguments: ContractTestTarget.checks(.usageEngine))
    func usageEngine(_ id: String) async throws { try await expectPasses(id) }

    @Test(.enabled(if: ContractTestTarget.reaches(.zylo)), arguments: ContractTestTarget.checks(.zylo))
    func zylo(_ id: String) async throws { try await expectPasses(id) }

    @Test(.enabled(if: ContractTestTarget.reaches(.mason)), arguments: ContractTestTarget.checks(.mason))
    func mason(_ id: String) async throws { try await expectPasses(id) }

    /// Fails on a failed check, and on a skip where nothing should be skipped (a sandbox target).
    private func expectPasses(_ id: String) async throws {
        let result = try await ContractTestTarget.run(id)
        switch result.outcome {
        case .passed:
            break
        case .failed(let messages):
            Issue.record("\(id) failed:\n\(messages.joined(separator: "\n"))")
        case .skipped(let reason):
            #expect(ContractTestTarget.isLive, "\(id) was skipped on a sandbox: \(reason)")
        }
    }
}
