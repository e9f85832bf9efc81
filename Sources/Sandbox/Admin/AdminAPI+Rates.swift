import Foundation
import Hummingbird

extension AdminAPI {
    /// `GET /__admin/rates?seconds=N` as the dashboard's chart reads it.
    struct RateSeries: Encodable, Sendable {
        /// The last second of the series, Unix time; the first is `end - seconds + 1`.
        let end: Int
        let seconds: Int
        /// One series per vendor and status class that saw a request in the window, one count per second.
        let series: [RequestRates.Series]
    }

    func registerRates(on group: RouterGroup<SandboxContext>) {
        group.get("rates", use: listRates)
    }

    /// `GET /__admin/rates[?seconds=120]`: requests per second by vendor and status class over the last `seconds`
    /// (1 to 600, default 120) on the wall clock.
    func listRates(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var seconds = 120
        if let text = request.queryValue("seconds") {
            guard let value = Int(text), (1...RequestRates.window).contains(value) else {
                throw AdminError.badRequest(
                    "seconds must be an integer from 1 to \(RequestRates.window), got '\(text.prefix(40))'")
            }
            seconds = value
        }
        let (end, series) = sandbox.rates.series(seconds: seconds)
        return JSONResponse(RateSeries(end: end, seconds: seconds, series: series))
    }
}
