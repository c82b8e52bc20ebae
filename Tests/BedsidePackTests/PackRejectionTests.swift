import XCTest
@testable import BedsidePack
import BedsideContent
@testable import BedsideSearch

/// A stale, damaged, foreign or hostile pack is never used: the files are
/// read instead, with a sentence that says why, and nothing traps.
final class PackRejectionTests: XCTestCase {
    var root = ""
    var packPath: String { root + "/" + ContentPack.fileName }

    override func setUpWithError() throws {
        root = PackFixture.copyOfShippedContent()
        _ = try PackWriter.write(root: root, to: packPath, version: "test")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func reason(_ status: PackedContent.Status) -> String? {
        if case .unusable(let error) = status { return error.reason }
        return nil
    }

    /// The store falls back to the files and still has every topic.
    private func assertFallsBack(_ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let packed = PackedContent(root: root)
        let store = packed.load()
        XCTAssertEqual(store.topics.count, ContentLoader.load(root: root).topics.count, file: file, line: line)
        let why = reason(packed.status)
        XCTAssertTrue(why?.contains(expected) ?? false, "reason was \(why ?? "none"), expected \(expected)", file: file, line: line)
        XCTAssertNil(packed.searchIndex(for: store), "a pack not used for topics is not used for search", file: file, line: line)
    }

    func testAnEditedFileMakesThePackStale() throws {
        let topic = root + "/topics/symptoms/bone-pain.md"
        let text = try String(contentsOfFile: topic, encoding: .utf8)
        try (text + "\nOne more line.\n").write(toFile: topic, atomically: true, encoding: .utf8)
        assertFallsBack("topics/symptoms/bone-pain.md changed")
        // The edit is what a reader sees.
        XCTAssertTrue(PackedContent(root: root).load().body(of: "bone-pain")?.contains("One more line.") ?? false)
    }

    func testASameSizeEditIsCaughtByTheTimeAndByCheck() throws {
        let topic = root + "/topics/symptoms/bone-pain.md"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: topic)))
        let at = try XCTUnwrap(bytes.lastIndex(of: UInt8(ascii: "e")))
        bytes[at] = UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: topic))
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        let pack = try ContentPack.open(packPath)
        let original = try XCTUnwrap(pack.files.first { $0.path == "topics/symptoms/bone-pain.md" })
        XCTAssertNotNil(pack.staleness(root: root), "a new modification time is stale")
        // Same size and the old time: only the checksum (as `bedside check` uses) sees it.
        times[0] = timespec(tv_sec: Int(original.modified / 1_000_000_000), tv_nsec: Int(original.modified % 1_000_000_000))
        times[1] = times[0]
        XCTAssertEqual(utimensat(AT_FDCWD, topic, &times, 0), 0)
        XCTAssertNil(pack.staleness(root: root))
        XCTAssertEqual(pack.staleness(root: root, checksums: true), "topics/symptoms/bone-pain.md changed")
    }

    func testANewAndARemovedFileMakeThePackStale() throws {
        let extra = root + "/topics/symptoms/extra.md"
        try "---\nid: extra\n---\n".write(toFile: extra, atomically: true, encoding: .utf8)
        assertFallsBack("topics/symptoms/extra.md is new")
        try FileManager.default.removeItem(atPath: extra)
        XCTAssertEqual(PackedContent(root: root).status, .used(path: packPath), "fresh again once the file is gone")
        try FileManager.default.removeItem(atPath: root + "/glossary/a-f.yaml")
        assertFallsBack("glossary/a-f.yaml was removed")
    }

    func testAForeignFileIsRejected() throws {
        try Data("#!/bin/sh\necho hello\n".utf8).write(to: URL(fileURLWithPath: packPath))
        assertFallsBack("too short")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: packPath))
        assertFallsBack("not a bedside content pack")
        try Data().write(to: URL(fileURLWithPath: packPath))
        assertFallsBack("too short")
    }

    func testAPackFromAnotherFormatVersionIsRejected() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packPath)))
        bytes[12] = 9
        try Data(bytes).write(to: URL(fileURLWithPath: packPath))
        assertFallsBack("format 9")
    }

    func testEveryTruncationIsRejected() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packPath)))
        // Every length in the header and table, then a spread through the sections.
        let lengths = Array(0..<600) + stride(from: 600, to: bytes.count, by: max(1, bytes.count / 400)).map { $0 }
        for length in lengths {
            XCTAssertThrowsError(try ContentPack.open(bytes: Array(bytes[0..<length])), "cut to \(length) bytes")
        }
    }

    func testAFlippedBitAnywhereIsCaught() throws {
        let store = ContentLoader.load(root: root)
        let fileStores = Dictionary(uniqueKeysWithValues: ContentLanguage.allCases.map { ($0, ContentLoader.load(root: root, language: $0)) })
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: packPath)))
        var rng = SystemRandomNumberGenerator()
        let positions = Array(12..<200) + (0..<300).map { _ in Int.random(in: 200..<bytes.count, using: &rng) }
        for position in positions {
            var damaged = bytes
            damaged[position] ^= 0x10
            guard let pack = try? ContentPack.open(bytes: damaged) else { continue }
            // Padding between sections is covered by no checksum and read by nothing.
            guard let section = pack.sections.first(where: { ($0.offset..<($0.offset + $0.length)).contains(position) }) else { continue }
            // Caught when the section is first read, whichever reads it.
            XCTAssertThrowsError(try pack.verify(), "a flipped bit at \(position) in \(section.name) went unnoticed")
            if let language = ContentLanguage.allCases.first(where: { section.name.hasSuffix("." + $0.rawValue) }) {
                if section.name.hasPrefix("index.") {
                    XCTAssertThrowsError(try pack.searchIndex(language, store: store), "index damaged at \(position)")
                } else if section.name.hasPrefix("bodies.") {
                    // Bodies are checked one by one: the damaged one is read from its file instead.
                    let topics = try pack.topics(language, root: root)
                    for (i, head) in topics.heads.enumerated() {
                        XCTAssertEqual(topics.body(i), fileStores[language]?.body(of: head.id), "\(head.id): body damaged at \(position)")
                    }
                } else {
                    XCTAssertThrowsError(try pack.topics(language, root: root), "\(section.name) damaged at \(position)")
                }
            }
        }
        let sections = try ContentPack.open(bytes: bytes).sections
        func damage(_ name: String) throws {
            let section = try XCTUnwrap(sections.first { $0.name == name })
            let middle = section.offset + section.length / 2
            try Data(bytes.enumerated().map { $0.offset == middle ? $0.element ^ 1 : $0.element }).write(to: URL(fileURLWithPath: packPath))
        }
        try damage("topics.en")
        assertFallsBack("damaged")
        // A damaged body: the pack is used, and that one body comes from its file.
        try damage("bodies.en")
        let withBodies = PackedContent(root: root)
        let bodiesStore = withBodies.load()
        XCTAssertEqual(withBodies.status, .used(path: packPath))
        for topic in store.topics { XCTAssertEqual(bodiesStore.body(of: topic.id), store.body(of: topic.id), topic.id) }
        // A damaged index: the topics (whose sections are sound) stay, the index is built from them.
        try damage("index.en")
        let packed = PackedContent(root: root)
        let packedStore = packed.load()
        XCTAssertEqual(packedStore.topics.count, store.topics.count)
        XCTAssertNil(packed.searchIndex(for: packedStore))
        XCTAssertTrue(reason(packed.status)?.contains("index.en is damaged") ?? false, "\(packed.status)")
    }

    /// Checksums prove nothing against someone who writes a pack on purpose:
    /// sections with valid checksums but impossible contents must still be
    /// rejected by the reader's own checks, never trap.
    func testAHostilePackWithValidChecksumsIsRejected() throws {
        let store = ContentLoader.load(root: root)
        let good = SearchIndex(store: store).data
        var cases: [(String, IndexData)] = []
        var d = good
        d.postingDocs = Column(good.postingDocs.map { _ in Int32(good.documents.count + 5) })
        cases.append(("a posting", d))
        d = good
        d.postingStart = Column(good.postingStart.reversed())
        cases.append(("posting starts", d))
        d = good
        d.forwardTerms = Column(good.forwardTerms.map { _ in Int32.max })
        cases.append(("a forward word", d))
        d = good
        d.sentenceTokens = Column(good.sentenceTokens.map { $0 + 1_000_000 })
        cases.append(("sentence", d))
        d = good
        d.sortedSurface = Column(good.sortedSurface.map { _ in -1 })
        cases.append(("the sorted word list", d))
        d = good
        d.surfaceWords = WordBytes(bytes: good.surfaceWords.bytes, ends: Column(good.surfaceWords.ends.map { $0 &* 3 }))
        cases.append(("word", d))
        d = good
        d.sentenceFields = Column(good.sentenceFields.map { _ in 200 })
        cases.append(("field", d))
        for (expected, data) in cases {
            var w = BinaryWriter()
            data.write(to: &w)
            var files = BinaryWriter()
            files.u32(0)
            files.strings(["en"])
            let bytes = PackWriter.assemble([("files", files.bytes), ("index.en", w.bytes)], writer: "hostile")
            let pack = try ContentPack.open(bytes: bytes)
            XCTAssertThrowsError(try pack.searchIndex(.en, store: store), expected) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should name \(expected)")
            }
            // From a file, the biggest columns are checked by reading the file, not the mapping: the same verdict.
            let file = root + "/hostile.pack"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            XCTAssertThrowsError(try ContentPack.open(file).searchIndex(.en, store: store), expected + ", from a file") { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should name \(expected)")
            }
        }
    }

    func testCheckReadsEveryByteAndAMissingPackIsNoProblem() throws {
        try FileManager.default.removeItem(atPath: packPath)
        let packed = PackedContent(root: root)
        XCTAssertEqual(packed.status, .noPack)
        XCTAssertEqual(packed.load().topics.count, ContentLoader.load(root: root).topics.count)
        XCTAssertNil(packed.searchIndex(for: packed.load()))
    }
}
