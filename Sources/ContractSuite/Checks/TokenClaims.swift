/// Records a JWT's header algorithm and claim names with their JSON types (never their values).
enum TokenClaims {
    static func observe(_ c: CheckContext, _ jwt: JWTParts) {
        c.observe("token claim alg", jwt.header["alg"]?.string ?? "absent")
        c.observe("token claim typ", jwt.header["typ"]?.string ?? "absent")
        c.observe("token claim kid", jwt.header["kid"] == nil ? "absent" : "present")
        for name in jwt.claims.keys {
            c.observe("token claim \(name)", jwt.claims[name]?.typeName ?? "absent")
        }
    }
}
