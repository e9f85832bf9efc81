import Foundation
import GRDB

extension UsageEngineStore {
    /// Writes an account's meter types and meters from fixture files.
    static func loadFixtures(_ db: Database, _ account: UsageEngineFixtureFiles.Account) throws {
        for type in account.meterTypes { try type.insert(db) }
        for meter in account.meters { try meter.insert(db) }
    }

    /// Account `tenant`'s meter types and meters in creation order, as stored.
    static func exportFixtures(_ db: Database, tenant: String) throws -> UsageEngineFixtureFiles.Account {
        UsageEngineFixtureFiles.Account(
            meterTypes: try UsageEngineMeterType.filter(Column("tenant") == tenant).order(Column.rowID).fetchAll(db),
            meters: try UsageEngineMeter.filter(Column("tenant") == tenant).order(Column.rowID).fetchAll(db))
    }
}
