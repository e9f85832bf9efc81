import Foundation
import HTTPTypes
import Hummingbird
import SandboxDashboard

extension AdminAPI {
    /// The policy every dashboard file is served with: only the sandbox's own script, styles and admin API; no
    /// inline script, no framing, no forms posting elsewhere. Request data is drawn as text by the script itself.
    static let dashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// `GET /__admin/ui` and `GET /__admin/ui/{file}`: the QA dashboard. Registered before the admin token check:
    /// the files hold no data, and the page asks for the token before it calls the admin API.
    func registerDashboard(on group: RouterGroup<SandboxContext>) {
        group.get("ui", use: dashboardPage)
        group.get("ui/:file", use: dashboardFile)
    }

    func dashboardPage(_ request: Request, context: SandboxContext) async throws -> Response {
        try dashboardResponse("index.html")
    }

    func dashboardFile(_ request: Request, context: SandboxContext) async throws -> Response {
        try dashboardResponse(context.parameters.get("file") ?? "")
    }

    private func dashboardResponse(_ name: String) throws -> Response {
        guard let file = SandboxDashboard.file(named: name) else {
            throw AdminError.notFound("the dashboard has no file '\(name.prefix(64))'; open /__admin/ui")
        }
        let headers: HTTPFields = [
            .contentType: file.contentType,
            .contentSecurityPolicy: Self.dashboardPolicy,
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-cache",
            .referrerPolicy: "no-referrer",
            .xFrameOptions: "DENY",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}

// Literal, valid header names: the initializer fails only for illegal characters.
extension HTTPField.Name {
    // swift-format-ignore: NeverForceUnwrap
    fileprivate static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    // swift-format-ignore: NeverForceUnwrap
    fileprivate static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
