import Foundation
import Testing

@testable import Sandbox

@Suite("Mason time series")
struct MasonSeriesTests {
    static let firstDays = "start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"

    static func days(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["day"] as? String } }

    @Test func accountSeries_coversStartInclusiveToEndExclusive_inTheSeedsRowShape() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.mason("series/usage?\(Self.firstDays)").json()
            let rows = response["data"] as? [[String: Any]] ?? []
            #expect(
                Self.days(rows) == [
                    "2020-08-01T00:00:00Z", "2020-08-02T00:00:00Z", "2020-08-03T00:00:00Z", "2020-08-04T00:00:00Z",
                ])
            #expect(response["nextPage"] == nil && rows[0]["date"] == nil && rows[0]["unit"] as? String == "bytes")
            #expect(
                rows.allSatisfy { ($0["total"] as? Int) == ($0["upload"] as? Int ?? 0) + ($0["download"] as? Int ?? 0) }
            )
            let alias = try await h.masonData("series/usage/sim?\(Self.firstDays)")
            #expect(Self.days(alias) == Self.days(rows))
        }
    }

    @Test func simSeries_overAMonthAddsUpToTheSIMsMonthlyAggregate() async throws {
        try await Harness.run { (h: Harness) async throws in
            let rows = try await h.masonData(
                "series/usage/sim/iccid2?start=2020-08-01T00:00:00Z&end=2020-09-01T00:00:00Z")
            #expect(rows.count == 31)
            let month = try await h.masonData("aggregate/usage/sim/iccid2?date=2020-08-15T00:00:00Z")
            let total = (month.first?["usage"] as? [String: Any])?["total"] as? Int
            #expect(rows.compactMap { $0["total"] as? Int }.reduce(0, +) == total)
        }
    }

    @Test func simSeriesWithMarker_onlyHasTheDaysTheSIMHadThatValue() async throws {
        try await Harness.run { (h: Harness) async throws in
            let d450 = try await h.masonData(
                "series/usage/sim/iccid1?start=2020-08-01T00:00:00Z&end=2020-08-21T00:00:00Z&marker=device-type&markerValue=D450"
            )
            #expect(Self.days(d450).count == 14 && Self.days(d450).last == "2020-08-14T00:00:00Z")
            let account = try await h.masonData("series/usage?\(Self.firstDays)&marker=device-type&markerValue=D450")
            #expect(account.count == 4)
        }
    }

    @Test func headingPath_isServedOnlyInLenientMode() async throws {
        try await Harness.run { (h: Harness) async throws in
            let heading = try await h.masonData("series/usage/iccid1?\(Self.firstDays)")
            #expect(Self.days(heading) == Self.days(try await h.masonData("series/usage/sim/iccid1?\(Self.firstDays)")))
            #expect(
                try await h.mason("series/usage?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z0").status == .ok)
        }
        try await Harness.run(configure: { $0.fidelity = .strict }) { (h: Harness) async throws in
            #expect(try await h.mason("series/usage/iccid1?\(Self.firstDays)").status == .notFound)
            #expect(
                try await h.mason("series/usage?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z0").status
                    == .badRequest)
        }
    }

    @Test(
        arguments: [
            ("series/usage?end=2020-08-05T00:00:00Z", "start"), ("series/usage?start=2020-08-01T00:00:00Z", "end"),
            ("series/usage?start=yesterday&end=2020-08-05T00:00:00Z", "start"),
            ("series/usage?start=2020-08-05T00:00:00Z&end=2020-08-01T00:00:00Z", "start"),
            ("series/usage?\(firstDays)&marker=device-type", "markerValue"),
            ("series/usage?\(firstDays)&markerValue=D450", "marker"),
            ("series/usage?\(firstDays)&marker=colour&markerValue=red", "marker"),
        ])
    func badParameters_are400NamingTheParameter(path: String, parameter: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.mason(path)
            #expect(response.status == .badRequest)
            #expect((try response.json()["message"] as? String)?.contains(parameter) == true)
        }
    }

    @Test func unknownSIM_is404() async throws {
        try await Harness.run { (h: Harness) async throws in
            #expect(try await h.mason("series/usage/sim/nope?\(Self.firstDays)").status == .notFound)
        }
    }

    @Test func theLastYear_hasADailyRowForEveryDay() async throws {
        try await Harness.run { (h: Harness) async throws in
            // The test clock is frozen at 2024-01-01: the last 365 days are 2023-01-02 … 2024-01-01.
            let rows = try await h.masonData(
                "series/usage/sim/iccid2?start=2023-01-02T00:00:00Z&end=2024-01-02T00:00:00Z")
            #expect(rows.count == 365)
        }
    }
}
