import Foundation

/// The files shipped in `Fixtures/`: the OpenAPI document of each emulated API, compiled into the binary by the
/// EmbedResources plugin.
public enum SandboxFixtures {
    /// The bytes of `Fixtures/openapi/<vendor>.json`, or `nil` when the vendor has no document yet.
    public static func openAPIDocument(vendor: String) -> Data? {
        EmbeddedResources.data(atPath: "openapi/\(vendor).json")
    }
}
