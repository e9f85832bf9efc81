import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One process per database file: an exclusive `flock` on `<database>.lock`, which holds the owner's process id.
///
/// Two servers on one file would drift apart (each keeps the clock, credentials and page-token keys in memory too),
/// so the second refuses to start and names the first. The lock dies with its process, `kill -9` included, so a
/// crash never leaves a stale lock behind. Within one process the same file may be opened more than once (tests
/// restart a sandbox on its file while the old one is still referenced): the handles share one lock.
final class DatabaseLock: Sendable {
    /// Another process holds the database.
    struct InUse: Error, CustomStringConvertible {
        let path: String
        let holder: String

        var description: String {
            "the database \(path) is in use by another usage-sandbox (process \(holder)); stop that one, or give "
                + "this one another --db (or --db :memory:)"
        }
    }

    /// The lock files this process holds: descriptor and how many open databases share it.
    private static let held = Mutex<[String: (descriptor: Int32, users: Int)]>([:])

    private let lockPath: String

    /// Takes the lock of the database at `path`, or throws ``InUse`` naming the process that has it.
    init(databasePath path: String) throws {
        let lockPath = URL(fileURLWithPath: path + ".lock").standardizedFileURL.path
        self.lockPath = lockPath
        try Self.held.withLock { held in
            if let entry = held[lockPath] {
                held[lockPath] = (entry.descriptor, entry.users + 1)
                return
            }
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: lockPath])
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                var bytes = [UInt8](repeating: 0, count: 32)
                let count = read(descriptor, &bytes, bytes.count)
                close(descriptor)
                let holder = String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                throw InUse(path: path, holder: holder.isEmpty ? "unknown" : holder)
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pwrite(descriptor, pid, pid.count, 0)
            held[lockPath] = (descriptor, 1)
        }
    }

    deinit {
        Self.held.withLock { held in
            guard let entry = held[lockPath] else { return }
            if entry.users > 1 {
                held[lockPath] = (entry.descriptor, entry.users - 1)
            } else {
                close(entry.descriptor)
                held[lockPath] = nil
            }
        }
    }
}
