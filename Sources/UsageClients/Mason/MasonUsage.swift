/// Data used over one period: bytes uploaded, downloaded and in total, from the period's start `date`.
public struct MasonUsage: Decodable, Sendable, Hashable {
    /// Bytes uploaded and downloaded.
    public let total: Int64
    /// Bytes uploaded.
    public let upload: Int64
    /// Bytes downloaded.
    public let download: Int64
    /// The unit of the three counts, `bytes`.
    public let unit: String
    /// The start of the period, such as `2020-08-01T00:00:00Z`, as the vendor wrote it.
    public let date: String?

    /// A usage with these values.
    public init(total: Int64, upload: Int64, download: Int64, unit: String = "bytes", date: String? = nil) {
        self.total = total
        self.upload = upload
        self.download = download
        self.unit = unit
        self.date = date
    }

    private enum CodingKeys: String, CodingKey {
        case total, upload, download, unit, date
    }

    /// Decodes a usage; a missing `unit` means bytes, a missing count zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        total = try container.decodeIfPresent(Int64.self, forKey: .total) ?? 0
        upload = try container.decodeIfPresent(Int64.self, forKey: .upload) ?? 0
        download = try container.decodeIfPresent(Int64.self, forKey: .download) ?? 0
        unit = try container.decodeIfPresent(String.self, forKey: .unit) ?? "bytes"
        date = try container.decodeIfPresent(String.self, forKey: .date)
    }
}
