import Hummingbird

/// Hyalto's route table, one line per endpoint, paths as the seed and the public script write them (a trailing
/// slash is the same route).
enum HyaltoRoutes {
    static func register(on group: RouterGroup<SandboxContext>, handlers h: HyaltoHandlers) {
        group.post("accountManagement/auth/token", use: h.generateToken)
        group.get("accountManagement/accounts", use: h.listAccounts)
        group.get("serviceOfferings/accounts/:id/services", use: h.listServices)
        group.get("reports/usage/service/:serviceId", use: h.usageReport)
        group.get("solutions/usage/account/:accountId/raw", use: h.rawUsage)
    }
}
