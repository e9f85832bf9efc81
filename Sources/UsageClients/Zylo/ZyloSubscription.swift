/// A configured subscription to an application in Zylo, as `GET /v1/subscriptions` lists it.
///
/// The commonly used fields are typed; every field the vendor sent, including the nested cost centre, contract,
/// usage statistics and payment objects, is in ``fields``.
public struct ZyloSubscription: Decodable, Sendable, Hashable, Identifiable {
    /// The subscription's id, used in every per-subscription route.
    public let id: String
    /// The resource name, such as `subscription/<uuid>`.
    public let name: String?
    /// The application, such as `application/<uuid>`.
    public let appId: String?
    /// The application's description.
    public let appDescription: String?
    /// The category, such as `Productivity`.
    public let category: String?
    /// The subcategory.
    public let subcategory: String?
    /// The status, such as `active`.
    public let status: String?
    /// The owning business unit.
    public let businessUnit: String?
    /// The supplier's name.
    public let supplierName: String?
    /// Whether single sign-on is enforced.
    public let ssoEnforced: Bool?
    /// The application's launch URL.
    public let launchUrl: String?
    /// Tags set in Zylo.
    public let tags: [String]
    /// When the subscription was created, as the vendor wrote it (`+00:00` or `Z`).
    public let createTime: String?
    /// When the subscription last changed, as the vendor wrote it.
    public let updateTime: String?
    /// Every field of the vendor's object.
    public let fields: [String: JSONValue]

    /// Decodes a subscription, tolerating absent fields and fields of unexpected types; only `id` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZyloAnyKey.self)
        id = try container.decode(String.self, forKey: ZyloAnyKey("id"))
        name = container.lenient(String.self, "name")
        appId = container.lenient(String.self, "appId")
        appDescription = container.lenient(String.self, "appDescription")
        category = container.lenient(String.self, "category")
        subcategory = container.lenient(String.self, "subcategory")
        status = container.lenient(String.self, "status")
        businessUnit = container.lenient(String.self, "businessUnit")
        supplierName = container.lenient(String.self, "supplierName")
        ssoEnforced = container.lenient(Bool.self, "ssoEnforced")
        launchUrl = container.lenient(String.self, "launchUrl")
        tags = container.lenient([String].self, "tags") ?? []
        createTime = container.lenient(String.self, "createTime")
        updateTime = container.lenient(String.self, "updateTime")
        fields = container.allFields()
    }
}
