import Foundation
import Hummingbird
import SandboxFixtures

/// Zylo API v1's operations, one method each, named after the vendor's operation.
struct ZyloHandlers: Sendable {
    let store: ZyloStore
    let credentials: CredentialStore
    let fidelity: SandboxConfiguration.Fidelity

    /// Get list of subscriptions: `GET /v1/subscriptions?pageSize=&pageToken=`.
    func getListOfSubscriptions(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        return RawJSONResponse(
            buffer: try await store.listSubscriptions(
                tenant: credential.tenant, page: try pageRequest(request, context: context)))
    }

    /// Get subscription by ID: `GET /v1/subscriptions/{subscription}`.
    func getSubscriptionByID(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        _ = try await authenticate(request)
        let id = try subscriptionID(context)
        guard let subscription = try await store.subscription(id: id) else { throw Self.subscriptionNotFound(id) }
        return JSONResponse(subscription)
    }

    /// Get subscription license aggregates: `GET /v1/subscriptions/{subscription}/users/aggregates/licenses`.
    func getSubscriptionLicenseAggregates(_ request: Request, context: SandboxContext) async throws
        -> some ResponseGenerator
    {
        let credential = try await authenticate(request)
        let id = try subscriptionID(context)
        guard let aggregates = try await store.licenseAggregates(tenant: credential.tenant, subscriptionId: id) else {
            throw Self.subscriptionNotFound(id)
        }
        return JSONResponse(aggregates)
    }

    /// Create new export job record: `POST /v1/subscriptions/{subscription|-}/exportJobs`.
    func createNewExportJobRecord(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        let scope = try subscriptionID(context, allowAll: true)
        guard let job = try await store.createExportJob(tenant: credential.tenant, scope: scope) else {
            throw Self.subscriptionNotFound(scope)
        }
        return JSONResponse(status: .created, job.wire(baseURL: context.vendorBaseURL))
    }

    /// Get export jobs by subscription: `GET /v1/subscriptions/{subscription|-}/exportJobs`.
    func getExportJobsBySubscription(_ request: Request, context: SandboxContext) async throws
        -> some ResponseGenerator
    {
        let credential = try await authenticate(request)
        let scope = try subscriptionID(context, allowAll: true)
        if scope != "-", try await store.subscription(id: scope) == nil { throw Self.subscriptionNotFound(scope) }
        let page = try await store.listExportJobs(
            tenant: credential.tenant, scope: scope, page: try pageRequest(request, context: context))
        let jobs = page.items.map { $0.wire(baseURL: context.vendorBaseURL) }
        return JSONResponse(ZyloWire.ExportJobList(nextPageToken: page.nextPageToken, exportJobs: jobs))
    }

    /// Get export job by ID: `GET /v1/subscriptions/{subscription|-}/exportJobs/{exportJob}` (paging parameters,
    /// which the vendor's template shows, are accepted and ignored).
    func getExportJobByID(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        let scope = try subscriptionID(context, allowAll: true)
        let id = jobID(context, parameter: "exportJob")
        guard let job = try await store.exportJob(tenant: credential.tenant, scope: scope, id: id) else {
            throw ZyloAPIError.notFound("Export job \(id) not found")
        }
        return JSONResponse(job.wire(baseURL: context.vendorBaseURL))
    }

    /// Create new import Job: `POST /v1/subscriptions/{subscription}/importJob`.
    func createNewImportJob(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        let id = try subscriptionID(context)
        guard let job = try await store.createImportJob(tenant: credential.tenant, subscriptionId: id) else {
            throw Self.subscriptionNotFound(id)
        }
        return JSONResponse(status: .created, job.wire(baseURL: context.vendorBaseURL))
    }

    /// Get import jobs by subscription: `GET /v1/subscriptions/{subscription}/importJob`.
    func getImportJobsBySubscription(_ request: Request, context: SandboxContext) async throws
        -> some ResponseGenerator
    {
        let credential = try await authenticate(request)
        let id = try subscriptionID(context)
        guard
            let page = try await store.listImportJobs(
                tenant: credential.tenant, subscriptionId: id, page: try pageRequest(request, context: context))
        else { throw Self.subscriptionNotFound(id) }
        let jobs = page.items.map { $0.wire(baseURL: context.vendorBaseURL) }
        return JSONResponse(ZyloWire.ImportJobList(nextPageToken: page.nextPageToken, importJobs: jobs))
    }

    /// Get import job by ID: `GET /v1/subscriptions/{subscription}/importJob/{importJob}`.
    func getImportJobByID(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        let subscription = try subscriptionID(context)
        let id = jobID(context, parameter: "importJob")
        guard let job = try await store.importJob(tenant: credential.tenant, subscriptionId: subscription, id: id)
        else { throw ZyloAPIError.notFound("Import job \(id) not found") }
        return JSONResponse(job.wire(baseURL: context.vendorBaseURL))
    }

    /// Upload a file to an import job: `POST /v1/subscriptions/{subscription}/importJob/{importJob}`, multipart
    /// with the CSV in the field `file`.
    func uploadImportJobFile(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let credential = try await authenticate(request)
        let subscription = try subscriptionID(context)
        let id = jobID(context, parameter: "importJob")
        var request = request
        let body = try await request.collectBody(context: context)
        let file = try MultipartForm.file(
            named: "file", in: Data(body.readableBytesView), contentType: request.headers[.contentType])
        guard
            let job = try await store.uploadImportFile(
                tenant: credential.tenant, subscriptionId: subscription, id: id, file: file)
        else { throw ZyloAPIError.notFound("Import job \(id) not found") }
        return JSONResponse(status: .created, job.wire(baseURL: context.vendorBaseURL))
    }

    /// Create Usage Connect import job: `POST /v1/usageconnect/{usageconnectId}/import/`, with the CSV as a
    /// multipart field `file` or as a `text/csv` body (the vendor does not document the body).
    func createUsageConnectImportJob(_ request: Request, context: SandboxContext) async throws
        -> some ResponseGenerator
    {
        let credential = try await authenticate(request)
        guard let connection = context.parameters.get("usageconnectId"), UUID(uuidString: connection) != nil else {
            throw ZyloAPIError.notFound("Usage Connect connection not found: the id must be a UUID")
        }
        var request = request
        let body = try await request.collectBody(context: context)
        let contentType = request.headers[.contentType]
        let file =
            contentType?.lowercased().hasPrefix("multipart/") == true
            ? try MultipartForm.file(named: "file", in: Data(body.readableBytesView), contentType: contentType)
            : Data(body.readableBytesView)
        let job = try await store.createUsageConnectImport(
            tenant: credential.tenant, usageConnectId: connection.lowercased(), file: file)
        return JSONResponse(status: .created, job.wire(baseURL: context.vendorBaseURL))
    }

    /// The `downloadUri` of a finished export, or the error report of an import.
    func download(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        switch try await store.download(token: context.parameters.get("token") ?? "") {
        case .file(let data, let name):
            return FileResponse(data: data, contentType: "text/csv; charset=utf-8", fileName: name)
        case .expired: throw ZyloAPIError.forbidden("Download link has expired")
        case .notFound: throw ZyloAPIError.notFound("Not Found")
        }
    }

    // MARK: Parameters

    static func subscriptionNotFound(_ id: String) -> ZyloAPIError {
        ZyloAPIError.notFound("Subscription \(id) not found")
    }

    /// The `{subscription}` path segment; `-` (all subscriptions) only where the vendor documents it.
    func subscriptionID(_ context: SandboxContext, allowAll: Bool = false) throws -> String {
        let id = context.parameters.get("subscription") ?? ""
        if id == "-" && !allowAll { throw Self.subscriptionNotFound(id) }
        return id
    }

    /// A job id path segment; in lenient mode the seed's `2F<uuid>` (a leaked `%2F`) means `<uuid>`.
    func jobID(_ context: SandboxContext, parameter: String) -> String {
        let raw = context.parameters.get(parameter) ?? ""
        guard fidelity == .lenient else { return raw }
        for prefix in ["%2F", "%2f", "2F", "2f"] where raw.hasPrefix(prefix) {
            let rest = String(raw.dropFirst(prefix.count))
            if UUID(uuidString: rest) != nil { return rest }
        }
        return raw
    }

    /// `pageSize` and `pageToken`; `pageSize` must be a whole number from 1 to the configured maximum.
    /// A scenario's page-size cap, if one is in force, shortens every page without changing the tokens.
    func pageRequest(_ request: Request, context: SandboxContext) throws -> ZyloStore.PageRequest {
        let maximum = store.settings.maxPageSize
        var pageSize: Int?
        if let text = request.queryValue("pageSize"), !text.isEmpty {
            guard let value = Int(text), (1...maximum).contains(value) else {
                throw ZyloAPIError.badRequest("pageSize must be an integer from 1 to \(maximum), got '\(text)'")
            }
            pageSize = value
        }
        return ZyloStore.PageRequest(
            pageSize: pageSize, pageToken: request.queryValue("pageToken"), cap: context.pageSizeCap)
    }
}
