import BedsideContent
import Foundation
import XCTest

/// Issue 16: devices, FIFOs and folders are "not a regular file", never read
/// (a FIFO would block forever) and never called a permissions problem.
final class NotARegularFileTests: XCTestCase {
    func testFIFOsFoldersAndDevicesAreNamedForWhatTheyAre() throws {
        let dir = NSTemporaryDirectory() + "bedside-nrf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o600), 0)
        for (path, kind) in [(dir + "/pipe", "a named pipe"), (dir, "a folder"), ("/dev/null", "a device")] {
            var problems: [Diagnostic] = []
            XCTAssertNil(ContentLoader.readText(path, &problems), path)
            XCTAssertEqual(problems.map(\.formatted), ["\(path):1:1: error: not a regular file (this is \(kind)\(kind == "a named pipe" ? " (FIFO)" : "")): skipped"])
        }
    }

    func testAFIFOAsATopicIsSkippedAndTheRestLoad() throws {
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a")])
        XCTAssertEqual(mkfifo(f.root + "/topics/symptoms/b.md", 0o600), 0)
        let store = ContentLoader.load(root: f.root)
        XCTAssertNotNil(store.topic("a"))
        XCTAssertTrue(store.diagnostics.contains { $0.formatted.contains("b.md:1:1: error: not a regular file") }, "\(store.diagnostics.map(\.formatted))")
    }

    /// `check` says what it skipped: a link to nothing and a name that is not UTF-8.
    func testSkippedNamesAndDanglingLinksAreReported() throws {
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a")])
        XCTAssertEqual(symlink(f.root + "/nowhere.md", f.root + "/topics/symptoms/gone.md"), 0)
        // Write a file whose name has the raw byte 0xE9 (Latin-1 e-acute), not UTF-8.
        var raw = Array((f.root + "/topics/symptoms/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = raw.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let store = ContentLoader.load(root: f.root)
        let messages = store.diagnostics.map(\.formatted)
        XCTAssertNotNil(store.topic("a"))
        XCTAssertTrue(messages.contains { $0.contains("gone.md:1:1: error: a link to a file that does not exist") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("error: this name is not UTF-8 text") }, "\(messages)")
    }
}
