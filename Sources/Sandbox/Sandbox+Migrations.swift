import GRDB

extension Sandbox {
    /// Each vendor store's own migrations, registered after the core ones in this order (the order is part of the
    /// schema's history: a database made by an earlier version replays nothing it already has).
    static var vendorMigrations: [(inout DatabaseMigrator) -> Void] {
        [
            ZyloStore.registerMigrations,
            MasonStore.registerMigrations,
            HyaltoStore.registerMigrations,
            UsageEngineStore.registerMigrations,
        ]
    }
}
