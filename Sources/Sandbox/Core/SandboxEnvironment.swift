/// The sources of time and identity every handler reads, injected so responses are byte-stable in tests.
public struct SandboxEnvironment: Sendable {
    /// The virtual clock.
    public var clock: VirtualClock
    /// Where ids and secrets come from.
    public var ids: IDGenerator

    /// Creates an environment from a clock and an id source.
    public init(clock: VirtualClock, ids: IDGenerator) {
        self.clock = clock
        self.ids = ids
    }
}
