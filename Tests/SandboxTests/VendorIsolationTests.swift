import Foundation
import Testing

/// Each vendor stands alone: no vendor folder names another vendor's types, so a vendor can be read, changed or
/// removed without touching the others (shared helpers live in `Core/`). Issue 16.
@Suite struct VendorIsolationTests {
    static let vendors = ["Zylo", "Mason", "Hyalto", "UsageEngine"]

    @Test(arguments: vendors)
    func vendorFolder_namesNoOtherVendorsTypes(vendor: String) throws {
        let folder = Self.sources.appendingPathComponent(vendor)
        let others = Self.vendors.filter { $0 != vendor }.joined(separator: "|")
        let pattern = try NSRegularExpression(pattern: "\\b(\(others))[A-Z][A-Za-z]*\\b")
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
        #expect(found == [], "\(vendor) names another vendor's types")
    }

    /// `Sources/Sandbox`, found from this file's place in the repository.
    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Sandbox")
    }
}
