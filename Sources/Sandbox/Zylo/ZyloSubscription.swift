/// Zylo's Subscription object, as the vendor's "Get subscription by ID" sample shows it.
struct ZyloSubscription: Codable, Sendable, Equatable {
    struct Money: Codable, Sendable, Equatable {
        var currencyCode = "USD"
        /// A decimal string, as Zylo sends it (`"199.99"`).
        var amount: String
    }

    struct Note: Codable, Sendable, Equatable {
        var text: String
        var createTime: String
        var createdBy: String
        var updateTime: String
    }

    struct CostCenter: Codable, Sendable, Equatable {
        var name: String
        var annualSpend: Money
        var numberOfCostCenters: Int
    }

    struct Contract: Codable, Sendable, Equatable {
        var startDate: String
        var endDate: String
        var contractEndDate: String
        var totalContractValue: Money
        var billFrequency: Int
        var cancellationNotificationLength: Int
        var licensesPurchased: String
    }

    struct UsageStats: Codable, Sendable, Equatable {
        var uniqueActiveUsers: Int
        var uniqueProvisionedUsers: Int
        var activityThreshold: String
        var provisionedUsers: Int
        var activeUsers: Int
        var percentActiveUsers: String
        var percentLicensesProvisioned: String
    }

    struct Payment: Codable, Sendable, Equatable {
        var yearToDateSpend: Money
        var annualSpend: Money
        var apSpend: Money
        var expenseSpend: Money
        var lastTransactionDate: String
        var lastApTransactionDate: String
        var lastExpenseTransactionDate: String
        var numberOfTransactions: Int
        var numberOfUsersExpensing: Int
        var numberOfCostCenters: Int
        var primaryCostCenter: String
    }

    var appId: String
    var appDescription: String
    var id: String
    var name: String
    var createTime: String
    var updateTime: String
    var category: String
    var subcategory: String
    var status: String
    var businessUnit: String
    var ssoEnforced: Bool
    var launchUrl: String
    var sources: [String]
    var itSupported: Bool
    var type: String
    var businessGoals: String
    var tags: [String]
    var supplierName: String
    var holdsPii: Bool
    var notes: [Note]
    var functionalities: [String]
    var cloud: Bool
    var nextAction: String
    var trueUp: Bool
    var primaryCostCenter: CostCenter
    var primaryContract: Contract
    var usageStats: UsageStats
    var payment: Payment
}
