/// The column aggregate usages are sorted by; Mason's default is ``total``.
public enum MasonOrderColumn: String, Sendable, Hashable, CaseIterable {
    /// Bytes uploaded and downloaded.
    case total
    /// Bytes uploaded.
    case upload
    /// Bytes downloaded.
    case download
}
