/// The direction aggregate usages are sorted in; Mason's default is ``descending``.
public enum MasonOrder: String, Sendable, Hashable, CaseIterable {
    /// Smallest first (`asc`).
    case ascending = "asc"
    /// Largest first (`desc`).
    case descending = "desc"
}
