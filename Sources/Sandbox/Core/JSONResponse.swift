import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON response with an explicit status, keys in declaration order and `/` unescaped, as the vendors write JSON.
struct JSONResponse<Body: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]
    let body: Body

    init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], _ body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try OrderedJSONEncoder.encode(body)
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A JSON response whose body is already encoded, such as a page spliced from stored JSON.
struct RawJSONResponse: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let buffer: ByteBuffer

    init(status: HTTPResponse.Status = .ok, data: Data) {
        self.status = status
        self.buffer = ByteBuffer(bytes: data)
    }

    init(status: HTTPResponse.Status = .ok, buffer: ByteBuffer) {
        self.status = status
        self.buffer = buffer
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }
}

/// A response whose body is a file to download, such as an export CSV.
struct FileResponse: ResponseGenerator {
    let data: Data
    let contentType: String
    let fileName: String
    var inline = false

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if !inline { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
