import Hummingbird

/// The Mason Connectivity Usage API's route table, one line per endpoint, paths as the vendor documents them.
enum MasonRoutes {
    static func register(on group: RouterGroup<SandboxContext>, handlers h: MasonHandlers) {
        group.get("beta/:fleet/data/aggregate/usage", use: h.getAggregateAccountUsage)
        group.get("beta/:fleet/data/aggregate/usage/sim", use: h.getAggregateMultiSIMUsage)
        group.get("beta/:fleet/data/aggregate/usage/sim/:iccid", use: h.getAggregateSIMUsage)
        group.get("beta/:fleet/data/series/usage", use: h.getTimeSeriesAccountUsage)
        group.get("beta/:fleet/data/series/usage/sim", use: h.getTimeSeriesAccountUsage)
        group.get("beta/:fleet/data/series/usage/sim/:iccid", use: h.getTimeSeriesSIMUsage)
        group.get("beta/:fleet/data/series/usage/:iccid", use: h.getTimeSeriesSIMUsageByHeadingPath)
    }
}
