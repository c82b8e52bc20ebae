import Glibc

/// An open-addressing hash table from a word's bytes to an Int32, used while
/// building the index: looking words up by their bytes (FNV-1a) avoids making
/// a String and hashing it with SipHash for each of millions of words.
struct ByteWordTable {
    private var slots: [Int32]
    private var keyStart: [Int32] = [0]
    private var keyBytes: [UInt8] = []
    private var values: [Int32] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { values.count }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The hottest call of an index build (once per word scanned), so it
    /// reads the arrays through pointers and compares keys with memcmp.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            keyStart.withUnsafeBufferPointer { keyStart in
                keyBytes.withUnsafeBufferPointer { keyBytes -> Int32? in
                    let mask = slots.count - 1
                    var i = hash & mask
                    while true {
                        let entry = Int(slots[i])
                        if entry < 0 { return nil }
                        let from = Int(keyStart[entry]), to = Int(keyStart[entry + 1])
                        if to - from == key.count,
                           key.isEmpty || memcmp(keyBytes.baseAddress! + from, key.baseAddress!, key.count) == 0 {
                            return values[entry]
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(values.count)
        keyBytes.append(contentsOf: key)
        keyStart.append(Int32(keyBytes.count))
        values.append(value)
        place(entry, hash: Self.hash(key))
    }

    private mutating func place(_ entry: Int32, hash: Int) {
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in 0..<values.count {
            let from = Int(keyStart[entry]), to = Int(keyStart[entry + 1])
            let h = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[from..<to])) }
            place(Int32(entry), hash: h)
        }
    }
}
