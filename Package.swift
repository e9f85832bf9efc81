// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "UsageSandbox",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sandbox", targets: ["Sandbox"]),
        .library(name: "SandboxTesting", targets: ["SandboxTesting"]),
        .library(name: "UsageClients", targets: ["UsageClients"]),
        .library(name: "UsageJSON", targets: ["UsageJSON"]),
        .library(name: "ContractSuite", targets: ["ContractSuite"]),
        .executable(name: "usage-sandbox", targets: ["usage-sandbox"]),
    ],
    dependencies: [
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1",
            traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        // Transparent HTTPS (issue 18): the local CA and the per-host certificates.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
    ],
    targets: [
        // The built-in seed data and OpenAPI documents, kept at the repository root as `Fixtures/`.
        .target(
            name: "SandboxFixtures",
            path: "Fixtures",
            exclude: ["README.md", "openapi"],
            sources: ["SandboxFixtures.swift"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        // The QA scenario library, kept at the repository root as `scenarios/`.
        .target(
            name: "SandboxScenarios",
            path: "scenarios",
            exclude: ["README.md", "scenario.schema.json", "library"],
            sources: ["SandboxScenarios.swift"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        // The QA dashboard's page, script and styles (`ui/`), served at `/__admin/ui`.
        .target(
            name: "SandboxDashboard",
            exclude: ["ui"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        // Data folders compiled into a target (Plugins/EmbedResources), so the binary needs no `.resources` beside it.
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        // The commit a build comes from, for `--version` and `/__admin/health`.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // The one JSON value type, shared by the sandbox, the client library and the contract suite.
        .target(name: "UsageJSON", swiftSettings: swiftSettings),
        .target(
            name: "Sandbox",
            dependencies: [
                "UsageJSON",
                "SandboxFixtures",
                "SandboxScenarios",
                "SandboxDashboard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["BuildInfo"]
        ),
        .target(
            name: "SandboxTesting",
            dependencies: [
                "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The client library an app ships: it shares no code with the sandbox, so a misreading of a vendor
        // document on one side is caught by the other side's tests.
        .target(
            name: "UsageClients",
            dependencies: [
                "UsageJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The vendor contract checks, written once and run against the sandbox or the live vendors. Only
        // InProcessTarget.swift touches the sandbox (to start one in-process); every check speaks HTTP.
        .target(
            name: "ContractSuite",
            dependencies: [
                "UsageJSON",
                "UsageClients",
                "SandboxTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "usage-sandbox",
            dependencies: [
                "Sandbox",
                "ContractSuite",
                "UsageClients",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "UsageJSON",
                "Sandbox",
                "SandboxDashboard",
                "SandboxTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UsageClientsTests",
            dependencies: [
                "UsageClients",
                "SandboxTesting",
                "Sandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ContractTests",
            dependencies: [
                "ContractSuite",
                "UsageClients",
                "Sandbox",
                "SandboxTesting",
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
