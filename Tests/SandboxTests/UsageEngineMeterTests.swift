import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Usage Engine meters")
struct UsageEngineMeterTests {
    @Test func create_rendersTheVendorsMeterShape() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let typeId = try await h.ueMeterType(token: token)
            let body = #"{"userId":"101","meterKey":"k","meterTypeId":"\#(typeId)","customFields":{"b":"2","a":1.5}}"#
            let created = try await h.ue(.post, "/meters", token: token, json: body)
            #expect(created.status == .created)
            let id = try created.json()["id"] as? String ?? ""
            let now = "2024-01-01T00:00:00.000Z"
            #expect(
                created.text
                    == #"{"id":"\#(id)","meterTypeId":"\#(typeId)","meterTypeName":"Pay-Per-Print","userId":"101","#
                    + #""meterKey":"k","value":0,"unit":"page","periodStart":"\#(now)","#
                    + #""periodEnd":"2024-02-01T00:00:00.000Z","groupBreakdowns":[],"capacity":null,"thresholds":[],"#
                    + #""carryFirst":{},"carryLast":{},"customFields":{"a":1.5,"b":"2"},"deleteOnReset":false,"#
                    + #""timezone":"Etc/UTC","createdAt":"\#(now)","updatedAt":"\#(now)"}"#)
        }
    }

    @Test func list_filtersByMeterKeyAndType_andTypeCountsItsMeters() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let print = try await h.ueMeterType("Print", token: token)
            let scan = try await h.ueMeterType("Scan", token: token)
            let one = try await h.ueMeter(typeId: print, meterKey: "k1", token: token)
            _ = try await h.ueMeter(typeId: scan, meterKey: "k1", token: token)
            _ = try await h.ueMeter(typeId: print, meterKey: "k2", token: token)
            func ids(_ query: String) async throws -> [String] {
                let list = try await h.ue(.get, "/meters\(query)", token: token).json()["meters"] as? [[String: Any]]
                return list?.compactMap { $0["id"] as? String } ?? []
            }
            #expect(try await ids("").count == 3)
            #expect(try await ids("?meterKey=k1").count == 2)
            #expect(try await ids("?meterKey=k1&meterTypeId=\(print)") == [one])
            #expect(try await h.ue(.get, "/meter-types/\(print)", token: token).json()["numberOfMeters"] as? Int == 2)
        }
    }

    @Test func put_replacesUserFields_patchKeepsTheRest_getAndDelete() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ueMeter(typeId: try await h.ueMeterType(token: token), token: token)
            let patch = #"{"deleteOnReset":true,"customFields":{"plan":"gold"}}"#
            let patched = try await h.ue(.patch, "/meters/\(id)", token: token, json: patch).json()
            #expect(patched["deleteOnReset"] as? Bool == true && patched["userId"] as? String == "101")
            let put = try await h.ue(.put, "/meters/\(id)", token: token, json: #"{"userId":"202"}"#).json()
            #expect(put["userId"] as? String == "202" && put["deleteOnReset"] as? Bool == false)
            #expect((put["customFields"] as? [String: Any])?.isEmpty == true)
            #expect(try await h.ue(.get, "/meters/\(id)", token: token).json()["userId"] as? String == "202")
            #expect(try await h.ue(.delete, "/meters/\(id)", token: token).status == .noContent)
            #expect(try await h.ue(.get, "/meters/\(id)", token: token).status == .notFound)
        }
    }

    @Test func updatingTheType_updatesWhatItsMetersInherit() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let typeId = try await h.ueMeterType(token: token)
            let id = try await h.ueMeter(typeId: typeId, token: token)
            _ = try await h.ue(
                .patch, "/meter-types/\(typeId)", token: token, json: #"{"unit":"sheets","name":"Print"}"#)
            let meter = try await h.ue(.get, "/meters/\(id)", token: token).json()
            #expect(meter["unit"] as? String == "sheets")
            #expect(meter["meterTypeName"] as? String == "Print")
        }
    }

    @Test func unknownMeterType_is404NamingMeterTypeId() async throws {
        try await Harness.run { (h: Harness) async throws in
            let body = #"{"userId":"1","meterKey":"k","meterTypeId":"missing-type"}"#
            let response = try await h.ue(.post, "/meters", token: try await h.ueToken(), json: body)
            #expect(response.status == .notFound)
            #expect(response.text.contains("meterTypeId 'missing-type'"))
        }
    }

    @Test(arguments: ["GET", "PUT", "PATCH", "DELETE"])
    func unknownMeterId_is404(method: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let response = try await h.ue(
                HTTPRequest.Method(method) ?? .get, "/meters/nope", token: token, json: #"{"userId":"1"}"#)
            #expect(response.status == .notFound && response.text.contains("meter 'nope'"))
        }
    }

    @Test(arguments: [
        (#"{"meterKey":"k","meterTypeId":"T"}"#, "userId is required"),
        (#"{"userId":"1","meterTypeId":"T"}"#, "meterKey is required"),
        (#"{"userId":"1","meterKey":"k"}"#, "meterTypeId is required"),
        (#"{"userId":101,"meterKey":"k","meterTypeId":"T"}"#, "userId must be a string"),
        (#"{"userId":" ","meterKey":"k","meterTypeId":"T"}"#, "userId must be a string of 1 to 256 bytes"),
        (#"{"userId":"1","meterKey":"","meterTypeId":"T"}"#, "meterKey must be a string of 1 to 256 bytes"),
        (#"{"userId":"1","meterKey":"k","meterTypeId":"T","capacity":"x"}"#, "capacity must be a number"),
        (#"{"userId":"1","meterKey":"k","meterTypeId":"T","timezone":"Mars/Base"}"#, "timezone must be an IANA"),
        (
            #"{"userId":"1","meterKey":"k","meterTypeId":"T","thresholds":[{"name":"a"}]}"#,
            "thresholds[0] needs exactly one"
        ),
        (
            #"{"userId":"1","meterKey":"k","meterTypeId":"T","thresholds":[{"name":"a","capacityPercentage":50}]}"#,
            "thresholds[0].capacityPercentage needs the meter's capacity"
        ),
        (#"{"userId":"1","meterKey":"k","meterTypeId":"T","thresholds":{}}"#, "thresholds must be an array"),
        (#"{"userId":"1","meterKey":"k","meterTypeId":"T","customFields":"x"}"#, "customFields"),
        (#"{"userId":"1","meterKey":"k","meterTypeId":"T","deleteOnReset":"yes"}"#, "deleteOnReset must be a boolean"),
    ])
    func badMeterBody_is400NamingTheField(body: String, mentions: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let typeId = try await h.ueMeterType(token: token)
            let response = try await h.ue(
                .post, "/meters", token: token, json: body.replacingOccurrences(of: "\"T\"", with: "\"\(typeId)\""))
            #expect(response.status == .badRequest)
            #expect(response.text.contains(mentions))
        }
    }

    @Test(arguments: [
        (#"{"userId":"1","meterKey":"other"}"#, "meterKey"), (#"{"deleteOnReset":true}"#, "userId is required"),
    ])
    func badMeterReplacement_is400(body: String, mentions: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await h.ueMeter(typeId: try await h.ueMeterType(token: token), token: token)
            let response = try await h.ue(.put, "/meters/\(id)", token: token, json: body)
            #expect(response.status == .badRequest && response.text.contains(mentions))
        }
    }

    @Test(arguments: ["meterKey", "meterTypeId"])
    func emptyFilter_is400(name: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ue(.get, "/meters?\(name)=", token: try await h.ueToken())
            #expect(response.status == .badRequest && response.text.contains(name))
        }
    }
}
