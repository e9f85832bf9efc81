import Foundation

/// The fixture company: a deterministic set of realistic subscriptions and their users, fixed by a seed.
///
/// 120 subscriptions (three pages at Zylo's default page size of 50), 8–40 users each.
enum ZyloFixtures {
    struct Entry: Sendable {
        let appName: String
        let subscription: ZyloSubscription
        let users: [ZyloUser]
    }

    private struct App {
        let name: String
        let supplier: String
        let category: String
        let subcategory: String
        let url: String
        let licenses: [String]
        let seatPrice: Int
    }

    private static let apps: [App] = [
        App(
            name: "Slack", supplier: "Slack Technologies", category: "Collaboration", subcategory: "Messaging",
            url: "https://slack.com", licenses: ["Pro", "Business+"], seatPrice: 150),
        App(
            name: "Zoom", supplier: "Zoom Video Communications", category: "Collaboration",
            subcategory: "Video Conferencing", url: "https://zoom.us", licenses: ["Pro", "Business"], seatPrice: 180),
        App(
            name: "Salesforce Sales Cloud", supplier: "Salesforce", category: "Sales", subcategory: "CRM",
            url: "https://login.salesforce.com", licenses: ["Professional", "Enterprise", "Unlimited"], seatPrice: 1800),
        App(
            name: "Atlassian Jira", supplier: "Atlassian", category: "Engineering", subcategory: "Project Management",
            url: "https://id.atlassian.com", licenses: ["Standard", "Premium"], seatPrice: 97),
        App(
            name: "Atlassian Confluence", supplier: "Atlassian", category: "Collaboration",
            subcategory: "Knowledge Management", url: "https://id.atlassian.com", licenses: ["Standard", "Premium"],
            seatPrice: 72),
        App(
            name: "GitHub", supplier: "GitHub", category: "Engineering", subcategory: "Source Control",
            url: "https://github.com", licenses: ["Team", "Enterprise"], seatPrice: 252),
        App(
            name: "Figma", supplier: "Figma", category: "Design", subcategory: "Interface Design",
            url: "https://www.figma.com", licenses: ["Viewer", "Editor", "Dev Mode"], seatPrice: 540),
        App(
            name: "Miro", supplier: "RealtimeBoard", category: "Collaboration", subcategory: "Whiteboarding",
            url: "https://miro.com", licenses: ["Starter", "Business"], seatPrice: 120),
        App(
            name: "Asana", supplier: "Asana", category: "Productivity", subcategory: "Project Management",
            url: "https://app.asana.com", licenses: ["Premium", "Business"], seatPrice: 131),
        App(
            name: "Notion", supplier: "Notion Labs", category: "Productivity", subcategory: "Knowledge Management",
            url: "https://www.notion.so", licenses: ["Plus", "Business"], seatPrice: 120),
        App(
            name: "HubSpot Marketing Hub", supplier: "HubSpot", category: "Marketing",
            subcategory: "Marketing Automation", url: "https://app.hubspot.com", licenses: ["Core Seat", "Sales Seat"],
            seatPrice: 540),
        App(
            name: "DocuSign eSignature", supplier: "DocuSign", category: "Legal", subcategory: "E-Signature",
            url: "https://account.docusign.com", licenses: ["Standard", "Business Pro"], seatPrice: 300),
        App(
            name: "Adobe Creative Cloud", supplier: "Adobe", category: "Design", subcategory: "Creative Suite",
            url: "https://creativecloud.adobe.com", licenses: ["All Apps", "Single App", "Acrobat Pro"], seatPrice: 1000
        ),
        App(
            name: "Microsoft 365", supplier: "Microsoft", category: "Productivity", subcategory: "Office Suite",
            url: "https://portal.office.com", licenses: ["E3", "E5", "Business Basic"], seatPrice: 432),
        App(
            name: "Google Workspace", supplier: "Google", category: "Productivity", subcategory: "Office Suite",
            url: "https://workspace.google.com", licenses: ["Business Standard", "Enterprise"], seatPrice: 144),
        App(
            name: "Box", supplier: "Box", category: "IT", subcategory: "File Storage", url: "https://app.box.com",
            licenses: ["Business", "Enterprise"], seatPrice: 180),
        App(
            name: "Dropbox Business", supplier: "Dropbox", category: "IT", subcategory: "File Storage",
            url: "https://www.dropbox.com", licenses: ["Standard", "Advanced"], seatPrice: 180),
        App(
            name: "Okta", supplier: "Okta", category: "Security", subcategory: "Identity Management",
            url: "https://login.okta.com", licenses: ["SSO", "MFA", "Lifecycle Management"], seatPrice: 96),
        App(
            name: "1Password", supplier: "AgileBits", category: "Security", subcategory: "Password Management",
            url: "https://my.1password.com", licenses: ["Business"], seatPrice: 96),
        App(
            name: "Datadog", supplier: "Datadog", category: "Engineering", subcategory: "Monitoring",
            url: "https://app.datadoghq.com", licenses: ["Pro", "Enterprise"], seatPrice: 276),
        App(
            name: "PagerDuty", supplier: "PagerDuty", category: "Engineering", subcategory: "Incident Management",
            url: "https://app.pagerduty.com", licenses: ["Professional", "Business"], seatPrice: 492),
        App(
            name: "Zendesk Suite", supplier: "Zendesk", category: "Customer Support", subcategory: "Help Desk",
            url: "https://www.zendesk.com", licenses: ["Suite Team", "Suite Professional"], seatPrice: 1380),
        App(
            name: "Intercom", supplier: "Intercom", category: "Customer Support", subcategory: "Messaging",
            url: "https://app.intercom.com", licenses: ["Essential", "Advanced"], seatPrice: 348),
        App(
            name: "Workday HCM", supplier: "Workday", category: "HR", subcategory: "Human Capital Management",
            url: "https://www.myworkday.com", licenses: ["Employee", "HR Partner"], seatPrice: 420),
        App(
            name: "BambooHR", supplier: "BambooHR", category: "HR", subcategory: "HRIS",
            url: "https://www.bamboohr.com", licenses: ["Core", "Pro"], seatPrice: 96),
        App(
            name: "Greenhouse", supplier: "Greenhouse Software", category: "HR", subcategory: "Recruiting",
            url: "https://app.greenhouse.io", licenses: ["Basic", "Interviewer", "Site Admin"], seatPrice: 240),
        App(
            name: "Gong", supplier: "Gong.io", category: "Sales", subcategory: "Revenue Intelligence",
            url: "https://app.gong.io", licenses: ["Full", "Viewer"], seatPrice: 1600),
        App(
            name: "ZoomInfo", supplier: "ZoomInfo", category: "Sales", subcategory: "Sales Intelligence",
            url: "https://login.zoominfo.com", licenses: ["Professional", "Advanced"], seatPrice: 2500),
        App(
            name: "Tableau", supplier: "Salesforce", category: "Analytics", subcategory: "Business Intelligence",
            url: "https://online.tableau.com", licenses: ["Creator", "Explorer", "Viewer"], seatPrice: 900),
        App(
            name: "Looker", supplier: "Google", category: "Analytics", subcategory: "Business Intelligence",
            url: "https://looker.com", licenses: ["Developer", "Standard", "Viewer"], seatPrice: 720),
        App(
            name: "Snowflake", supplier: "Snowflake", category: "Engineering", subcategory: "Data Warehouse",
            url: "https://app.snowflake.com", licenses: ["Standard", "Enterprise"], seatPrice: 1200),
        App(
            name: "Smartsheet", supplier: "Smartsheet", category: "Productivity", subcategory: "Work Management",
            url: "https://app.smartsheet.com", licenses: ["Pro", "Business"], seatPrice: 108),
        App(
            name: "Monday.com", supplier: "monday.com", category: "Productivity", subcategory: "Work Management",
            url: "https://auth.monday.com", licenses: ["Standard", "Pro"], seatPrice: 144),
        App(
            name: "Loom", supplier: "Loom", category: "Collaboration", subcategory: "Video Messaging",
            url: "https://www.loom.com", licenses: ["Business", "Creator Lite"], seatPrice: 150),
        App(
            name: "Calendly", supplier: "Calendly", category: "Productivity", subcategory: "Scheduling",
            url: "https://calendly.com", licenses: ["Standard", "Teams"], seatPrice: 144),
        App(
            name: "Expensify", supplier: "Expensify", category: "Finance", subcategory: "Expense Management",
            url: "https://www.expensify.com", licenses: ["Collect", "Control"], seatPrice: 108),
        App(
            name: "NetSuite", supplier: "Oracle", category: "Finance", subcategory: "ERP",
            url: "https://system.netsuite.com", licenses: ["Full User", "Employee Center"], seatPrice: 1188),
        App(
            name: "Coupa", supplier: "Coupa Software", category: "Finance", subcategory: "Procurement",
            url: "https://coupa.com", licenses: ["Requester", "Approver"], seatPrice: 600),
        App(
            name: "LinkedIn Sales Navigator", supplier: "LinkedIn", category: "Sales",
            subcategory: "Sales Intelligence", url: "https://www.linkedin.com/sales", licenses: ["Core", "Advanced"],
            seatPrice: 960),
        App(
            name: "CrowdStrike Falcon", supplier: "CrowdStrike", category: "Security",
            subcategory: "Endpoint Protection", url: "https://falcon.crowdstrike.com",
            licenses: ["Falcon Go", "Falcon Pro"], seatPrice: 60),
    ]

    private static let businessUnits = [
        "Engineering", "Sales", "Marketing", "Finance", "People", "Operations", "Customer Success", "Legal",
    ]
    private static let firstNames = [
        "Ava", "Liam", "Maya", "Noah", "Priya", "Mateo", "Chloe", "Kenji", "Sofia", "Omar", "Grace", "Lucas", "Amara",
        "Ethan", "Zoe", "Ravi", "Hannah", "Diego", "Mei", "Samuel", "Nora", "Tariq", "Elena", "Jonah", "Ines", "Felix",
        "Leah", "Arjun", "Camila", "Owen",
    ]
    private static let lastNames = [
        "Nguyen", "Smith", "Garcia", "Okafor", "Patel", "Kowalski", "Johnson", "Tanaka", "Rossi", "Haddad", "Murphy",
        "Silva", "Mensah", "Brown", "Dubois", "Iyer", "Fischer", "Lopez", "Chen", "Adeyemi", "Larsen", "Khan", "Novak",
        "Wright", "Moreau", "Becker", "Cohen", "Reddy", "Alvarez", "Walsh",
    ]

    /// The number of fixture subscriptions.
    static let subscriptionCount = 120

    /// The fixture company for `seed` with `count` subscriptions; `now` anchors activity dates and contract terms.
    static func generate(seed: UInt64, now: Date, count: Int = subscriptionCount) -> [Entry] {
        var random = SeededRandom(seed: seed ^ 0x7A79_6C6F)
        let ids = IDGenerator.deterministic(seed: seed ^ 0x5A59_4C4F)
        let calendar = Calendar(identifier: .gregorian)
        // Thousands of users ask for a few hundred distinct days; Foundation's calendar arithmetic is slow on Linux.
        var days: [Int: String] = [:]
        let day = { (offset: Int) -> String in
            if let known = days[offset] { return known }
            let date = calendar.date(byAdding: .day, value: offset, to: now) ?? now
            let text = String(SandboxTime.format(date).prefix(10))
            days[offset] = text
            return text
        }
        return (0..<count).map { index in
            let app = apps[index % apps.count]
            let unit = businessUnits[(index / apps.count + index) % businessUnits.count]
            let created = now.addingTimeInterval(-Double(400 + index * 3) * 86_400)
            let createTime = SandboxTime.format(created)
            let users = makeUsers(app: app, random: &random, day: day)
            let active = users.filter { $0.daysActiveOfLast30 > 0 }.count
            let purchased = users.count + Int.random(in: 0...10, using: &random)
            let annual = app.seatPrice * purchased
            let money = { (amount: Int) in
                ZyloSubscription.Money(
                    amount: String(format: "%d.%02d", amount, Int.random(in: 0...99, using: &random)))
            }
            let contractStart = -Int.random(in: 30...300, using: &random)
            let subscription = ZyloSubscription(
                appId: "application/\(ids.id())",
                appDescription: "\(app.name) for the \(unit) team",
                id: ids.id(),
                name: "", createTime: createTime,
                updateTime: SandboxTime.format(
                    created.addingTimeInterval(Double(Int.random(in: 1...300, using: &random)) * 86_400)),
                category: app.category, subcategory: app.subcategory, status: index % 17 == 16 ? "inactive" : "active",
                businessUnit: unit, ssoEnforced: index % 3 != 0, launchUrl: app.url,
                sources: index % 2 == 0 ? ["API Integration", "Single Sign-On"] : ["Expense", "Accounts Payable"],
                itSupported: index % 4 != 3, type: index % 5 == 0 ? "Enterprise" : "Team",
                businessGoals: "Improve \(app.subcategory.lowercased()) for \(unit)",
                tags: [app.category.lowercased(), unit.lowercased()], supplierName: app.supplier,
                holdsPii: index % 3 == 1,
                notes: [
                    ZyloSubscription.Note(
                        text: "Renewal owner: \(unit) operations", createTime: createTime,
                        createdBy: "zylo-admin@example.com", updateTime: createTime)
                ],
                functionalities: [app.subcategory], cloud: true, nextAction: index % 6 == 0 ? "Review renewal" : "None",
                trueUp: index % 7 == 0,
                primaryCostCenter: .init(
                    name: "\(unit) (CC-\(1000 + index % 40))", annualSpend: money(annual),
                    numberOfCostCenters: 1 + index % 3),
                primaryContract: .init(
                    startDate: day(contractStart), endDate: day(contractStart + 365),
                    contractEndDate: day(contractStart + 365),
                    totalContractValue: money(annual), billFrequency: index % 4 == 0 ? 1 : 12,
                    cancellationNotificationLength: [30, 60, 90][index % 3], licensesPurchased: String(purchased)),
                usageStats: .init(
                    uniqueActiveUsers: active, uniqueProvisionedUsers: users.count, activityThreshold: "30",
                    provisionedUsers: users.count, activeUsers: active,
                    percentActiveUsers: String(format: "%.2f", Double(active) * 100 / Double(max(users.count, 1))),
                    percentLicensesProvisioned: String(
                        format: "%.2f", Double(users.count) * 100 / Double(max(purchased, 1)))),
                payment: .init(
                    yearToDateSpend: money(annual * 3 / 4), annualSpend: money(annual), apSpend: money(annual / 2),
                    expenseSpend: money(annual / 10), lastTransactionDate: day(-Int.random(in: 1...40, using: &random)),
                    lastApTransactionDate: day(-Int.random(in: 20...60, using: &random)),
                    lastExpenseTransactionDate: day(-Int.random(in: 5...90, using: &random)),
                    numberOfTransactions: Int.random(in: 2...48, using: &random),
                    numberOfUsersExpensing: Int.random(in: 0...6, using: &random), numberOfCostCenters: 1 + index % 3,
                    primaryCostCenter: "\(unit) (CC-\(1000 + index % 40))"))
            var named = subscription
            named.name = "subscription/\(subscription.id)"
            return Entry(appName: app.name, subscription: named, users: users)
        }
    }

    private static func makeUsers(app: App, random: inout SeededRandom, day: (Int) -> String) -> [ZyloUser] {
        let count = Int.random(in: 8...40, using: &random)
        var seen = Set<String>()
        var users: [ZyloUser] = []
        while users.count < count {
            let first = firstNames.randomElement(using: &random) ?? "Ava"
            let last = lastNames.randomElement(using: &random) ?? "Smith"
            guard seen.insert(first + " " + last).inserted else { continue }
            let days = Int.random(in: 0...30, using: &random)
            let licenseCount = app.licenses.count > 1 && Int.random(in: 0...4, using: &random) == 0 ? 2 : 1
            let licenses = Array(app.licenses.shuffled(using: &random).prefix(licenseCount)).joined(separator: ",")
            users.append(
                ZyloUser(
                    firstName: first, lastName: last,
                    lastActivityDate: day(
                        days > 0 ? -Int.random(in: 0...3, using: &random) : -Int.random(in: 31...200, using: &random)),
                    daysActiveOfLast30: days, licenseNames: licenses,
                    isPaidUser: Int.random(in: 0...9, using: &random) > 1))
        }
        return users.sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }
    }
}
