/// The documented credentials every fresh sandbox has, listed in the README and at `GET /__admin/credentials`.
public enum DemoCredentials {
    /// Zylo's demo token: `Authorization: Bearer zylo-demo-token:zylo-demo-secret`.
    public static let zyloTokenID = "zylo-demo-token"
    /// The secret half of Zylo's demo token.
    public static let zyloTokenSecret = "zylo-demo-secret"

    /// Mason's demo API key (scope `connect:read`): `Authorization: basic mason-demo-key`.
    public static let masonAPIKey = "mason-demo-key"

    /// Hyalto's demo API key: exchange it at `POST /hyalto/accountManagement/auth/token`.
    public static let hyaltoAccessKey = "190.1fae4315-f50a-4c76-8213-1b9d79e43599"
    /// The secret half of Hyalto's demo API key.
    public static let hyaltoSecretKey = "a6e81199-5318-4c29-ae47-01190958356e"
    /// Hyalto's demo service-provider account, the seed token's `accountId`.
    public static let hyaltoAccountID = "164"
    /// Usage Engine's demo Application Access: `client_id`.
    public static let usageEngineClientID = "usage-engine-demo-client"
    /// Usage Engine's demo `client_secret`.
    public static let usageEngineClientSecret = "usage-engine-demo-secret-0123456789abcdef"
    /// The audience Usage Engine tokens are requested for: the environment's base URL.
    public static let usageEngineAudience = "https://api.digitalroute.io/"
    /// Every metering scope, as Usage Engine grants by default.
    public static let usageEngineScopes = [
        "create:meter_types", "create:meters", "delete:meter_types", "delete:meters", "read:meter_types",
        "read:meters", "update:meter_types", "update:meters",
    ]

    static func all(seed: UInt64, createdAt: String) -> [Credential] {
        let ids = IDGenerator.deterministic(seed: seed ^ 0xC0DE)
        return [
            Credential(
                id: "zylo-demo", vendor: .zylo, key: zyloTokenID, secret: zyloTokenSecret, tenant: ids.id(),
                scopes: [], audience: nil, label: "Zylo demo company token", demo: true, createdAt: createdAt),
            Credential(
                id: "hyalto-demo", vendor: .hyalto, key: hyaltoAccessKey, secret: hyaltoSecretKey,
                tenant: hyaltoAccountID, scopes: [], audience: nil, label: "Hyalto demo API key (Demo Co.)", demo: true,
                createdAt: createdAt),
            Credential(
                id: "usage-engine-demo", vendor: .usageEngine, key: usageEngineClientID,
                secret: usageEngineClientSecret,
                tenant: ids.id(), scopes: usageEngineScopes, audience: usageEngineAudience,
                label: "Usage Engine demo Application Access", demo: true, createdAt: createdAt),
            Credential(
                id: "mason-demo", vendor: .mason, key: masonAPIKey, secret: nil, tenant: ids.id(),
                scopes: ["connect:read"], audience: nil, label: "Mason demo API key", demo: true, createdAt: createdAt),
        ]
    }
}
