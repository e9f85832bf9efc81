import Foundation
import Hummingbird
import SandboxFixtures
import Testing

@testable import Sandbox

/// The route tables and the OpenAPI documents cannot drift apart: every emulated route is described, and every
/// described operation is served (path and method), as stripe-mock builds its router from its spec.
@Suite struct RouteTableTests {
    /// Routes that are not vendor operations (the document itself, download links) or lenient aliases of one; a
    /// document may describe them or not.
    static let sandboxOnly: Set<String> = [
        "GET /openapi.json",
        "GET /__sandbox/downloads/{}",
        "POST /oauth/token",
        "GET /beta/{}/data/series/usage/{}",
    ]

    @Test(arguments: Sandbox.emulatedVendors)
    func routeTable_matchesTheOpenAPIDocument(vendor: Vendor) async throws {
        let sandbox = try await Sandbox.open(.testDefaults())
        let prefix = vendor.pathPrefix
        let served = Set(
            sandbox.makeRouter().routes.compactMap { route -> String? in
                let path = Self.normalized(route.path.description)
                guard path.hasPrefix(prefix + "/") else { return nil }
                return "\(route.method.rawValue) \(path.dropFirst(prefix.count))"
            }
        ).subtracting(Self.sandboxOnly)
        let described = try Self.operations(vendor).subtracting(Self.sandboxOnly)
        #expect(served.subtracting(described).sorted() == [], "served but not described")
        #expect(described.subtracting(served).sorted() == [], "described but not served")
    }

    /// `METHOD /path` of every operation in the vendor's OpenAPI document, parameters as `{}`.
    static func operations(_ vendor: Vendor) throws -> Set<String> {
        let data = try #require(SandboxFixtures.openAPIDocument(vendor: vendor.rawValue))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var result: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                result.insert("\(method.uppercased()) \(normalized(path))")
            }
        }
        return result
    }

    /// A path with every parameter (`:id`, `{subscription}`) written `{}`.
    static func normalized(_ path: String) -> String {
        "/"
            + path.split(separator: "/").map { segment in
                segment.hasPrefix(":") || segment.hasPrefix("{") ? "{}" : String(segment)
            }.joined(separator: "/")
    }
}
