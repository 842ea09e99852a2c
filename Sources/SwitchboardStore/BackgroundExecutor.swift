import Dispatch
import Synchronization

/// Where rounds over many tickets run their work when Swift concurrency runs on NIO's event
/// loops (see `AppConfig.installConcurrencyExecutor`): there a task stays on the loop it
/// started from, so the parts of a round meant to run side by side (the SLA round's reader and
/// writer, `readSlices`' lanes) would share one thread. This executor hands each job to
/// Dispatch's global pool, one thread per core, as Swift's own pool does.
public final class BackgroundExecutor: TaskExecutor, Sendable {
    public static let shared = BackgroundExecutor()
    private static let inUse = Atomic<Bool>(false)

    /// The executor rounds should prefer: nil (no preference) unless `use()` was called.
    public static var preferred: (any TaskExecutor)? { inUse.load(ordering: .relaxed) ? shared : nil }

    /// Makes rounds prefer this executor; called once when concurrency moves to the event loops.
    public static func use() { inUse.store(true, ordering: .relaxed) }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
