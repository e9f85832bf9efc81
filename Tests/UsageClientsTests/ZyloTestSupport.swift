import Foundation
import Sandbox
import SandboxTesting
import UsageClients

extension ZyloClient {
    /// A client for `sandbox`'s Zylo with the demo token (or `secret` in its place), whose waits advance the
    /// sandbox's virtual clock instead of sleeping.
    static func make(_ sandbox: TestSandbox, secret: String = DemoCredentials.zyloTokenSecret) -> ZyloClient {
        let options = ClientOptions(sleep: { duration in
            sandbox.advanceClock(by: Double(duration.components.seconds) + 1)
        })
        return ZyloClient(
            baseURL: sandbox.url(vendor: .zylo), tokenID: DemoCredentials.zyloTokenID, tokenSecret: secret,
            options: options)
    }

    /// The id of the first fixture subscription.
    func firstSubscriptionID() async throws -> String {
        var iterator = subscriptions(pageSize: 1).makeAsyncIterator()
        guard let first = try await iterator.next() else { throw ZyloTestFailure.noSubscriptions }
        return first.id
    }
}

extension ZyloImportRow {
    /// A valid row, changed where the test needs it.
    static func make(
        firstName: String = "Ada", lastName: String = "Lovelace", lastActivityDate: String = "2023-12-20",
        daysActiveOfLast30: Int = 12, licenseNames: [String] = ["Pro", "Admin"], isPaidUser: Bool = true
    ) -> ZyloImportRow {
        ZyloImportRow(
            firstName: firstName, lastName: lastName, lastActivityDate: lastActivityDate,
            daysActiveOfLast30: daysActiveOfLast30, licenseNames: licenseNames, isPaidUser: isPaidUser)
    }
}

extension AsyncSequence where Self: Sendable, Element: Sendable {
    /// Every element, in order.
    func zyloCollect() async throws -> [Element] {
        var all: [Element] = []
        for try await element in self { all.append(element) }
        return all
    }
}

enum ZyloTestFailure: Error {
    case noSubscriptions
}
