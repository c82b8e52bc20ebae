import Foundation

/// A problem in a binary file (the content pack): where, and what is wrong.
/// The reader never traps on bad bytes; it throws this instead.
public struct BinaryFormatError: Error, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
    public var description: String { "at byte \(offset): \(message)" }
}

/// Writes little-endian integers, length-prefixed strings and raw arrays,
/// the building blocks of the content pack (docs/pack-format.md).
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    public init() {}

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    public mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
    public mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }
    public mutating func strings(_ list: [String]) {
        u32(UInt32(list.count))
        for s in list { string(s) }
    }
    public mutating func raw(_ data: some Collection<UInt8>) { bytes.append(contentsOf: data) }
    /// Pads with zeros to a multiple of `alignment`, so a raw array that
    /// follows can be read in place from a mapped file.
    public mutating func align(_ alignment: Int = 8) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }
    /// A count, padding, then the elements' bytes as they sit in memory
    /// (little-endian on every platform bedside builds for).
    public mutating func column<T: BitwiseCopyable>(_ values: some Collection<T>) {
        int(values.count)
        align(8)
        for v in values { withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) } }
        align(8)
    }
}

/// Reads what `BinaryWriter` wrote from a buffer it does not own (a mapped
/// file). Every read is bounds-checked and every count is checked against
/// the bytes left, so a truncated or hostile file throws, never traps and
/// never allocates more than the file could hold.
public struct BinaryReader {
    public let buffer: UnsafeRawBufferPointer
    public private(set) var offset: Int
    /// When set, `string()` checks and steps over each string and returns ""
    /// without making it: a record is validated in full, allocating nothing
    /// for its text, by the same code that reads it.
    public var skipsStrings = false

    public init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    public var remaining: Int { buffer.count - offset }

    public func fail(_ message: String) -> BinaryFormatError { BinaryFormatError(offset: offset, message) }

    mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw fail("the file ends early (\(n) bytes wanted, \(remaining) left)") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + n)])
        offset += n
        return slice
    }

    public mutating func u8() throws -> UInt8 { try take(1)[0] }
    public mutating func bool() throws -> Bool {
        let v = try u8()
        guard v <= 1 else { throw fail("a yes/no byte holds \(v)") }
        return v == 1
    }
    public mutating func u32() throws -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    public mutating func u64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    public mutating func int() throws -> Int {
        let v = Int64(bitPattern: try u64())
        guard let fits = Int(exactly: v) else { throw fail("a number is out of range") }
        return fits
    }
    /// A whole number that must lie in `range` (a line, an index, a count).
    public mutating func int(in range: ClosedRange<Int>, _ what: String) throws -> Int {
        let v = try int()
        guard range.contains(v) else { throw fail("\(what) is \(v), outside \(range.lowerBound)...\(range.upperBound)") }
        return v
    }
    public mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }
    /// A count of items that each take at least `minimumSize` bytes.
    public mutating func count(minimumSize: Int, _ what: String) throws -> Int {
        let n = Int(try u32())
        guard n <= remaining / max(minimumSize, 1) else { throw fail("\(what): \(n) items cannot fit in the \(remaining) bytes left") }
        return n
    }
    public mutating func string() throws -> String {
        let n = Int(try u32())
        let bytes = try take(n)
        if skipsStrings { return "" }
        // Invalid UTF-8 becomes U+FFFD: text is shown, never trusted.
        return String(decoding: bytes, as: UTF8.self)
    }
    /// A string made even while skipping (a language code that is checked).
    public mutating func keptString() throws -> String {
        let n = Int(try u32())
        return String(decoding: try take(n), as: UTF8.self)
    }
    /// Moves to an offset this reader handed out before (a record's start).
    public mutating func seek(to position: Int) throws {
        guard position >= 0, position <= buffer.count else { throw fail("a record starts outside the file (\(position))") }
        offset = position
    }
    public mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    public mutating func strings() throws -> [String] {
        let n = try count(minimumSize: 4, "a list of words")
        return try (0..<n).map { _ in try string() }
    }
    public mutating func bytes(_ n: Int) throws -> UnsafeRawBufferPointer { try take(n) }
    public mutating func align(_ alignment: Int = 8) throws {
        let pad = (alignment - offset % alignment) % alignment
        _ = try take(pad)
    }
    /// A raw array written by `BinaryWriter.column`, in place (no copy). The
    /// buffer must be 8-byte aligned in memory, as a mapped file is.
    public mutating func column<T: BitwiseCopyable>(_ type: T.Type, _ what: String) throws -> UnsafeBufferPointer<T> {
        let n = try int()
        try align(8)
        guard n >= 0, n <= remaining / MemoryLayout<T>.stride else { throw fail("\(what): \(n) values cannot fit in the \(remaining) bytes left") }
        let raw = try take(n * MemoryLayout<T>.stride)
        try align(8)
        guard n > 0, let base = raw.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        guard Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 else { throw fail("\(what) is not aligned") }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: n)
    }
}

/// A fast 64-bit checksum (four independent multiply-rotate lanes over
/// 8-byte words), for catching a damaged or changed file. It is not a
/// cryptographic hash: whoever can write the pack can write the content.
public enum Checksum {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// The four lanes, fed 32 bytes (four words) at a time.
    struct Lanes {
        var a, b, c, d: UInt64
        init(seed: UInt64) { (a, b, c, d) = (seed &+ p1, seed &+ p2, seed, seed &- p1) }

        @inline(__always) static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* p2
            return (x << 31 | x >> 33) &* p1
        }

        /// Every whole 32-byte block of `bytes`.
        mutating func blocks(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            while i + 32 <= bytes.count {
                a = Self.mix(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = Self.mix(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = Self.mix(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = Self.mix(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
        }

        /// The last part (under 32 bytes: whole words, then the tail) and the length of it all.
        func finish(_ rest: UnsafeRawBufferPointer, count: Int) -> UInt64 {
            var a = a
            let words = rest.count / 8
            for i in 0..<words { a = Self.mix(a, rest.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
            var tail: UInt64 = 0
            for k in (words * 8)..<rest.count { tail = tail << 8 | UInt64(rest[k]) }
            var h = Self.mix(Self.mix(Self.mix(Self.mix(UInt64(count), a), b), c), d)
            h = Self.mix(h, tail)
            h ^= h >> 29
            return h
        }
    }

    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var lanes = Lanes(seed: seed)
        let whole = bytes.count / 32 * 32
        lanes.blocks(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]))
        return lanes.finish(UnsafeRawBufferPointer(rebasing: bytes[whole...]), count: bytes.count)
    }

    /// The same checksum of `count` bytes read a piece at a time by `read`
    /// (which fills the buffer it is given from the offset, or returns false):
    /// a section of a mapped pack is checked through a small buffer, so the
    /// check does not bring the whole section into the process's memory.
    public static func of(count: Int, seed: UInt64 = 0,
                          read: (_ offset: Int, _ into: UnsafeMutableRawBufferPointer) -> Bool) -> UInt64? {
        let whole = count / 32 * 32
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var lanes = Lanes(seed: seed)
        var offset = 0
        while offset < whole {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, whole - offset)])
            guard read(offset, piece) else { return nil }
            lanes.blocks(UnsafeRawBufferPointer(piece))
            offset += piece.count
        }
        let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(count - whole)])
        guard rest.isEmpty || read(whole, rest) else { return nil }
        return lanes.finish(UnsafeRawBufferPointer(rest), count: count)
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
