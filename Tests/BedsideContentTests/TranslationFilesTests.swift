import BedsideContent
import Foundation
import XCTest

/// Issue 14 groundwork: a translation sits beside its English file
/// (`bone-pain.es.md`) and keeps the English heading anchors (`{#anchor}`).
final class TranslationFilesTests: XCTestCase {
    func testAHeadingCanKeepAnAnchorOfItsOwn() {
        let document = MarkdownParser.parse("## Cuándo avisar a su equipo {#when-to-tell-your-team}\n\nTexto.\n\n## Sin ancla\n")
        guard case .heading(let first) = document.blocks[0], case .heading(let second) = document.blocks[2] else {
            return XCTFail("\(document.blocks)")
        }
        XCTAssertEqual(first.anchor, "when-to-tell-your-team")
        XCTAssertEqual(first.text, "Cuándo avisar a su equipo")
        XCTAssertEqual(second.anchor, "sin-ancla")
        // Not an anchor: braces in text, capitals, spaces.
        for heading in ["## Use {braces}", "## Odd {#Not-Lower}", "## Gap {# x}"] {
            guard case .heading(let h) = MarkdownParser.parse(heading).blocks[0] else { return XCTFail(heading) }
            XCTAssertEqual(h.text, String(heading.dropFirst(3)), heading)
        }
    }

    func testTheEnglishLoaderLeavesTranslationsAlone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("translations-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/topics/symptoms", withIntermediateDirectories: true)
        try "sections:\n  - id: symptoms\n    title: Symptoms\n".write(toFile: root + "/sections.yaml", atomically: true, encoding: .utf8)
        let topic = """
            ---
            id: bone-pain
            title: Bone pain
            summary: A summary.
            section: symptoms
            sources:
              - title: "A source"
                organisation: "An organisation"
            reviewed: 2026-12-06
            ---
            Text.
            """
        try topic.write(toFile: root + "/topics/symptoms/bone-pain.md", atomically: true, encoding: .utf8)
        try "---\nid: bone-pain\nlang: es\n---\nTexto.\n".write(toFile: root + "/topics/symptoms/bone-pain.es.md", atomically: true, encoding: .utf8)
        let store = ContentLoader.load(root: root)
        XCTAssertEqual(store.topics.map(\.id), ["bone-pain"])
        XCTAssertEqual(store.diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        XCTAssertTrue(ContentLoader.isTranslation("a-f.es.yaml"))
        XCTAssertFalse(ContentLoader.isTranslation("x-ray.md"))
        XCTAssertFalse(ContentLoader.isTranslation("notes.draft.md"))
    }
}
