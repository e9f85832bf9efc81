/// The documented credentials every fresh sandbox has, listed in the README and at `GET /__admin/credentials`.
public enum DemoCredentials {
    /// Zylo's demo token: `Authorization: Bearer zylo-demo-token:zylo-demo-secret`.
    public static let zyloTokenID = "zylo-demo-token"
    /// The secret half of Zylo's demo token.
    public static let zyloTokenSecret = "zylo-demo-secret"

    /// Mason's demo API key (scope `connect:read`): `Authorization: basic mason-demo-key`.
    public static let masonAPIKey = "mason-demo-key"

    static func all(seed: UInt64, createdAt: String) -> [Credential] {
        let ids = IDGenerator.deterministic(seed: seed ^ 0xC0DE)
        return [
            Credential(
                id: "zylo-demo", vendor: .zylo, key: zyloTokenID, secret: zyloTokenSecret, tenant: ids.id(),
                scopes: [], audience: nil, label: "Zylo demo company token", demo: true, createdAt: createdAt),
            Credential(
                id: "mason-demo", vendor: .mason, key: masonAPIKey, secret: nil, tenant: ids.id(),
                scopes: ["connect:read"], audience: nil, label: "Mason demo API key", demo: true, createdAt: createdAt),
        ]
    }
}
