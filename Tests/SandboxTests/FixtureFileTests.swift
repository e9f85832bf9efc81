import Foundation
import Testing

@testable import Sandbox

@Suite("Fixture files (--fixtures DIR)")
struct FixtureFileTests {
    static let now = Date(timeIntervalSince1970: 1_704_067_200)

    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString)").path
    }

    @Test func writtenFixtures_loadBackUnchanged() throws {
        let directory = Self.folder()
        let generated = ZyloFixtures.generate(seed: 5, now: Self.now)
        try ZyloFixtureFiles.write(generated, to: directory)
        let loaded = try #require(try ZyloFixtureFiles.load(from: directory))
        #expect(loaded.map(\.subscription) == generated.map(\.subscription))
        #expect(loaded.map(\.users) == generated.map(\.users))
        #expect(loaded.map(\.appName) == generated.map(\.appName))
    }

    @Test func sandbox_servesTheUsersOwnSubscriptionsInsteadOfGeneratedOnes() async throws {
        let directory = Self.folder()
        try ZyloFixtureFiles.write(Array(ZyloFixtures.generate(seed: 5, now: Self.now).prefix(2)), to: directory)
        try await Harness.run(configure: { $0.fixturesDirectory = directory }) { h in
            let list = try await h.get("/zylo/v1/subscriptions").json()
            #expect((list["subscriptions"] as? [Any])?.count == 2)
            #expect(list["nextPageToken"] as? String == "")
        }
    }

    @Test func savedListAnswerWithABadSubscription_namesTheFieldInsideIt() throws {
        let directory = Self.folder()
        let zylo = (directory as NSString).appendingPathComponent("zylo")
        try FileManager.default.createDirectory(atPath: zylo, withIntermediateDirectories: true)
        try #"  {"nextPageToken": "", "subscriptions": [{"id": "s-1"}]}"#.write(
            toFile: zylo + "/subscriptions.json", atomically: true, encoding: .utf8)
        let error = try #require(throws: FixtureError.self) { _ = try ZyloFixtureFiles.load(from: directory) }
        #expect(error.field.hasPrefix("subscriptions[0]."), "\(error)")
    }

    @Test func malformedSubscription_isRefusedNamingFileAndField() throws {
        let directory = Self.folder()
        try ZyloFixtureFiles.write(ZyloFixtures.generate(seed: 5, now: Self.now), to: directory)
        let path = (directory as NSString).appendingPathComponent(ZyloFixtureFiles.subscriptionsFile)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"billFrequency\":1,", with: "\"billFrequency\":\"monthly\",")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try ZyloFixtureFiles.load(from: directory)
        } throws: { error in
            let error = error as? FixtureError
            return error?.path == path && error?.field.hasSuffix(".primaryContract.billFrequency") == true
        }
    }

    @Test func userOfUnknownSubscription_isRefusedNamingTheLine() throws {
        let directory = Self.folder()
        try ZyloFixtureFiles.write(Array(ZyloFixtures.generate(seed: 5, now: Self.now).prefix(1)), to: directory)
        let path = (directory as NSString).appendingPathComponent(ZyloFixtureFiles.usersFile)
        let users = try String(contentsOfFile: path, encoding: .utf8)
        try (users + "missing,Ada,Lovelace,2024-01-01,3,Pro,true\r\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try ZyloFixtureFiles.load(from: directory)
        } throws: { error in
            (error as? FixtureError)?.field.contains("subscriptionId") == true
        }
    }
}
