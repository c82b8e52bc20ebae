import XCTest
@testable import BedsidePack

/// Which files a pack's freshness covers: every file the loader might read.
final class ContentFilesTests: XCTestCase {
    func testContentExtensionsInAnyCaseAndNothingElse() {
        for name in ["bone-pain.md", "HOME.MD", "a.Markdown", "sections.yaml", "x.YML", "glossary.es.yaml"] {
            XCTAssertTrue(ContentFiles.hasContentExtension(name), name)
        }
        for name in ["notes.txt", "a.md.bak", "a.mdx", "readme", "a.yamll", "a.m", "a.", "markdown", "a.markdownx"] {
            XCTAssertFalse(ContentFiles.hasContentExtension(name), name)
        }
    }

    func testPathsSortByBytes() {
        let paths = ["topics/b.md", "topics/a/x.md", "topics/a.md", "Zeta.md", "topics/a-b.md", "é.md"]
        XCTAssertEqual(paths.sorted(by: ContentFiles.precedes), paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    /// The fingerprint of the folder now is the fingerprint of its list: the
    /// fast check and the file-by-file one agree on a fresh pack.
    func testTheFolderFingerprintIsItsListsFingerprint() {
        let root = PackFixture.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let list = ContentFiles.list(root: root)
        XCTAssertGreaterThan(list.count, 100)
        XCTAssertEqual(ContentFiles.fingerprint(root: root), ContentFiles.fingerprint(of: list))
        XCTAssertEqual(ContentFiles.fingerprint(root: root).count, list.count)
    }

    /// Every kind of change moves the fingerprint; what the loader never
    /// reads (a hidden file, a text file) does not.
    func testEveryChangeMovesTheFingerprint() throws {
        let root = PackFixture.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        let topic = root + "/topics/symptoms/bone-pain.md"
        var last = ContentFiles.fingerprint(root: root)
        func changed(_ what: String, _ change: () throws -> Void) rethrows {
            try change()
            let now = ContentFiles.fingerprint(root: root)
            XCTAssertNotEqual(now, last, what)
            last = now
        }
        func unchanged(_ what: String, _ change: () throws -> Void) rethrows {
            try change()
            XCTAssertEqual(ContentFiles.fingerprint(root: root), last, what)
        }
        let attributes = try fm.attributesOfItem(atPath: topic)
        let modified = try XCTUnwrap(attributes[.modificationDate] as? Date)
        try changed("a new time") { try fm.setAttributes([.modificationDate: modified.addingTimeInterval(1)], ofItemAtPath: topic) }
        try changed("a new size, time put back") {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: topic))
            handle.seekToEndOfFile()
            handle.write(Data("\n".utf8))
            handle.closeFile()
            try fm.setAttributes([.modificationDate: modified.addingTimeInterval(1)], ofItemAtPath: topic)
        }
        try changed("a rename") { try fm.moveItem(atPath: topic, toPath: root + "/topics/symptoms/bone-pain-2.md") }
        try changed("a new file") { try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/topics/symptoms/new.md")) }
        try changed("a removed file") { try fm.removeItem(atPath: root + "/topics/symptoms/new.md") }
        try changed("a new folder with a file") {
            try fm.createDirectory(atPath: root + "/topics/extra", withIntermediateDirectories: false)
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/topics/extra/a.yaml"))
        }
        try unchanged("a hidden file") { try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/topics/.draft.md")) }
        try unchanged("a text file") { try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/topics/notes.txt")) }
    }
}
