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
}
