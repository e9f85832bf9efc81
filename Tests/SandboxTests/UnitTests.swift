import Crypto
import Foundation
import Hummingbird
import JWTKit
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

@Suite("Hand-written hot paths agree with Foundation")
struct HotPathTests {
    /// Foundation's `ISO8601FormatStyle` for the date and time, with the milliseconds of the decimal the instant was
    /// given as (Foundation truncates the binary fraction: `1621887270.886` prints `.885`).
    static func expected(seconds text: String) -> String {
        let seconds = Double(text) ?? .nan
        let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
        let milliseconds = Int(((seconds - seconds.rounded(.down)) * 1000).rounded())
        let foundation = whole.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        return foundation.dropLast() + "." + String(format: "%03d", milliseconds) + "Z"
    }

    @Test(arguments: [
        "-1.5", "0", "951782400.123", "1582934400.999", "1704067200", "4102444799.5", "1621887270.886",
        "1704067200.373",
    ])
    func timeFormat_matchesISO8601FormatStyleWithTheGivenMilliseconds(seconds: String) {
        let date = Date(timeIntervalSince1970: Double(seconds) ?? .nan)
        #expect(SandboxTime.format(date) == Self.expected(seconds: seconds))
    }

    @Test func timeFormat_matchesFoundationOnEveryDayOfFourHundredYears() {
        var mismatches = 0
        for day in stride(from: -200 * 365, to: 200 * 365, by: 1) {
            let seconds = "\(day * 86_400 + 45_296).789"
            if SandboxTime.format(Date(timeIntervalSince1970: Double(seconds) ?? .nan))
                != Self.expected(seconds: seconds)
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// A time a client or a fixture file sends comes back as sent, to the millisecond, on every day of 400 years.
    @Test func timeParseThenFormat_keepsEveryMillisecond() {
        var changed: [String] = []
        for day in stride(from: -200 * 365, to: 200 * 365, by: 7) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let text = String(SandboxTime.format(date).prefix(20)) + String(format: "%03dZ", abs(day * 37) % 1000)
            guard let parsed = SandboxTime.parse(text) else {
                changed.append("\(text) did not parse")
                continue
            }
            if SandboxTime.format(parsed) != text { changed.append(text) }
        }
        #expect(changed.isEmpty, "\(changed.count) changed, first \(changed.prefix(3))")
    }

    static func record(
        _ id: String, vendor: Vendor = .zylo, headers: HTTPFields = [:], query: String? = nil, body: Data? = nil
    ) -> RequestJournal.Record {
        RequestJournal.Record(
            id: id, time: Date(timeIntervalSince1970: 0), vendor: vendor, method: .post, path: "/", query: query,
            status: 200, duration: .milliseconds(2), requestHeaders: headers,
            body: RequestJournal.Record.body(body, size: body?.count ?? 0, contentType: headers[.contentType]),
            responseHeaders: [:],
            matchedScenario: nil, fault: nil)
    }

    /// `id()` writes the UUID text by hand; it must be Foundation's form, lower-cased, version 4.
    @Test func ids_areFoundationsUUIDTextLowerCased() {
        let a = IDGenerator.deterministic(seed: 42)
        let b = IDGenerator.deterministic(seed: 42)
        for _ in 0..<1_000 {
            #expect(a.id() == b.uuid().uuidString.lowercased())
        }
        let live = IDGenerator.live
        let ids = Set((0..<2_000).map { _ in live.id() })
        #expect(ids.count == 2_000)
        #expect(ids.allSatisfy { UUID(uuidString: $0) != nil && $0.count == 36 && Array($0)[14] == "4" })
        let secret = live.secret(bytes: 21)
        #expect(secret.count == 42 && secret.allSatisfy(\.isHexDigit) && secret == secret.lowercased())
    }

    /// The request path signs Hyalto tokens without jwt-kit; the bytes must be exactly what jwt-kit makes, and
    /// jwt-kit must verify them.
    @Test func hs256Signer_makesJWTKitsTokenByteForByte() async throws {
        let secret = Data((0..<32).map { UInt8($0 * 7 % 256) })
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, serializer: TokenKeys.serializer)
        let signer = HS256Signer(key: SymmetricKey(data: secret))
        for (company, user) in [
            ("Demo Co.", nil), (#"Quote "&" slash / ünïcode \ tab\t"# + "\u{01}\u{1F}\u{7F}\n\t\u{2028}", 7),
        ] {
            let claims = HyaltoClaims(
                jti: "3b1f", iat: 1_700_000_000, exp: 1_700_003_600, iss: "hyalto", scope: "all",
                serviceProviderId: 164, accountId: 164, companyName: company, userId: user,
                username: user.map(String.init),
                apiKeyId: 190, apex: false,
                access: Dictionary(
                    uniqueKeysWithValues: HyaltoClaims.areas.map { ($0, .init(C: true, R: true, U: false, D: true)) }))
            let ours = signer.sign(payload: claims.payloadJSON())
            #expect(ours == (try await keys.sign(claims, header: ["typ": "JWT"])))
            #expect(try await keys.verify(ours, as: HyaltoClaims.self) == claims)
        }
    }

    /// Page tokens are signed, not stored: bound to vendor, tenant and listing, refused when tampered with,
    /// invalidated per tenant or for all, kept across a restart on the same file, and dropped by a reset.
    @Test func pageTokens_areBoundSignedAndSurviveARestartButNotAReset() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try SandboxDatabase.open(.file(path))
        let tokens = PageTokens()
        try await tokens.load(database)
        let token = tokens.issue(vendor: .zylo, tenant: "a", scope: "subscriptions", pageSize: 50, cursor: 49)
        let other = tokens.issue(vendor: .zylo, tenant: "b", scope: "subscriptions", pageSize: 7, cursor: 6)
        #expect(
            tokens.lookup(token, vendor: .zylo, tenant: "a", scope: "subscriptions")
                == PageTokens.Page(pageSize: 50, cursor: 49))
        #expect(tokens.lookup(token, vendor: .zylo, tenant: "b", scope: "subscriptions") == nil)
        #expect(tokens.lookup(token, vendor: .zylo, tenant: "a", scope: "exportJobs/-") == nil)
        #expect(tokens.lookup(token, vendor: .mason, tenant: "a", scope: "subscriptions") == nil)
        var tampered = Array(token)
        tampered[3] = tampered[3] == "A" ? "B" : "A"
        #expect(tokens.lookup(String(tampered), vendor: .zylo, tenant: "a", scope: "subscriptions") == nil)
        for junk in ["", "x", "not/base64!", String(repeating: "A", count: 38), "'; DROP TABLE setting; --"] {
            #expect(tokens.lookup(junk, vendor: .zylo, tenant: "a", scope: "subscriptions") == nil)
        }

        let restarted = PageTokens()
        try await restarted.load(try SandboxDatabase.open(.file(path)))
        #expect(restarted.lookup(token, vendor: .zylo, tenant: "a", scope: "subscriptions") != nil)

        try await tokens.forget(vendor: .zylo, tenant: "a", database: database)
        #expect(tokens.lookup(token, vendor: .zylo, tenant: "a", scope: "subscriptions") == nil)
        #expect(tokens.lookup(other, vendor: .zylo, tenant: "b", scope: "subscriptions") != nil)
        let afterForget = PageTokens()
        try await afterForget.load(try SandboxDatabase.open(.file(path)))
        #expect(afterForget.lookup(token, vendor: .zylo, tenant: "a", scope: "subscriptions") == nil)
        try await tokens.forget(vendor: .zylo, tenant: nil, database: database)
        #expect(tokens.lookup(other, vendor: .zylo, tenant: "b", scope: "subscriptions") == nil)

        let fresh = tokens.issue(vendor: .zylo, tenant: "a", scope: "subscriptions", pageSize: 50, cursor: 49)
        #expect(tokens.lookup(fresh, vendor: .zylo, tenant: "a", scope: "subscriptions") != nil)
        try await tokens.rotate(database)
        #expect(tokens.lookup(fresh, vendor: .zylo, tenant: "a", scope: "subscriptions") == nil)
    }

    /// The token answer is written by hand; it must be the encoder's bytes, escapes included.
    @Test func hyaltoTokenJSON_isTheEncodersBytes() throws {
        for token in ["eyJ.eyJ.sig-_", #"odd "quote" \ and \#u{01} control"#] {
            let answer = HyaltoWire.Token(accessToken: token, expiresIn: 3_600)
            #expect(answer.json == (try OrderedJSONEncoder.encode(answer)))
            let decoded = try JSONSerialization.jsonObject(with: answer.json) as? [String: Any]
            #expect(decoded?["accessToken"] as? String == token)
        }
    }

    @Test func journal_keepsTheNewestEntriesNewestFirst() {
        let journal = RequestJournal(capacity: 3)
        for number in 1...5 {
            journal.record(Self.record("\(number)", vendor: number % 2 == 0 ? .zylo : .mason))
        }
        #expect(journal.recent(limit: 10).map(\.id) == ["5", "4", "3"])
        #expect(journal.recent(limit: 2).map(\.id) == ["5", "4"])
        #expect(journal.recent(limit: 10, vendor: .zylo).map(\.id) == ["4"])
        journal.clear()
        #expect(journal.recent(limit: 10).isEmpty)
    }

    /// The journal keeps the raw head and redacts when it is read; a long body is redacted and cut at once.
    @Test func journal_masksSecretsInKeptAndLongBodies() throws {
        let journal = RequestJournal(capacity: 4)
        let json: HTTPFields = [.contentType: "application/json", .authorization: "Bearer id:hunter2"]
        journal.record(
            Self.record(
                "short", headers: json, query: "a=1&api_key=hunter2", body: Data(#"{"secretKey":"hunter2"}"#.utf8)))
        let long = #"{"secretKey":"hunter2","text":""# + String(repeating: "x", count: 9_000) + #""}"#
        journal.record(Self.record("long", headers: json, body: Data(long.utf8)))
        let entries = journal.recent(limit: 10)
        let text = String(decoding: try JSONEncoder().encode(entries), as: UTF8.self)
        #expect(!text.contains("hunter2"))
        let short = try #require(entries.first { $0.id == "short" })
        #expect(short.requestHeaders["authorization"] == "Bearer id:***")
        #expect(short.query == "a=1&api_key=***")
        #expect(short.requestBody == #"{"secretKey":"***"}"#)
        #expect(short.time == "1970-01-01T00:00:00.000Z")
        #expect(short.durationMs == 2)
        let cut = try #require(entries.first { $0.id == "long" }?.requestBody)
        #expect(cut.hasPrefix(#"{"secretKey":"***""#) || cut.contains(#""secretKey":"***""#))
        #expect(cut.hasSuffix("…[truncated: \(long.utf8.count) bytes]"))
        #expect(cut.count == RequestJournal.maxBodyCharacters + "…[truncated: \(long.utf8.count) bytes]".count)
        #expect(cut.contains(#""secretKey":"***""#))
    }
}

extension HotPathTests {
    @Test(arguments: [
        "2020-08-01T00:00:00Z", "2021-05-24T20:14:30.886Z", "2024-02-29T23:59:59.5+05:30", "1969-12-31T23:59:59-00:00",
        "2000-01-01t12:00:00.123456789z", "2038-01-19T03:14:08-11:45",
    ])
    func timeParse_matchesISO8601FormatStyle(text: String) throws {
        let upper = text.uppercased()
        let fractional = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(upper)
        let foundation = try fractional ?? Date.ISO8601FormatStyle().parse(upper)
        let ours = try #require(SandboxTime.parse(text))
        #expect(abs(ours.timeIntervalSince1970 - foundation.timeIntervalSince1970) < 0.001)
    }
}
