import Foundation
import Hummingbird

extension AdminAPI {
    struct CredentialList: Encodable, Sendable {
        let credentials: [Credential.Wire]
    }

    /// `POST /__admin/credentials`: `{"vendor":"zylo"}`, optionally with the vendor's own field names for
    /// explicit values (`tokenId`, `tokenSecret`, `companyId`) and a `label`.
    struct NewCredential: Decodable, Sendable {
        let vendor: String
        let label: String?
        let tokenId: String?
        let tokenSecret: String?
        let companyId: String?
    }

    func listCredentials(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var vendor: Vendor?
        if let name = request.queryValue("vendor") {
            guard let known = Vendor(rawValue: name) else { throw AdminError.badRequest("vendor '\(name)' is unknown") }
            vendor = known
        }
        let all = try await sandbox.credentials.all(vendor: vendor)
        return JSONResponse(CredentialList(credentials: all.map(Credential.Wire.init)))
    }

    func createCredential(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.decodeJSON(NewCredential.self, context: context)
        guard let vendor = Vendor(rawValue: body.vendor) else {
            throw AdminError.badRequest(
                "vendor must be one of \(Vendor.allCases.map(\.rawValue).joined(separator: ", ")), got '\(body.vendor)'"
            )
        }
        guard Sandbox.emulatedVendors.contains(vendor) else {
            throw AdminError.badRequest("vendor '\(vendor.rawValue)' is not emulated yet")
        }
        for (name, value) in [
            ("tokenId", body.tokenId), ("tokenSecret", body.tokenSecret), ("companyId", body.companyId),
        ] {
            if let value, value.isEmpty || value.contains(":") && name == "tokenId" {
                throw AdminError.badRequest(
                    "\(name) must be a non-empty string\(name == "tokenId" ? " without ':'" : "")")
            }
        }
        let ids = sandbox.environment.ids
        let credential = Credential(
            id: ids.id(), vendor: vendor, key: body.tokenId ?? ids.id(), secret: body.tokenSecret ?? ids.secret(),
            tenant: body.companyId ?? ids.id(), scopes: [], audience: nil, label: body.label, demo: false,
            createdAt: SandboxTime.format(sandbox.environment.clock.now()))
        guard try await sandbox.credentials.insert(credential) else {
            throw AdminError.conflict("a \(vendor.rawValue) credential with tokenId '\(credential.key)' already exists")
        }
        return JSONResponse(status: .created, Credential.Wire(credential: credential))
    }
}
