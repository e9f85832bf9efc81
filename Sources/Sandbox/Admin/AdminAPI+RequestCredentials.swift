import Foundation
import Hummingbird
import UsageJSON

extension AdminAPI {
    /// The journal entries of `records` with the credential each request was made with, told from its
    /// `Authorization` header or token request body the way scenarios tell them (``ScenarioIdentity``), matched
    /// against the credential store once per page rather than once per request.
    func entriesWithCredentials(_ records: [RequestJournal.Record]) async throws -> [RequestJournal.Entry] {
        guard !records.isEmpty else { return [] }
        let credentials = try await sandbox.credentials.all()
        var byKey: [String: Credential] = [:]
        var byTenant: [String: [Credential]] = [:]
        for credential in credentials {
            byKey["\(credential.vendor.rawValue) \(credential.key)"] = credential
            byTenant["\(credential.vendor.rawValue) \(credential.tenant)", default: []].append(credential)
        }
        return records.map { record in
            var entry = record.entry
            guard let vendor = record.vendor else { return entry }
            let body: JSONValue? =
                if case .raw(let data)? = record.body {
                    ScenarioRequest.parseBody(data, contentType: record.requestHeaders[.contentType])
                } else { nil }
            let identity = ScenarioIdentity(
                vendor: vendor, authorization: record.requestHeaders[.authorization], body: body)
            var credential: Credential?
            if let key = identity.key {
                credential = byKey["\(vendor.rawValue) \(key)"]
            } else if let tenant = identity.tenant {
                let candidates = byTenant["\(vendor.rawValue) \(tenant)"] ?? []
                credential =
                    candidates.first { candidate in identity.apiKeyID.map { candidate.key.hasPrefix("\($0).") } ?? false
                    }
                    ?? (candidates.count == 1 ? candidates.first : nil)
            }
            guard let credential else { return entry }
            entry.credential = credential.id
            entry.credentialLabel = credential.label ?? (vendor == .mason ? credential.id : credential.key)
            return entry
        }
    }
}
