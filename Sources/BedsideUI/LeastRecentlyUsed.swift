import Foundation

/// A small map of made values behind a lock that forgets its least recently
/// used entry when full, so the pages being read stay cached. Values are
/// made outside the lock: two threads may make the same one, which is only
/// wasted work, since everything kept here is a pure function of its key.
public final class LeastRecentlyUsed<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    /// When each key was last used, apart from the values: finding the
    /// oldest then walks small numbers, not copies of large values (a page's
    /// layout), which made every store into a full cache cost a frame's work.
    private var lastUsed: [Key: UInt64] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()
    public let capacity: Int

    public init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, made and kept when it is not known.
    public func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = lookup(key) { return known }
        let made = make()
        store(made, for: key)
        return made
    }

    func lookup(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let hit = values[key] else { return nil }
        clock += 1
        lastUsed[key] = clock
        return hit
    }

    func store(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if values[key] == nil, values.count >= capacity,
           let oldest = lastUsed.min(by: { $0.value < $1.value })?.key {
            values[oldest] = nil
            lastUsed[oldest] = nil
        }
        values[key] = value
        lastUsed[key] = clock
    }
}
