import Foundation
import Hummingbird
import UsageJSON

extension AdminAPI {
    /// A scenario as `GET /__admin/scenarios` lists it.
    struct ScenarioInfo: Encodable, Sendable {
        let name: String
        let description: String
        let vendors: [String]
        let rules: [String]
        let source: String
        /// The document as written; only in `GET /__admin/scenarios/{name}`.
        var document: JSONValue?
        var active: [ScenarioActivationSummary]

        init(_ scenario: Scenario, active: [ScenarioActivationSummary], document: Bool = false) {
            name = scenario.name
            description = scenario.description
            vendors = scenario.vendors.map(\.rawValue)
            rules = scenario.rules.map(\.name)
            source = scenario.source
            self.document = document ? scenario.document : nil
            self.active = active.filter { $0.scenario == scenario.name }
        }
    }

    struct ScenarioList: Encodable, Sendable {
        let scenarios: [ScenarioInfo]
        let active: [ScenarioActivationSummary]
    }

    struct ActiveList: Encodable, Sendable {
        let active: [ScenarioActivationSummary]
    }

    struct Deactivated: Encodable, Sendable {
        let deactivated: Int
    }

    /// `{"credential": "<id or key>"}`: limits an activation to requests made with one credential.
    struct ScenarioTarget: Decodable, Sendable {
        let credential: String?
    }

    func registerScenarios(on group: RouterGroup<SandboxContext>) {
        group.get("scenarios", use: listScenarios)
        group.post("scenarios", use: addScenario)
        group.get("scenarios/active", use: listActive)
        group.delete("scenarios/active", use: deactivateAll)
        group.get("scenarios/:name", use: getScenario)
        group.post("scenarios/:name/activate", use: activateScenario)
        group.post("scenarios/:name/deactivate", use: deactivateScenario)
    }

    func listScenarios(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let active = sandbox.scenarios.activations()
        return JSONResponse(
            ScenarioList(
                scenarios: sandbox.scenarios.scenarios().map { ScenarioInfo($0, active: active) }, active: active))
    }

    /// `POST /__admin/scenarios` with a scenario document: adds it to the library (replacing one of its name).
    func addScenario(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.collectBody(context: context)
        let scenario: Scenario
        do {
            scenario = try ScenarioLibrary.parse(Data(body.readableBytesView), source: "admin")
        } catch {
            var refusal = AdminError.badRequest(
                error.problems.map { "\($0.field.isEmpty ? "body" : $0.field): \($0.message)" }.joined(separator: "; "))
            refusal.problems = error.problems.map { AdminError.Problem(field: $0.field, message: $0.message) }
            throw refusal
        }
        sandbox.scenarios.add(scenario)
        return JSONResponse(status: .created, ScenarioInfo(scenario, active: []))
    }

    func getScenario(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let scenario = try scenario(context)
        return JSONResponse(ScenarioInfo(scenario, active: sandbox.scenarios.activations(), document: true))
    }

    func listActive(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(ActiveList(active: sandbox.scenarios.activations()))
    }

    func deactivateAll(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(Deactivated(deactivated: sandbox.scenarios.deactivate(nil)))
    }

    /// `POST /__admin/scenarios/{name}/activate`, optionally `{"credential": "<id or key>"}`.
    func activateScenario(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let scenario = try scenario(context)
        let credential = try await targetCredential(&request, context: context)
        let summary = try sandbox.scenarios.activate(scenario.name, credential: credential)
        return JSONResponse(status: .created, summary)
    }

    /// `POST /__admin/scenarios/{name}/deactivate`, optionally only the activation for one credential.
    func deactivateScenario(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let scenario = try scenario(context)
        let credential = try await targetCredential(&request, context: context)
        return JSONResponse(
            Deactivated(deactivated: sandbox.scenarios.deactivate(scenario.name, credentialID: credential?.id)))
    }

    private func scenario(_ context: SandboxContext) throws -> Scenario {
        let name = context.parameters.get("name") ?? ""
        guard let scenario = sandbox.scenarios.scenario(named: name) else {
            let known = sandbox.scenarios.scenarios().map(\.name).joined(separator: ", ")
            throw AdminError.notFound("scenario '\(name)' not found; known scenarios: \(known)")
        }
        return scenario
    }

    /// The credential named by an optional `{"credential": ...}` body: its id or its key.
    private func targetCredential(_ request: inout Request, context: SandboxContext) async throws -> Credential? {
        let body = try await request.collectBody(context: context)
        guard body.readableBytes > 0 else { return nil }
        let target: ScenarioTarget
        do {
            target = try JSONDecoder().decode(ScenarioTarget.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw AdminError.badRequest(error.sandboxDescription)
        }
        guard let name = target.credential else { return nil }
        guard let credential = try await credential(named: name)
        else { throw AdminError.notFound("credential '\(name)' not found: give a credential's id or key") }
        return credential
    }

    /// The credential whose id or key is `name`: how the admin API lets a caller name one.
    func credential(named name: String) async throws -> Credential? {
        try await sandbox.credentials.all().first { $0.id == name || $0.key == name }
    }
}
