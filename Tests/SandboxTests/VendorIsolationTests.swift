import Foundation
import Testing

/// Each vendor stands alone: no vendor folder names another vendor's types, so a vendor can be read, changed or
/// removed without touching the others (shared helpers live in `Core/`). Issue 16.
@Suite struct VendorIsolationTests {
    static let vendors = ["Zylo", "Mason", "Hyalto", "UsageEngine"]

    @Test(arguments: vendors)
    func vendorFolder_namesNoOtherVendorsTypes(vendor: String) throws {
        let found = try Self.vendorTypes(in: vendor, naming: Self.vendors.filter { $0 != vendor })
        #expect(found == [], "\(vendor) names another vendor's types")
    }

    /// The shared parts reach a vendor only through `VendorEmulator`: the admin API, the scenario stage, the
    /// core and the store name no vendor's types (the composition root, `Sandbox*.swift`, is where vendors meet).
    @Test(arguments: ["Admin", "Core", "Scenarios", "Store", "TLS"])
    func sharedFolder_namesNoVendorsTypes(folder: String) throws {
        let found = try Self.vendorTypes(in: folder, naming: Self.vendors)
        #expect(found == [], "\(folder) names a vendor's types")
    }

    /// `file: Type` for each mention of a type of `vendors` in the Swift files of `Sources/Sandbox/<name>`,
    /// comments aside.
    static func vendorTypes(in name: String, naming vendors: [String]) throws -> [String] {
        let folder = Self.sources.appendingPathComponent(name)
        let pattern = try NSRegularExpression(pattern: "\\b(\(vendors.joined(separator: "|")))[A-Z][A-Za-z]*\\b")
        var found: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let string = String(line)
                for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                    if let range = Range(match.range, in: string) { found.append("\(file): \(string[range])") }
                }
            }
        }
        return found
    }

    /// `Sources/Sandbox`, found from this file's place in the repository.
    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Sandbox")
    }
}
