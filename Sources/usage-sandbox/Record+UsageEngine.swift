import Foundation
import UsageClients

/// Records a Usage Engine account's meter types and meters, every field as the API sends them.
struct UsageEngineRecorder {
    let client: UsageEngineClient
    let anonymizer: RecordAnonymizer
    let folder: String
    let progress: RecordProgress

    func record() async throws {
        progress.begin("usage-engine", unit: "records")
        let types = try await client.meterTypeDocuments()
        progress.advance(types.count)
        let meters = try await client.meterDocuments()
        progress.advance(meters.count)
        try RecordFiles.writeJSON(types, "usage-engine/meter-types.json", in: folder)
        try RecordFiles.writeJSON(meters.map { anonymizer.scrub($0) }, "usage-engine/meters.json", in: folder)
        progress.finish("\(types.count) meter types, \(meters.count) meters")
    }
}
