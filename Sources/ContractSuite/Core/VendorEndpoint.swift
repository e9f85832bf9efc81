import Foundation

/// Where one vendor's API answers on a target, and the credential to call it with.
public struct VendorEndpoint: Sendable {
    /// The vendor.
    public let vendor: ContractVendor
    /// The API root: a live host such as `https://api.zylo.com`, or a sandbox's `http://127.0.0.1:8080/zylo`.
    public let baseURL: URL
    /// The credential of this run.
    public let credential: VendorCredential

    /// An endpoint of `vendor` at `baseURL`.
    public init(vendor: ContractVendor, baseURL: URL, credential: VendorCredential) {
        self.vendor = vendor
        self.baseURL = baseURL
        self.credential = credential
    }
}
