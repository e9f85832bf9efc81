import Dispatch
import Foundation

/// Ends the process a fixed time after SIGTERM or SIGINT, whatever is still running.
///
/// The server shuts down gracefully first (requests in flight may finish, then they are cancelled); a client that
/// keeps a slow upload going, or a backlog of writes, must not keep the process alive for minutes. An open SQLite
/// transaction is rolled back by the next start, so exiting here never leaves a write half done.
final class ShutdownDeadline {
    private let sources: [any DispatchSourceSignal]

    init(seconds: Int) {
        let queue = DispatchQueue(label: "usage-sandbox.shutdown-deadline")
        sources = [SIGTERM, SIGINT].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler {
                queue.asyncAfter(deadline: .now() + .seconds(seconds)) {
                    FileHandle.standardError.write(
                        Data("shutdown took over \(seconds) s; exiting with unfinished work rolled back\n".utf8))
                    _exit(0)
                }
            }
            source.resume()
            return source
        }
    }
}
