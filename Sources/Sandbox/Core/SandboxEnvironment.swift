/// The sources of time and identity every handler reads, injected so responses are byte-stable in tests.
public struct SandboxEnvironment: Sendable {
    /// The virtual clock.
    public var clock: VirtualClock
    /// Where ids and secrets come from.
    public var ids: IDGenerator
    /// Every in-memory cache, memo and limiter, registered so one call resets them all.
    public let memory: InMemoryState

    /// Creates an environment from a clock and an id source.
    public init(clock: VirtualClock, ids: IDGenerator, memory: InMemoryState = InMemoryState()) {
        self.clock = clock
        self.ids = ids
        self.memory = memory
    }
}
