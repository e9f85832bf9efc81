/// One vendor contract check: an expectation about documented (or chosen) behaviour, exercised over HTTP.
///
/// ```swift
/// ContractCheck(
///     "zylo.auth.rejects-missing-token", .zylo, .seed, "401 body without a token"
/// ) { context in
///     let response = try await context.http.get("/v1/subscriptions", authorized: false)
///     context.record(response, as: "no-token")
///     context.expect(response.status == 401, "status is 401, got \(response.status)")
/// }
/// ```
public struct ContractCheck: Sendable, Identifiable, CustomStringConvertible {
    /// The check's body: it calls the target through `context` and records observations and failures there.
    public typealias Body = @Sendable (CheckContext) async throws -> Void

    /// A stable name, `vendor.area.behaviour`, such as `zylo.subscriptions.paginates-to-end`.
    public let id: String
    /// The vendor the check talks to.
    public let vendor: ContractVendor
    /// Where the expectation comes from.
    public let provenance: Provenance
    /// Whether the check creates data on the target (it runs live only with `CONTRACT_ALLOW_WRITES=1`).
    public let writes: Bool
    /// What the check expects, in one line.
    public let summary: String
    let body: Body

    /// A check named `id` of `vendor`.
    public init(
        _ id: String, _ vendor: ContractVendor, _ provenance: Provenance, writes: Bool = false, _ summary: String,
        body: @escaping Body
    ) {
        self.id = id
        self.vendor = vendor
        self.provenance = provenance
        self.writes = writes
        self.summary = summary
        self.body = body
    }

    /// The id, for test names and logs.
    public var description: String { id }
}
