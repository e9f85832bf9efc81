import Foundation

/// The files shipped in `Fixtures/`: the OpenAPI document of each emulated API.
public enum SandboxFixtures {
    /// The bytes of `Fixtures/openapi/<vendor>.json`, or `nil` when the vendor has no document yet.
    public static func openAPIDocument(vendor: String) -> Data? {
        guard let url = Bundle.module.url(forResource: "openapi/\(vendor)", withExtension: "json") else {
            return nil
        }
        return try? Data(contentsOf: url)
    }
}
