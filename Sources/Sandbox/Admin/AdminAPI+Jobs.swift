import Foundation
import Hummingbird

extension AdminAPI {
    struct JobList: Encodable, Sendable {
        let jobs: [AdminJob]
    }

    /// `POST /__admin/jobs/{id}`: `{"status": "COMPLETE"}` finishes a job now (an import ends `COMPLETE` or
    /// `COMPLETE_WITH_ERRORS` as its rows dictate); `{"status": "IN_PROGRESS"}` restarts an export's wait.
    struct ForceJob: Decodable, Sendable {
        let status: String
    }

    func listJobs(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(JobList(jobs: try await sandbox.zylo.adminJobs()))
    }

    func getJob(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let id = context.parameters.get("id") ?? ""
        guard let job = try await sandbox.zylo.adminJobs().first(where: { $0.id == id }) else {
            throw AdminError.notFound("job \(id) not found")
        }
        return JSONResponse(job)
    }

    func forceJob(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let id = context.parameters.get("id") ?? ""
        let body = try await request.decodeJSON(ForceJob.self, context: context)
        guard let job = try await sandbox.zylo.forceJob(id: id, status: body.status) else {
            throw AdminError.notFound("job \(id) not found")
        }
        return JSONResponse(job)
    }
}
