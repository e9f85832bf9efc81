import Foundation

extension CheckContext {
    /// How a job check follows an asynchronous job: the statuses the vendor documents, and which of them end it.
    public struct JobStates: Sendable {
        /// Every status the documents name for this job.
        public let documented: Set<String>
        /// The documented statuses after which the job does not change.
        public let final: Set<String>

        /// States `documented`, of which `final` end the job.
        public init(documented: Set<String>, final: Set<String>) {
            self.documented = documented
            self.final = final
        }
    }

    /// Reads the job at `path` until its `status` is final, and answers that last answer; `nil` after a failure. A status outside `states.documented` fails the check at once: a vendor that renames a status
    /// must not cost minutes of polling. Between looks a sandbox's virtual clock moves 15 seconds (at most 40
    /// times); a live job is looked at again after its `Retry-After`, else after 0.5, 1, 2, 4, 8, then every 15
    /// seconds, for at most ``jobWait`` seconds in all.
    public func followJob(_ path: String, states: JobStates, what: String) async throws -> RawResponse? {
        let started = ContinuousClock.now
        var looks = 0
        while true {
            let response = try await get(path)
            looks += 1
            guard expectStatus(response, 200, "GET \(what)"), let job = response.json else { return nil }
            let status = job["status"]?.string ?? "(no status)"
            guard states.documented.contains(status) else {
                let documented = states.documented.sorted().joined(separator: ", ")
                fail("\(what) answered status \(status), which the vendor does not document (\(documented))")
                return nil
            }
            if states.final.contains(status) { return response }
            guard let wait = nextLook(after: looks, response: response, since: started) else {
                fail("\(what) is still \(status) after \(looks) looks: it never reached \(states.final.sorted())")
                return nil
            }
            try await letTimePass(seconds: wait)
        }
    }

    /// Seconds to let pass before look `looks + 1`, or `nil` when the job has had all the time it gets.
    func nextLook(after looks: Int, response: RawResponse, since started: ContinuousClock.Instant) -> Double? {
        if admin != nil { return looks < 40 ? 15 : nil }
        let hinted = response.header("Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let wait = min(max(hinted ?? 0.5 * Double(1 << min(looks - 1, 5)), 0.1), 15)
        let elapsed = started.duration(to: .now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return seconds + wait <= jobWait ? wait : nil
    }
}
