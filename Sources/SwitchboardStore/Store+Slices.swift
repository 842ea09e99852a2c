import Foundation

extension Store {
    /// Reads the ids after `after` through `last` in slices of `width` ids, `lanes` slices at a
    /// time, each on a read connection of its own, and hands each slice's result to `consume`
    /// in id order while the next ones are read: rounds over every open ticket use every core
    /// instead of one. `consume` returns false to stop (the slices still being read are dropped).
    public func readSlices<T: Sendable>(
        after: Int64, through last: Int64, width: Int64, lanes: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
        read: @escaping @Sendable (ReadContext, _ after: Int64, _ through: Int64) async throws -> T,
        consume: (T) async throws -> Bool
    ) async throws {
        precondition(width > 0 && lanes > 0)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var launched = 0
            var nextStart = after
            func launch() {
                guard nextStart < last else { return }
                let (start, end, index) = (nextStart, min(last, nextStart + width), launched)
                group.addTask(executorPreference: BackgroundExecutor.preferred) {
                    (index, try await self.read { try await read($0, start, end) })
                }
                nextStart = end
                launched += 1
            }
            for _ in 0..<lanes { launch() }
            var ready: [Int: T] = [:]
            var consumed = 0
            while consumed < launched, let (index, result) = try await group.next() {
                ready[index] = result
                while let next = ready.removeValue(forKey: consumed) {
                    consumed += 1
                    guard try await consume(next) else {
                        group.cancelAll()
                        return
                    }
                    launch()
                }
            }
        }
    }
}
