import Foundation

/// Order-preserving parallel map over the machine's cores, for pure work on
/// independent items (parsing files, scoring topics). The output is the same
/// as `items.map(transform)`; only the wall-clock time differs.
public enum Parallel {
    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, items.count > 1 else { return items.map(transform) }
        // A few chunks per core balance uneven files without much overhead.
        let count = items.count
        let chunks = min(count, cores * 4)
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            nonisolated(unsafe) let input = items
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                    for i in range { output[i] = work(input[i]) }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Work started on a thread of its own now, whose result is waited for
/// later. Its own thread, not a dispatch worker: whoever waits may itself be
/// a worker, and a pool of two workers on two cores must never be all waiting.
public final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    public init(_ work: @escaping @Sendable () -> T) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// The result, once the work has finished (called from one thread).
    public var value: T {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }
}
