/// Which build of the sandbox is running: what `usage-sandbox --version` prints and `GET /__admin/health` reports.
///
/// ```swift
/// print(SandboxVersion.description)  // usage-sandbox 0.1.0 (commit 1f3c…)
/// ```
public enum SandboxVersion {
    /// The release number, raised by hand when a release changes what a user sees.
    public static let version = "0.1.0"

    /// The git commit the binary was built from (`git rev-parse HEAD` at build time), or `unknown` when it was built
    /// outside a git checkout.
    public static let commit = GeneratedBuildInfo.commit

    /// One line naming the program, the version and the commit.
    public static var description: String { "usage-sandbox \(version) (commit \(commit))" }
}
