import Foundation

/// SplitMix64: a tiny, fast generator whose output depends only on the seed, so demo data is
/// the same on every platform and Swift version (the standard library's helpers such as
/// `shuffled(using:)` may change their algorithm, so the helpers here are our own).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; 0 when `bound` is not positive.
    mutating func int(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.count)
    }

    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// One element of a non-empty table (all tables are constants, checked by the tests).
    mutating func pick<T>(_ items: [T]) -> T {
        items[int(below: items.count)]
    }

    /// One element, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + max($1.1, 0) }
        var roll = int(below: total)
        for (item, weight) in items where weight > 0 {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(below: i + 1))
        }
    }

    /// `count` decimal digits, the first one not zero.
    mutating func digits(_ count: Int) -> String {
        guard count > 0 else { return "" }
        var text = String(int(in: 1...9))
        for _ in 1..<count { text += String(int(below: 10)) }
        return text
    }

    /// `count` lower-case hex digits.
    mutating func hex(_ count: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        return String((0..<count).map { _ in alphabet[int(below: 16)] })
    }
}
