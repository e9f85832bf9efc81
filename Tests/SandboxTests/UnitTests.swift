import Foundation
import Testing

@testable import Sandbox

@Suite("Building blocks")
struct UnitTests {
    @Test func csv_parsesQuotesDoubledQuotesCRLFAndBOM() throws {
        let rows = try CSV.parse("\u{FEFF}a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\nlast,\"multi\nline\"")
        #expect(rows == [["a", "b"], ["x,1", "say \"hi\""], ["last", "multi\nline"]])
        #expect(try CSV.parse(CSV.write(rows)) == rows)
    }

    @Test(arguments: ["a,\"b", "a,b\"c", "\"a\"b"])
    func csv_rejectsBrokenQuoting(text: String) {
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse(text) }
    }

    @Test func orderedJSON_keepsDeclarationOrderAndDoesNotEscapeSlashes() throws {
        struct Body: Encodable {
            let statusCode: Int
            let message: String
            let path: String?
            let nested: [String]
        }
        let data = try OrderedJSONEncoder.encode(Body(statusCode: 401, message: "a \"b\"\n", path: "x/y", nested: []))
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"statusCode":401,"message":"a \"b\"\n","path":"x/y","nested":[]}"#)
    }

    @Test func redaction_masksSecretsButKeepsIdentifiers() {
        #expect(Redaction.authorization("Bearer id:secret") == "Bearer id:***")
        #expect(Redaction.authorization("basic raw-key") == "basic ***")
        #expect(Redaction.query("pageSize=5&client_secret=x") == "pageSize=5&client_secret=***")
        let body = Redaction.body(
            Data(#"{"accessKey":"a","secretKey":"s","n":1}"#.utf8), contentType: "application/json")
        #expect(!body.contains("\"s\"") && body.contains("\"n\":1"))
    }

    @Test func virtualClock_advancesFreezesAndReturnsToRealTime() {
        let wall = Date(timeIntervalSince1970: 1_000)
        let clock = VirtualClock(.real(offset: 0), wallClock: { wall })
        clock.apply(.advance(seconds: 60))
        #expect(clock.now() == wall.addingTimeInterval(60))
        clock.apply(.freeze)
        clock.apply(.advance(seconds: 5))
        #expect(clock.now() == wall.addingTimeInterval(65))
        clock.apply(.real)
        #expect(clock.now() == wall)
    }

    @Test func deterministicIDs_repeatForTheSameSeed() {
        let a = IDGenerator.deterministic(seed: 9)
        let b = IDGenerator.deterministic(seed: 9)
        #expect(a.id() == b.id())
        #expect(UUID(uuidString: a.id()) != nil)
        #expect(a.secret(bytes: 24).count == 48)
    }

    @Test func fixtures_areDeterministicForASeed() {
        let now = Date(timeIntervalSince1970: 1_704_067_200)
        let first = ZyloFixtures.generate(seed: 1, now: now)
        #expect(first.map(\.subscription) == ZyloFixtures.generate(seed: 1, now: now).map(\.subscription))
        #expect(first.map(\.subscription.id) != ZyloFixtures.generate(seed: 2, now: now).map(\.subscription.id))
    }

    @Test func multipart_findsTheNamedPartAmongOthers() throws {
        let body =
            "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--b--\r\n"
        let file = try MultipartForm.file(
            named: "file", in: Data(body.utf8), contentType: "multipart/form-data; boundary=\"b\"")
        #expect(String(decoding: file, as: UTF8.self) == "a,b\r\n1,2")
        #expect(throws: SandboxFailure.self) {
            try MultipartForm.file(
                named: "file", in: Data("--b\r\n\r\nunterminated".utf8), contentType: "multipart/form-data; boundary=b")
        }
    }
}

extension UnitTests {
    @Test(arguments: [
        "2020-08-05T00:00:00Z0", "2020-02-30T00:00:00Z", "2020-08-01T24:00:00Z", "2020-08-01", "2020-08-01T00:00:00",
    ])
    func sandboxTime_rejectsAnythingButWholeValidRFC3339(text: String) {
        #expect(SandboxTime.parse(text) == nil)
    }

    @Test func masonDate_acceptsTheSeedsOneDigitHourAndMinusZeroOffset() {
        #expect(
            MasonDate.parse("2020-08-01T0:00:00-00:00", lenient: false) == SandboxTime.parse("2020-08-01T00:00:00Z"))
        #expect(MasonDate.parse("2020-08-05T00:00:00Z0", lenient: true) != nil)
        #expect(MasonDate.parse("2020-08-05T00:00:00Z0", lenient: false) == nil)
    }

    @Test func masonDays_roundTripTheCalendar() {
        let day = MasonDay.number(year: 2020, month: 2, day: 29)
        #expect(MasonDay.components(day) == (2020, 2, 29))
        #expect(MasonDay.timestamp(MasonDay.number(year: 1970, month: 1, day: 1)) == "1970-01-01T00:00:00Z")
    }
}
