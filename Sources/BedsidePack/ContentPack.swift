import BedsideContent
import BedsideSearch
import Foundation

/// A content pack: one read-only file holding what every session would
/// otherwise rebuild from the content folder (topic metadata and bodies,
/// their load-time diagnostics, and the search index, per language).
/// It is mapped, not read: the operating system shares its pages between
/// every session on a host. The layout is in docs/pack-format.md.
public final class ContentPack: @unchecked Sendable {
    public static let magic: [UInt8] = Array("BEDSIDEPACK\0".utf8)
    /// 2: each topic's body has its own checksum.
    public static let formatVersion: UInt32 = 2
    static let headerSize = 64
    /// The pack's usual place: inside the content folder it was made from.
    public static let fileName = "bedside.pack"

    public struct Section: Equatable, Sendable {
        public var name: String
        public var offset: Int
        public var length: Int
        public var checksum: UInt64
    }

    public let path: String
    public let sections: [Section]
    /// The files the pack was made from (for freshness).
    public let files: [ContentFile]
    public let languages: [ContentLanguage]
    /// The bedside version that wrote it.
    public let writer: String
    let mapping: MappedFile
    private let verifyingChecksums: Bool
    private var verified: Set<String> = []
    private let lock = NSLock()

    /// Opens and checks a pack: its header, section table and file list.
    /// Each other section's checksum is checked when the section is first read.
    /// Throws `PackError` with a sentence for people; never traps.
    public static func open(_ path: String) throws -> ContentPack {
        let mapping: MappedFile
        do { mapping = try MappedFile(path: path) } catch let error as PackError { throw error }
        return try ContentPack(path: path, mapping: mapping)
    }

    /// A pack from bytes already in memory (tests and the fuzzer).
    /// - Parameter verifyingChecksums: false only for the fuzzer, so its
    ///   mutations reach the reader's own checks, which are what stand
    ///   between a hostile pack (whose checksums are right) and a crash.
    public static func open(bytes: [UInt8], path: String = "<memory>", verifyingChecksums: Bool = true) throws -> ContentPack {
        try ContentPack(path: path, mapping: MappedFile(copying: bytes), verifyingChecksums: verifyingChecksums)
    }

    private init(path: String, mapping: MappedFile, verifyingChecksums: Bool = true) throws {
        self.path = path
        self.mapping = mapping
        let buffer = mapping.bytes
        guard buffer.count >= Self.headerSize else { throw PackError.unusable(path, "it is too short to be a content pack (\(buffer.count) bytes)") }
        guard Array(buffer[0..<Self.magic.count]) == Self.magic else { throw PackError.unusable(path, "it is not a bedside content pack") }
        var header = BinaryReader(buffer, offset: 12)
        do {
            let version = try header.u32()
            guard version == Self.formatVersion else {
                throw PackError.unusable(path, "it is pack format \(version); this bedside reads format \(Self.formatVersion)")
            }
            let length = try header.u64(), tableLength = try header.u64(), tableChecksum = try header.u64()
            guard length == UInt64(buffer.count) else {
                throw PackError.unusable(path, "it is \(buffer.count) bytes but says \(length): it was cut short or added to")
            }
            guard tableLength <= UInt64(buffer.count - Self.headerSize) else { throw PackError.unusable(path, "its section table runs past the end") }
            let table = UnsafeRawBufferPointer(rebasing: buffer[Self.headerSize..<(Self.headerSize + Int(tableLength))])
            guard !verifyingChecksums || Checksum.of(table) == tableChecksum else { throw PackError.unusable(path, "its section table is damaged (checksum)") }
            var r = BinaryReader(buffer, offset: Self.headerSize)
            writer = try r.string()
            let count = try r.count(minimumSize: 28, "sections")
            var sections: [Section] = []
            for _ in 0..<count {
                let name = try r.string()
                let offset = try r.int(in: 0...buffer.count, "a section's start")
                let length = try r.int(in: 0...(buffer.count - offset), "a section's length")
                guard offset % 8 == 0 else { throw r.fail("section \(name) is not aligned") }
                sections.append(Section(name: name, offset: offset, length: length, checksum: try r.u64()))
            }
            self.sections = sections
            self.verifyingChecksums = verifyingChecksums
            // The file list now (freshness needs it); every other section when
            // it is first read, so a command that reads only topics never
            // pages in the search index to check it.
            if verifyingChecksums, let list = sections.first(where: { $0.name == "files" }),
               Checksum.of(Self.slice(buffer, list)) != list.checksum {
                throw PackError.unusable(path, "section files is damaged (checksum)")
            }
            verified = ["files"]
            var meta = try Self.reader(buffer, sections, "files", path)
            let fileCount = try meta.count(minimumSize: 28, "content files")
            files = try (0..<fileCount).map { _ in
                ContentFile(path: try meta.string(), size: try meta.u64(), modified: Int64(bitPattern: try meta.u64()), checksum: try meta.u64())
            }
            languages = try meta.strings().map { name in
                guard let language = ContentLanguage(rawValue: name) else { throw meta.fail("unknown language '\(name)'") }
                return language
            }
        } catch let error as BinaryFormatError {
            throw PackError.unusable(path, "it is damaged \(error)")
        }
    }

    static func slice(_ buffer: UnsafeRawBufferPointer, _ section: Section) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[section.offset..<(section.offset + section.length)])
    }

    /// A reader over one section. The reader's offsets are the file's, so a
    /// message names the byte of the file.
    static func reader(_ buffer: UnsafeRawBufferPointer, _ sections: [Section], _ name: String, _ path: String) throws -> BinaryReader {
        guard let section = sections.first(where: { $0.name == name }) else { throw PackError.unusable(path, "it has no \(name) section") }
        let end = section.offset + section.length
        return BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[0..<end]), offset: section.offset)
    }

    /// A reader over one section, whose checksum is checked on first use
    /// (unless the caller checks the parts it reads itself).
    func reader(_ name: String, checked: Bool = true) throws -> BinaryReader {
        if checked { try verify(section: name) }
        return try Self.reader(mapping.bytes, sections, name, path)
    }

    /// A topic's body from its own file (after the front matter), for a body
    /// whose packed copy fails its checksum; empty if the file cannot be read.
    static func body(ofFile path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              case .success(let split) = FrontMatter.split(text) else { return "" }
        return split.body
    }

    /// Checks every section's checksum (`bedside check`, and tests): a flipped
    /// bit anywhere in a section is reported here.
    public func verify() throws {
        for section in sections { try verify(section: section.name) }
    }

    private func verify(section name: String) throws {
        guard verifyingChecksums, let section = sections.first(where: { $0.name == name }) else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !verified.contains(name) else { return }
        guard mapping.checksum(offset: section.offset, count: section.length) == section.checksum else {
            throw PackError.unusable(path, "section \(name) is damaged (checksum)")
        }
        verified.insert(name)
    }

    /// Why the pack does not match the content folder now, or nil when it
    /// does. Sizes and modification times by default (a stat per file);
    /// with `checksums`, every file is read and compared (`bedside check`).
    public func staleness(root: String, checksums: Bool = false) -> String? {
        // The usual case, a fresh pack, needs no list of paths (see ContentFiles.Fingerprint).
        if !checksums, ContentFiles.fingerprint(root: root) == ContentFiles.fingerprint(of: files) { return nil }
        let now = checksums ? ContentFiles.listWithChecksums(root: root) : ContentFiles.list(root: root)
        return ContentFiles.difference(packed: files, now: now, checksums: checksums)
    }

    /// The topics of one language, in reading order; bodies stay in the
    /// mapped file until one is asked for.
    /// - Parameter root: the content folder the pack sits in now; the
    ///   topics' paths are made relative to it when packed.
    public func topics(_ language: ContentLanguage, root: String) throws -> PackedTopics {
        do {
            var r = try reader("topics.\(language.rawValue)")
            // Bodies are checked one by one, when each is read (below).
            let bodies = try reader("bodies.\(language.rawValue)", checked: false)
            let bodyBase = bodies.offset, bodyEnd = bodies.buffer.count
            let count = try r.count(minimumSize: 64, "topics")
            var heads: [TopicHead] = []
            var starts: [Int] = []
            var ranges: [Range<Int>] = []
            var bodySums: [UInt64] = []
            heads.reserveCapacity(count)
            starts.reserveCapacity(count)
            ranges.reserveCapacity(count)
            for _ in 0..<count {
                // The head is made now; the whole record is checked by the code
                // that reads it later, with its text skipped, so that later read
                // cannot fail.
                let start = r.offset
                heads.append(try TopicHead.read(from: &r))
                try r.seek(to: start)
                r.skipsStrings = true
                _ = try TopicInfo.read(from: &r)
                r.skipsStrings = false
                starts.append(start)
                let bodyStart = try r.int(in: 0...(bodyEnd - bodyBase), "a body's start")
                let length = try r.int(in: 0...(bodyEnd - bodyBase - bodyStart), "a body's length")
                ranges.append((bodyBase + bodyStart)..<(bodyBase + bodyStart + length))
                bodySums.append(try r.u64())
            }
            let diagnostics = try (0..<r.count(minimumSize: 30, "topic problems")).map { _ in
                var problem = try Diagnostic.read(from: &r)
                problem.file = PackPaths.absolute(problem.file, in: root)
                return problem
            }
            // The glossary, when this pack has one (it is small: read whole).
            var glossary: PackedGlossary?
            if sections.contains(where: { $0.name == "glossary.\(language.rawValue)" }) {
                var g = try reader("glossary.\(language.rawValue)")
                glossary = try PackedGlossary.read(from: &g) { PackPaths.absolute($0, in: root) }
            }
            let mapping = mapping, bodyRanges = ranges, recordStarts = starts, recordsEnd = r.buffer.count, packedHeads = heads
            let info: @Sendable (Int) -> TopicInfo = { i in
                // The reader ends where this section does, as the first pass's did.
                var record = BinaryReader(UnsafeRawBufferPointer(rebasing: mapping.bytes[0..<recordsEnd]), offset: recordStarts[i])
                // Checked in full above; a head stands in should that ever fail.
                guard let info = try? TopicInfo.read(from: &record) else {
                    let head = packedHeads[i]
                    return TopicInfo(id: head.id, title: head.title, summary: "", section: head.section, order: nil,
                                     alsoCalled: head.alsoCalled, keywords: [])
                }
                return info.absolute(in: root)
            }
            return PackedTopics(heads: heads, diagnostics: diagnostics, info: info, body: { [verifying = verifyingChecksums, sums = bodySums] i in
                // Read from the file, not the mapping: a body becomes a String (a
                // copy) anyway, and each page read through the mapping brought the
                // cached pages around it into the session's memory (up to 64 KiB a
                // fault), so a few searches' snippets mapped most of the bodies.
                guard let bytes = mapping.copy(bodyRanges[i]), !verifying || Checksum.of(bytes) == sums[i] else {
                    // A damaged copy is never shown: the topic's own file, which the
                    // freshness check found unchanged, has the same body.
                    return Self.body(ofFile: info(i).path)
                }
                return String(decoding: bytes, as: UTF8.self)
            }, glossary: glossary)
        } catch let error as BinaryFormatError {
            throw PackError.unusable(path, "its \(language.rawValue) topics are damaged \(error)")
        }
    }

    /// The search index of one language, over `store` (which must hold this
    /// pack's topics). Its big arrays stay in the mapped file.
    public func searchIndex(_ language: ContentLanguage, store: ContentStore) throws -> SearchIndex {
        do {
            // The checksum (damage) and the structural check (anything a
            // hostile file could hold) each read the whole index: one per
            // core. The structural check never trusts the bytes, so it may run
            // before the checksum is known; a damaged index is still thrown away.
            let name = "index.\(language.rawValue)"
            let checksum = Background { [self] in Result { try self.verify(section: name) } }
            var r = try reader(name, checked: false)
            let index: SearchIndex
            do {
                index = try SearchIndex(reading: &r, store: store, owner: mapping)
            } catch {
                try checksum.value.get() // damage, when that is the cause, is said as damage
                throw error
            }
            try checksum.value.get()
            return index
        } catch let error as BinaryFormatError {
            throw PackError.unusable(path, "its \(language.rawValue) search index is damaged \(error)")
        }
    }

    /// The pack's size in bytes.
    public var size: Int { mapping.bytes.count }
}

public enum PackError: Error, Equatable, CustomStringConvertible {
    /// The pack at this path cannot be used, and why, in words.
    case unusable(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .unusable(let path, let why): "\(path): \(why)"
        case .cannotWrite(let path, let why): "\(path): cannot write the pack: \(why)"
        }
    }

    /// The reason alone, without the path.
    public var reason: String {
        switch self {
        case .unusable(_, let why), .cannotWrite(_, let why): why
        }
    }
}

/// A file mapped read-only (shared pages), unmapped when the last reader
/// lets go. A pack is replaced by writing a new file and renaming it over
/// the old, so a mapping never sees its file change or shrink under it.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let unmap: () -> Void
    /// The mapped file, kept open to read sections for their checksums.
    private let file: Int32?

    init(path: String) throws {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PackError.unusable(path, String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw PackError.unusable(path, String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw PackError.unusable(path, "it is not a regular file")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            close(fd)
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            unmap = {}
            file = nil
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else {
            close(fd)
            throw PackError.unusable(path, "cannot map it (\(String(cString: strerror(errno))))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        file = fd
        unmap = { munmap(base, size); close(fd) }
    }

    /// The bytes of `range` (inside the mapping), read from the file when
    /// there is one; nil when they cannot be read.
    func copy(_ range: Range<Int>) -> [UInt8]? {
        guard let file else { return Array(bytes[range]) }
        var out = [UInt8](repeating: 0, count: range.count)
        let done = out.withUnsafeMutableBytes { read(file, at: range.lowerBound, into: $0) }
        return done ? out : nil
    }

    /// Reads `count` bytes at `offset` of the file into `buffer`; false when it cannot.
    private func read(_ file: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = pread(file, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// The checksum of `count` bytes from `offset` (inside the mapping).
    /// From a file it is read through a small buffer, not the mapping, so
    /// checking a whole section (the 10,000-topic index is most of the pack)
    /// does not map all of it into the session.
    func checksum(offset: Int, count: Int) -> UInt64? {
        guard let file else { return Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])) }
        return Checksum.of(count: count) { at, buffer in read(file, at: offset + at, into: buffer) }
    }

    /// A copy in aligned memory, for packs that are not files.
    init(copying source: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        source.withUnsafeBytes { from in
            if let start = from.baseAddress { memory.baseAddress!.copyMemory(from: start, byteCount: from.count) }
        }
        bytes = UnsafeRawBufferPointer(start: memory.baseAddress, count: source.count)
        unmap = { memory.deallocate() }
        file = nil
    }

    deinit { unmap() }
}

/// A column of the pack's search index is checked by reading the file
/// through a small buffer, so the check leaves none of it in the session's
/// memory (the index is most of a big pack).
extension MappedFile: ColumnSource {
    struct Unreadable: Error {}

    func scan(_ region: UnsafeRawBufferPointer, stride: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let file, let base = bytes.baseAddress, let start = region.baseAddress,
              start >= base, start + region.count <= base + bytes.count else { return try body(region) }
        let pieceBytes = (1 << 16) / stride * stride
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceBytes, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < region.count {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(pieceBytes, region.count - done)])
            guard read(file, at: start - base + done, into: piece) else { throw Unreadable() }
            try body(UnsafeRawBufferPointer(piece))
            done += piece.count
        }
    }
}
