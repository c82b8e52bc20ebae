/// A read-only array of plain values: either owned (an index built in
/// memory) or a view into a mapped content pack, so many sessions share the
/// index's pages instead of each holding a private copy. Indexing it reads
/// no reference counts, like an array's `withUnsafeBufferPointer`.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<Element>
    /// Keeps the memory alive: the owned copy, or the mapped file.
    private let owner: AnyObject?

    public init(_ values: [Element]) {
        let copy = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(values.count, 1))
        _ = copy.initialize(from: values)
        let owned = OwnedBuffer<Element>(copy)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: values.count)
        owner = owned
    }

    /// A view of memory that `owner` keeps alive (a mapped file).
    public init(viewing buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.buffer = buffer
        self.owner = owner
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }
    @inline(__always) public subscript(i: Int) -> Element { buffer[i] }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(buffer)
    }
}

/// Memory a column views that can also be read without mapping it into the
/// process (a pack's file): a check that reads a whole column once then
/// leaves none of it resident.
public protocol ColumnSource: AnyObject {
    /// Calls `body` with the bytes of `region` (inside the source) a piece
    /// at a time, each piece a whole number of `stride`-byte elements,
    /// 16-byte aligned. Throws when the bytes cannot be read.
    func scan(_ region: UnsafeRawBufferPointer, stride: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws
}

extension Column {
    /// Every element, a piece at a time: read from the source when the
    /// column views one, else straight from memory.
    public func scan(_ body: (UnsafeBufferPointer<Element>) throws -> Void) throws {
        guard let source = owner as? ColumnSource, buffer.count > 0 else { return try body(buffer) }
        try source.scan(UnsafeRawBufferPointer(buffer), stride: MemoryLayout<Element>.stride) { piece in
            try body(piece.bindMemory(to: Element.self))
        }
    }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}

extension Column: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

private final class OwnedBuffer<Element> {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    deinit { buffer.deallocate() }
}

/// Words as bytes, back to back: word i is `bytes[ends[i - 1] ..< ends[i]]`.
/// One allocation (or none, from a pack) instead of one array per word.
public struct WordBytes: RandomAccessCollection, Equatable, Sendable {
    public let bytes: Column<UInt8>
    public let ends: Column<Int32>

    public init(_ words: [[UInt8]]) {
        var bytes: [UInt8] = [], ends: [Int32] = []
        for word in words {
            bytes += word
            ends.append(Int32(bytes.count))
        }
        self.bytes = Column(bytes)
        self.ends = Column(ends)
    }

    public init(bytes: Column<UInt8>, ends: Column<Int32>) {
        self.bytes = bytes
        self.ends = ends
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }
    public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : Int(ends[i - 1]), end = Int(ends[i])
        return UnsafeBufferPointer(rebasing: bytes.buffer[start..<end])
    }
}
