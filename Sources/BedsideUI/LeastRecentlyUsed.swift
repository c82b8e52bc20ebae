import Foundation

/// A small map of made values behind a lock that forgets its least recently
/// used entry when full, so the pages being read stay cached. Values are
/// made outside the lock: two threads may make the same one, which is only
/// wasted work, since everything kept here is a pure function of its key.
final class LeastRecentlyUsed<Key: Hashable, Value>: @unchecked Sendable {
    private var entries: [Key: (value: Value, lastUsed: UInt64)] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, made and kept when it is not known.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = lookup(key) { return known }
        let made = make()
        store(made, for: key)
        return made
    }

    func lookup(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let hit = entries[key] else { return nil }
        clock += 1
        entries[key]!.lastUsed = clock
        return hit.value
    }

    func store(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if entries[key] == nil, entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
            entries[oldest] = nil
        }
        entries[key] = (value, clock)
    }
}
