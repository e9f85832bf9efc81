import Foundation

extension ZyloClient {
    /// Runs `body`, the calls of one job from its creation to its file, as one operation that ends by `deadline`
    /// (`options.deadline` when `nil`): every call inside ends by then too.
    func asOneOperation<T: Sendable>(
        deadline: Duration?, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let end = ContinuousClock.now + (deadline ?? options.deadline)
        return try await RequestExecutor.$operationDeadline.withValue(end) { try await body() }
    }

    /// Polls a job with backoff from `interval` until `isFinished` says so, within the running operation's
    /// deadline.
    ///
    /// A job in a failure state ends the poll with `.jobFailed`; a wait that would end past the deadline is not
    /// made, and the poll ends at once with `.deadlineExceeded`.
    func poll<Job: Sendable>(
        _ kind: String, _ job: Job, id: String, status: (Job) -> ZyloJobStatus, interval: Duration,
        isFinished: (Job) -> Bool, next: () async throws -> Job
    ) async throws -> Job {
        let started = ContinuousClock.now
        let budget = (RequestExecutor.operationDeadline ?? started + options.deadline) - started
        var job = job
        var polls = 0
        var waited = Duration.zero
        while !isFinished(job) {
            guard !status(job).isFailure else {
                throw UsageClientError(
                    kind: .jobFailed, vendor: "zylo", operation: "\(kind) job \(id)",
                    message: "\(kind) job \(id) ended \(status(job))")
            }
            let wait = Self.backoff(interval, poll: polls)
            // A wait counts as spent even when `options.sleep` does not really sleep (in tests), so how often a
            // job is polled does not depend on how waiting is done.
            guard max(ContinuousClock.now - started, waited) + wait < budget else {
                throw UsageClientError(
                    kind: .deadlineExceeded, vendor: "zylo", operation: "\(kind) job \(id)",
                    message: "\(kind) job \(id) is still \(status(job)) after \(polls) polls, and the next poll would "
                        + "come after the deadline")
            }
            try await options.sleep(wait)
            waited += wait
            polls += 1
            job = try await next()
        }
        return job
    }

    /// The wait before poll `poll + 1`: doubling from `interval`, at most 16 times it.
    static func backoff(_ interval: Duration, poll: Int) -> Duration {
        interval * (1 << min(poll, 4))
    }
}
