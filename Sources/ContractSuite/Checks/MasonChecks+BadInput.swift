extension MasonChecks {
    /// The public API docs: 400 is "The request was unacceptable, often due to missing a required parameter",
    /// and every non-200 answer is `{"type", "message"}`. The seed makes `date`, `start` and `end` required.
    static func rejectsMissingParameter(_ c: CheckContext, _ rest: String, label: String, what: String) async throws {
        let response = try await c.get(path(c, rest))
        c.observe(response, as: label)
        c.expectStatus(response, 400, what)
        c.expect(
            response.json?.keys == ["message", "type"], "\(what): the body is {type, message}: \(response.snippet)")
        c.expect(response.json?["type"]?.string?.isEmpty == false, "\(what): type is a string")
        c.expect(response.json?["message"]?.string?.isEmpty == false, "\(what): message is a string")
    }

    static func rejectsMissingDate(_ c: CheckContext) async throws {
        try await rejectsMissingParameter(
            c, "/aggregate/usage/sim?orderBy=desc", label: "no-date", what: "SIM aggregates without date")
    }

    static func rejectsMissingEnd(_ c: CheckContext) async throws {
        try await rejectsMissingParameter(
            c, "/series/usage?start=2020-08-01T00:00:00Z", label: "no-end", what: "the account series without end")
    }
}
