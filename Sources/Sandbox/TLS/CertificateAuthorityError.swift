/// Why the CA could not be loaded, created or used; its description says which file and what to do.
public struct CertificateAuthorityError: Error, CustomStringConvertible {
    /// What went wrong, for a person.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
