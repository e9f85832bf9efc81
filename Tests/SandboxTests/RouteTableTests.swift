import Foundation
import Hummingbird
import HummingbirdTesting
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

    /// One handler serves every vendor's OpenAPI document, one route per vendor and none in a route table; a name
    /// that is not an emulated vendor gets a 404.
    @Test func openAPIDocumentRoute_isRegisteredOnce() async throws {
        let sandbox = try await Sandbox.open(.testDefaults())
        let routes = sandbox.makeRouter().routes.filter { $0.path.description.hasSuffix("openapi.json") }
        #expect(routes.count == Sandbox.emulatedVendors.count)
        let tables = try FileManager.default.contentsOfDirectory(atPath: VendorIsolationTests.sources.path)
            .flatMap { folder in
                let url = VendorIsolationTests.sources.appendingPathComponent(folder)
                return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
                    .filter { $0.hasSuffix("Routes.swift") }.map { url.appendingPathComponent($0) }
            }
        #expect(tables.count == Sandbox.emulatedVendors.count)
        for table in tables {
            #expect(try !String(contentsOf: table, encoding: .utf8).contains("openapi"), "\(table.lastPathComponent)")
        }
        let app = Application(responder: sandbox.makeResponder())
        try await app.test(.router) { client in
            for vendor in Sandbox.emulatedVendors {
                try await client.execute(uri: "\(vendor.pathPrefix)/openapi.json", method: .get) { response in
                    #expect(response.status == .ok, "\(vendor)")
                    let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(document?["paths"] != nil, "\(vendor)")
                }
            }
            try await client.execute(uri: "/acme/openapi.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
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
