import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Usage Engine meter types")
struct UsageEngineMeterTypeTests {
    static let full =
        #"{"name":"API calls","description":"Calls to the AI assistant","unit":"API request","category":"AI","#
        + #""aggregation":{"type":"increment"},"resetSchedule":{"day":"L","hour":"23","minute":"59","month":"*","#
        + #""weekday":"*"},"timezone":"Europe/Stockholm","activeFrom":"2024-01-01T00:00:00Z","#
        + #""activeTo":"2025-01-01T01:00:00+01:00","externalRef":"crm-42"}"#

    @Test func create_withDefaults_rendersEveryFieldInTheVendorsOrder() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let created = try await h.ue(.post, "/meter-types", token: token, json: #"{"name":"Pay-Per-Print"}"#)
            #expect(created.status == .created)
            let body = try created.json()
            let account = DecodedJWT(token).payload["accountId"] as? String ?? ""
            let id = body["id"] as? String ?? ""
            #expect(
                created.text
                    == #"{"accountId":"\#(account)","activeFrom":"2024-01-01T00:00:00.000+00:00","activeTo":null,"#
                    + #""aggregation":{"type":"sum"},"capacity":null,"category":null,"#
                    + #""createdAt":"2024-01-01T00:00:00.000+00:00","#
                    + #""description":null,"externalRef":null,"id":"\#(id)","name":"Pay-Per-Print","numberOfMeters":0,"#
                    + #""resetSchedule":{"day":"1","hour":"0","minute":"0","month":"*","weekday":"*"},"thresholds":[],"#
                    + #""timezone":"Etc/UTC","unit":null,"updatedAt":"2024-01-01T00:00:00.000+00:00"}"#)
        }
    }

    @Test func create_keepsEveryGivenField_andNormalisesTimestamps() async throws {
        try await Harness.run { (h: Harness) async throws in
            let body = try await h.ue(.post, "/meter-types", token: try await h.ueToken(), json: Self.full).json()
            #expect((body["aggregation"] as? [String: Any])?["type"] as? String == "increment")
            #expect((body["resetSchedule"] as? [String: Any])?["day"] as? String == "L")
            #expect(body["timezone"] as? String == "Europe/Stockholm" && body["externalRef"] as? String == "crm-42")
            #expect(body["activeTo"] as? String == "2025-01-01T00:00:00.000+00:00")
            #expect(body["unit"] as? String == "API request" && body["category"] as? String == "AI")
        }
    }

    @Test func list_filtersByExactName_andGetReadsOne() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ueMeterType("Pay-Per-Print", token: token)
            _ = try await h.ueMeterType("Pay-Per-Print-Color", token: token)
            let all = try await h.ue(.get, "/meter-types", token: token).json()["meterTypes"] as? [[String: Any]]
            #expect(all?.count == 2)
            let named = try await h.ue(.get, "/meter-types?name=Pay-Per-Print", token: token).json()
            #expect((named["meterTypes"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(
                try await h.ue(.get, "/meter-types/\(id)", token: token).json()["name"] as? String == "Pay-Per-Print")
        }
    }

    @Test func put_replacesFields_patchKeepsTheRest() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ue(.post, "/meter-types", token: token, json: Self.full).json()["id"] as? String ?? ""
            h.advanceClock(by: 60)
            let patched = try await h.ue(.patch, "/meter-types/\(id)", token: token, json: #"{"unit":"call"}"#).json()
            #expect(patched["unit"] as? String == "call" && patched["externalRef"] as? String == "crm-42")
            #expect(patched["updatedAt"] as? String == "2024-01-01T00:01:00.000+00:00")
            let put = try await h.ue(.put, "/meter-types/\(id)", token: token, json: #"{"name":"Renamed"}"#).json()
            #expect(put["name"] as? String == "Renamed" && put["externalRef"] is NSNull && put["unit"] is NSNull)
            #expect(
                put["timezone"] as? String == "Etc/UTC"
                    && put["createdAt"] as? String == patched["createdAt"] as? String)
        }
    }

    @Test func duplicateName_is409_onCreateAndRename() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            _ = try await h.ueMeterType("A", token: token)
            let b = try await h.ueMeterType("B", token: token)
            let duplicate = try await h.ue(.post, "/meter-types", token: token, json: #"{"name":"A"}"#)
            #expect(try duplicate.status == .conflict && duplicate.json()["error"] as? String == "conflict")
            #expect(try await h.ue(.put, "/meter-types/\(b)", token: token, json: #"{"name":"A"}"#).status == .conflict)
            #expect(try await h.ue(.put, "/meter-types/\(b)", token: token, json: #"{"name":"B"}"#).status == .ok)
        }
    }

    @Test func delete_is204_thenTheTypeIsGone() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ueMeterType(token: token)
            let deleted = try await h.ue(.delete, "/meter-types/\(id)", token: token)
            #expect(deleted.status == .noContent && deleted.body.readableBytes == 0)
            #expect(try await h.ue(.get, "/meter-types/\(id)", token: token).status == .notFound)
        }
    }

    @Test func deletingATypeWithMeters_is409() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ueMeterType(token: token)
            let meter = try await h.ueMeter(typeId: id, token: token)
            #expect(try await h.ue(.delete, "/meter-types/\(id)", token: token).status == .conflict)
            _ = try await h.ue(.delete, "/meters/\(meter)", token: token)
            #expect(try await h.ue(.delete, "/meter-types/\(id)", token: token).status == .noContent)
        }
    }

    @Test(arguments: ["GET", "PUT", "PATCH", "DELETE"])
    func unknownId_is404(method: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ue(
                HTTPRequest.Method(method) ?? .get, "/meter-types/nope", token: try await h.ueToken(),
                json: #"{"name":"x"}"#)
            #expect(response.status == .notFound)
            #expect(try response.json()["error"] as? String == "not_found" && response.text.contains("nope"))
        }
    }

    @Test(arguments: [
        ("{}", "name is required"), (#"{"name":"  "}"#, "name must not be empty"),
        (#"{"name":5}"#, "name must be a string"),
        ("[]", "body"), ("", "body"), ("{", "body"),
        (#"{"name":"x","aggregation":{"type":"avg"}}"#, "aggregation.type"),
        (#"{"name":"x","aggregation":{}}"#, "aggregation.type is required"),
        (#"{"name":"x","aggregation":"sum"}"#, "aggregation"),
        (#"{"name":"x","resetSchedule":{"day":""}}"#, "resetSchedule.day"),
        (#"{"name":"x","resetSchedule":{"hour":"1 2"}}"#, "resetSchedule.hour"),
        (#"{"name":"x","resetSchedule":{"minute":0}}"#, "resetSchedule.minute"),
        (#"{"name":"x","timezone":"Mars/Olympus"}"#, "timezone"),
        (#"{"name":"x","activeFrom":"yesterday"}"#, "activeFrom"),
        (#"{"name":"x","activeFrom":"2024-02-30T00:00:00Z"}"#, "activeFrom"),
        (#"{"name":"x","activeFrom":"2024-06-01T00:00:00Z","activeTo":"2024-05-01T00:00:00Z"}"#, "activeTo"),
        (#"{"name":"x","description":["a"]}"#, "description"),
    ])
    func badMeterTypeBody_is400NamingTheField(body: String, mentions: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ue(.post, "/meter-types", token: try await h.ueToken(), json: body)
            #expect(response.status == .badRequest)
            #expect(try response.json()["error"] as? String == "bad_request")
            #expect(response.text.contains(mentions))
        }
    }

    @Test func emptyNameFilter_is400() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ue(.get, "/meter-types?name=", token: try await h.ueToken())
            #expect(response.status == .badRequest && response.text.contains("name"))
        }
    }
}
