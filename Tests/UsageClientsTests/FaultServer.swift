import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-connection TCP server on loopback that misbehaves on purpose, on a thread of its own.
final class FaultServer: Sendable {
    enum Fault: Sendable {
        /// Answer with a TCP reset.
        case reset
        /// Close without answering.
        case close
        /// Answer bytes that are not HTTP.
        case garbage
        /// Say nothing for a while, then close.
        case silence(seconds: UInt32)
    }

    let port: Int
    private let listener: Int32

    init(_ fault: Fault) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw UsageClientTestError.serverDidNotStart
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [fd] in Self.serveOnce(fd, fault: fault) }.start()
    }

    deinit { close(listener) }

    private static func serveOnce(_ listener: Int32, fault: Fault) {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        _ = recv(connection, &buffer, buffer.count, 0)
        switch fault {
        case .reset:
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        case .close:
            break
        case .garbage:
            _ = "SPLAT not http at all\r\n\r\n".withCString { send(connection, $0, strlen($0), 0) }
        case .silence(let seconds):
            sleep(seconds)
        }
        close(connection)
    }
}

enum UsageClientTestError: Error {
    case serverDidNotStart
}
