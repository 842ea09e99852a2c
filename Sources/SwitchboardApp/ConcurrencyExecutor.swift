import NIOCore
import NIOPosix

extension AppConfig {
    /// Runs Swift concurrency's jobs on NIO's event loops instead of on a thread pool of its
    /// own, when this configuration allows it. Call first thing in `main`, once.
    ///
    /// On PostgreSQL every wait is a non-blocking socket, so a request no longer hops from an
    /// event loop to the pool and back at each `await`: ticket creation took a fifth less
    /// server CPU per ticket (BENCHMARKS.md, twelfth session). On SQLite the writer calls
    /// libsqlite3 on its own thread, which must not be an event loop's: there the pool stays.
    /// Either way, slow blocking work (bcrypt) goes to `Application.threadPool`.
    @discardableResult
    public func installConcurrencyExecutor() -> Bool {
        guard case .postgres = database else { return false }
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
