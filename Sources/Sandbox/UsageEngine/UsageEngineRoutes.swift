import Hummingbird

/// Usage Engine Cloud Edition's route table, one line per endpoint, paths as the vendor documents them.
enum UsageEngineRoutes {
    static func register(on group: RouterGroup<SandboxContext>, handlers h: UsageEngineHandlers) {
        group.post("authentication/v1/oauth/token", use: h.createAccessToken)
        group.post("oauth/token", use: h.createAccessTokenByOperationPath)
        group.get(".well-known/jwks.json", use: h.getJSONWebKeySet)
        group.get("usage-metering/v1/meter-types", use: h.listMeterTypes)
        group.post("usage-metering/v1/meter-types", use: h.createMeterType)
        group.get("usage-metering/v1/meter-types/:id", use: h.getMeterType)
        group.put("usage-metering/v1/meter-types/:id", use: h.replaceMeterType)
        group.patch("usage-metering/v1/meter-types/:id", use: h.patchMeterType)
        group.delete("usage-metering/v1/meter-types/:id", use: h.deleteMeterType)
        group.get("usage-metering/v1/meters", use: h.listMeters)
        group.post("usage-metering/v1/meters", use: h.createMeter)
        group.get("usage-metering/v1/meters/:id", use: h.getMeter)
        group.put("usage-metering/v1/meters/:id", use: h.replaceMeter)
        group.patch("usage-metering/v1/meters/:id", use: h.patchMeter)
        group.delete("usage-metering/v1/meters/:id", use: h.deleteMeter)
    }
}
