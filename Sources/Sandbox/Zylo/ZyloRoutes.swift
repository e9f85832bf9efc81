import Hummingbird

/// Zylo API v1's route table, one line per endpoint, paths as the vendor documents them.
enum ZyloRoutes {
    static func register(on group: RouterGroup<SandboxContext>, handlers h: ZyloHandlers) {
        group.get("v1/subscriptions", use: h.getListOfSubscriptions)
        group.get("v1/subscriptions/:subscription", use: h.getSubscriptionByID)
        group.get("v1/subscriptions/:subscription/users/aggregates/licenses", use: h.getSubscriptionLicenseAggregates)
        group.post("v1/subscriptions/:subscription/exportJobs", use: h.createNewExportJobRecord)
        group.get("v1/subscriptions/:subscription/exportJobs", use: h.getExportJobsBySubscription)
        group.get("v1/subscriptions/:subscription/exportJobs/:exportJob", use: h.getExportJobByID)
        group.post("v1/subscriptions/:subscription/importJob", use: h.createNewImportJob)
        group.get("v1/subscriptions/:subscription/importJob", use: h.getImportJobsBySubscription)
        group.get("v1/subscriptions/:subscription/importJob/:importJob", use: h.getImportJobByID)
        group.post("v1/subscriptions/:subscription/importJob/:importJob", use: h.uploadImportJobFile)
        group.post("v1/usageconnect/:usageconnectId/import", use: h.createUsageConnectImportJob)
        group.get("__sandbox/downloads/:token", use: h.download)
    }
}
