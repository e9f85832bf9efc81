import Synchronization

/// An in-memory cache, memo, limiter or journal: what it holds is forgotten when the sandbox resets.
///
/// Each one registers with the sandbox's ``InMemoryState`` when it is created, so a reset reaches every piece without
/// a list written out by hand (as moto gives every backend a `reset()` that one registry calls).
public protocol ResettableState: AnyObject, Sendable {
    /// Forgets everything it holds.
    func reset()
    /// How many entries it holds now; zero right after ``reset()``.
    var count: Int { get }
}

/// The one reset point of a sandbox's in-memory state.
///
/// ```swift
/// final class Names: ResettableState { … }
/// let names = environment.memory.register(Names())
/// environment.memory.resetAll()   // names.count == 0 again
/// ```
public final class InMemoryState: Sendable {
    private let members = Mutex<[any ResettableState]>([])

    public init() {}

    /// Adds `member` to what ``resetAll()`` resets; answers it, for use in an initializer.
    @discardableResult
    public func register<Member: ResettableState>(_ member: Member) -> Member {
        members.withLock { $0.append(member) }
        return member
    }

    /// Resets every registered member.
    public func resetAll() {
        for member in members.withLock({ $0 }) { member.reset() }
    }

    /// Each registered member's type and entry count, for tests and diagnostics.
    public var counts: [(name: String, count: Int)] {
        members.withLock { $0 }.map { (String(describing: type(of: $0)), $0.count) }
    }
}
