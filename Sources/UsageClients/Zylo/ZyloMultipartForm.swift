import Foundation

/// A `multipart/form-data` body carrying one file, as Zylo's upload routes take it.
struct ZyloMultipartForm {
    /// The separator between parts, random so it cannot occur in the file.
    let boundary: String
    /// The encoded body.
    let body: Data

    /// A form whose field `field` carries `file` named `filename` of type `contentType`.
    init(field: String = "file", filename: String = "import.csv", contentType: String = "text/csv", file: Data) {
        boundary = "UsageClients-" + UUID().uuidString
        var body = Data()
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8))
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        self.body = body
    }

    /// The request's `Content-Type` header value.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}
