import Foundation
import Hummingbird

extension AdminAPI {
    /// The clock as `GET /__admin/clock` shows it.
    struct ClockState: Encodable, Sendable {
        let now: String
        let mode: String
        let offsetSeconds: Double?
    }

    /// `POST /__admin/clock`: exactly one of `advance` (seconds), `set` (RFC 3339), `freeze`, `real`.
    struct ClockChange: Decodable, Sendable {
        let advance: Double?
        let set: String?
        let freeze: Bool?
        let real: Bool?
    }

    func getClock(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        JSONResponse(clockState())
    }

    func changeClock(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.decodeJSON(ClockChange.self, context: context)
        let given = [body.advance != nil, body.set != nil, body.freeze == true, body.real == true].filter { $0 }
        guard given.count == 1 else {
            throw AdminError.badRequest(
                "give exactly one of {\"advance\": SECONDS}, {\"set\": RFC3339}, {\"freeze\": true}, {\"real\": true}")
        }
        let change: VirtualClock.Change
        let clock = sandbox.environment.clock
        let latest = VirtualClock.range.upperBound
        if let seconds = body.advance {
            let most = max(0, latest.timeIntervalSince(clock.now()).rounded(.down))
            guard seconds.isFinite, (0...most).contains(seconds) else {
                throw AdminError.badRequest(
                    "advance must be a number of seconds from 0 to \(Int(most)) (the clock cannot pass "
                        + "\(SandboxTime.format(latest))), got \(seconds)")
            }
            change = .advance(seconds: seconds)
        } else if let text = body.set {
            guard let date = SandboxTime.parse(text), VirtualClock.range.contains(date) else {
                throw AdminError.badRequest(
                    "set must be an RFC 3339 time from 1970-01-01T00:00:00Z to \(SandboxTime.format(latest)), "
                        + "such as 2026-01-01T00:00:00Z, got '\(text)'")
            }
            change = .set(date)
        } else {
            change = body.freeze == true ? .freeze : .real
        }
        sandbox.environment.clock.apply(change)
        try await sandbox.saveClock()
        return JSONResponse(clockState())
    }

    private func clockState() -> ClockState {
        let clock = sandbox.environment.clock
        switch clock.currentMode {
        case .real(let offset):
            return ClockState(now: SandboxTime.format(clock.now()), mode: "real", offsetSeconds: offset)
        case .frozen:
            return ClockState(now: SandboxTime.format(clock.now()), mode: "frozen", offsetSeconds: nil)
        }
    }
}
