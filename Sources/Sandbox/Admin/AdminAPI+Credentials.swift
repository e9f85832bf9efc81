import Foundation
import Hummingbird

extension AdminAPI {
    struct CredentialList: Encodable, Sendable {
        let credentials: [Credential.Wire]
    }

    /// `POST /__admin/credentials`: `{"vendor":"zylo"}` or `{"vendor":"mason"}`, optionally with the vendor's own
    /// field names for explicit values (Zylo `tokenId`, `tokenSecret`, `companyId`; Mason `apiKey`, `scopes`,
    /// `connect:read` by default; see each ``VendorEmulator/makeCredential(_:ids:now:)``) and a `label`.
    struct NewCredential: Decodable, Sendable {
        let vendor: String
        let request: CredentialRequest

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// Every vendor's credential field names: a value of the wrong type under one of them is a 400.
        static let credentialFields: Set<String> = Set(
            Vendor.allCases.flatMap { vendor in
                let names = vendor.credentialFieldNames
                return [names.key, names.tenant] + (names.secret.map { [$0] } ?? [])
            } + ["audience"])

        /// Decodes `vendor`, `label`, `scopes` and every other field as a string; an integer (Hyalto's account
        /// ids are JSON numbers) is kept as its text.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            vendor = try c.decode(String.self, forKey: Key("vendor"))
            var fields: [String: String] = [:]
            for key in c.allKeys where !["vendor", "label", "scopes"].contains(key.stringValue) {
                if try c.decodeNil(forKey: key) { continue }
                if let number = try? c.decode(Int64.self, forKey: key) {
                    fields[key.stringValue] = String(number)
                } else if let text = try? c.decode(String.self, forKey: key) {
                    fields[key.stringValue] = text
                } else if Self.credentialFields.contains(key.stringValue) {
                    fields[key.stringValue] = try c.decode(String.self, forKey: key)
                }
                // Other fields the admin API does not know are ignored, as they always were.
            }
            request = CredentialRequest(
                fields: fields, scopes: try c.decodeIfPresent([String].self, forKey: Key("scopes")),
                label: try c.decodeIfPresent(String.self, forKey: Key("label")))
        }
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
        guard let emulator = sandbox.emulator(vendor) else {
            throw AdminError.badRequest("vendor '\(vendor.rawValue)' is not emulated yet")
        }
        if let label = body.request.label, label.utf8.count > 256 {
            throw AdminError.badRequest("label must be at most 256 bytes long, got \(label.utf8.count)")
        }
        let given = body.request.fields.keys.contains(vendor.credentialFieldNames.tenant)
        // A generated tenant (Hyalto's account id) may collide with an existing one: draw again a few times.
        for attempt in 1...5 {
            let now = SandboxTime.format(sandbox.environment.clock.now())
            let credential = try emulator.makeCredential(body.request, ids: sandbox.environment.ids, now: now)
            do {
                try await sandbox.mint(credential)
                return JSONResponse(status: .created, Credential.Wire(credential: credential))
            } catch Sandbox.MintRefusal.keyTaken {
                let name = vendor.credentialFieldNames.key
                throw AdminError.conflict(
                    "a \(vendor.rawValue) credential with \(name) '\(credential.key)' already exists")
            } catch Sandbox.MintRefusal.tenantTaken where !given && attempt < 5 {
                continue
            } catch Sandbox.MintRefusal.tenantTaken {
                let name = vendor.credentialFieldNames.tenant
                throw AdminError.conflict(
                    "\(name) \(credential.tenant) is taken: it, or an id derived from it, belongs to another "
                        + "\(vendor.rawValue) tenant")
            }
        }
        throw AdminError.conflict("no free \(vendor.credentialFieldNames.tenant) was found; give one")
    }
}
