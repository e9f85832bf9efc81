import Foundation

extension ZyloChecks {
    /// Seed `002`: a request with a syntax error gets "400 - Bad Request" with "a message … to briefly explain
    /// why". The upload goes to a job id that was never created, so nothing can be written even if the vendor
    /// read the body; the file is rejected before any job is looked at.
    static func rejectsMalformedUpload(_ c: CheckContext) async throws {
        let list = try await c.get("/v1/subscriptions?pageSize=1")
        guard let subscription = ids(list).first else { throw ContractSkip("the company has no subscriptions") }
        let job = UUID().uuidString.lowercased()
        let response = try await uploadMalformed(c, to: "/v1/subscriptions/\(subscription)/importJob/\(job)")
        c.observe(response, as: "malformed-upload", headers: ["zylo-request-id"])
        expectBadRequest(c, response, "a malformed multipart upload")
    }

    /// A `multipart/form-data` upload whose boundary never occurs in the body: a syntax error in the request.
    static func uploadMalformed(_ c: CheckContext, to path: String) async throws -> RawResponse {
        try await c.http.send(
            "POST", path,
            headers: try await c.authorization() + [
                (name: "accept", value: "application/json"),
                (name: "Content-Type", value: "multipart/form-data; boundary=contract-check-boundary"),
            ],
            body: Data("firstName,lastName\nthis body is not multipart: the boundary never occurs\n".utf8))
    }

    /// Fails unless `response` is the documented 400: JSON with a message (a string, or a list of them), and
    /// `zylo-request-id`.
    static func expectBadRequest(_ c: CheckContext, _ response: RawResponse, _ what: String) {
        c.expectStatus(response, 400, what)
        let message = response.json?["message"]
        let explained = !(message?.string ?? "").isEmpty || !(message?.array?.compactMap(\.string) ?? []).isEmpty
        c.expect(explained, "\(what): the 400 body carries a message, got \(response.snippet)")
        c.expect(response.header("zylo-request-id") != nil, "\(what): the 400 carries zylo-request-id")
    }
}
