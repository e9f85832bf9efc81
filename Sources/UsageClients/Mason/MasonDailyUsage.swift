/// One day of a usage time series: bytes uploaded, downloaded and in total on `day`.
public struct MasonDailyUsage: Decodable, Sendable, Hashable {
    /// The day's start, such as `2020-08-01T00:00:00Z`, as the vendor wrote it.
    public let day: String
    /// Bytes uploaded and downloaded.
    public let total: Int64
    /// Bytes uploaded.
    public let upload: Int64
    /// Bytes downloaded.
    public let download: Int64
    /// The unit of the three counts, `bytes`.
    public let unit: String

    private enum CodingKeys: String, CodingKey {
        case day, date, total, upload, download, unit
    }

    /// Decodes a row; the usage model's `date` is read when `day` is absent, a missing `unit` means bytes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        day =
            try container.decodeIfPresent(String.self, forKey: .day)
            ?? container.decode(String.self, forKey: .date)
        total = try container.decodeIfPresent(Int64.self, forKey: .total) ?? 0
        upload = try container.decodeIfPresent(Int64.self, forKey: .upload) ?? 0
        download = try container.decodeIfPresent(Int64.self, forKey: .download) ?? 0
        unit = try container.decodeIfPresent(String.self, forKey: .unit) ?? "bytes"
    }
}
