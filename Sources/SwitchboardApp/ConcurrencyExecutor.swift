import NIOCore
import NIOPosix
import SwitchboardStore

extension AppConfig {
    /// Runs Swift concurrency's jobs on NIO's event loops instead of on a thread pool of its
    /// own, when this configuration allows it. Call first thing in `main`, once.
    ///
    /// On PostgreSQL every wait is a non-blocking socket, so a request no longer hops from an
    /// event loop to the pool and back at each `await`. Rounds over many tickets run on
    /// `BackgroundExecutor`, else their parallel parts would share the loop they started on.
    /// On SQLite the writer calls libsqlite3 on its own thread, which must not be an event
    /// loop's: there Swift's pool stays.
    @discardableResult
    public func installConcurrencyExecutor() -> Bool {
        guard case .postgres = database else { return false }
        guard NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() else { return false }
        BackgroundExecutor.use()
        return true
    }
}
