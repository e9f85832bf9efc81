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
        JSONResponse(JobList(jobs: try await allJobs()))
    }

    /// Every vendor's jobs, newest first.
    private func allJobs() async throws -> [AdminJob] {
        var jobs: [AdminJob] = []
        for emulator in sandbox.emulators { jobs += try await emulator.adminJobs() }
        return jobs.sorted { $0.createTime > $1.createTime }
    }

    func getJob(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let id = context.parameters.get("id") ?? ""
        guard let job = try await allJobs().first(where: { $0.id == id }) else {
            throw AdminError.notFound("job \(id) not found")
        }
        return JSONResponse(job)
    }

    func forceJob(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let id = context.parameters.get("id") ?? ""
        let body = try await request.decodeJSON(ForceJob.self, context: context)
        for emulator in sandbox.emulators {
            if let job = try await emulator.forceJob(id: id, status: body.status) { return JSONResponse(job) }
        }
        throw AdminError.notFound("job \(id) not found")
    }
}
