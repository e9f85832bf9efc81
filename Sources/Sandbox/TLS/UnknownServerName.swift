/// A TLS client asked for a host name the sandbox has no certificate for.
struct UnknownServerName: Error {
    let name: String
}
