import XCTest
@testable import BedsideContent

final class MarkdownParserTests: XCTestCase {
    func testHeadingsParagraphsAndBreaks() {
        let doc = MarkdownParser.parse("# Bone pain\n\nIt *often* comes **first**.\n\n---\n\n## What you can do\n")
        XCTAssertEqual(doc.blocks.count, 4)
        guard case .heading(let h1) = doc.blocks[0], case .paragraph(let p) = doc.blocks[1],
              case .thematicBreak = doc.blocks[2], case .heading(let h2) = doc.blocks[3] else {
            return XCTFail("unexpected blocks: \(doc.blocks)")
        }
        XCTAssertEqual(h1.level, 1)
        XCTAssertEqual(h1.text, "Bone pain")
        XCTAssertEqual(h2.anchor, "what-you-can-do")
        XCTAssertEqual(p, [.text("It "), .emphasis([.text("often")]), .text(" comes "), .strong([.text("first")]), .text(".")])
    }

    func testNestedAndOrderedLists() {
        let doc = MarkdownParser.parse("3. three\n4. four\n   - inner a\n   - inner b\n")
        guard case .list(let outer) = doc.blocks.first else { return XCTFail("no list") }
        XCTAssertTrue(outer.ordered)
        XCTAssertEqual(outer.start, 3)
        XCTAssertEqual(outer.items.count, 2)
        guard case .list(let inner) = outer.items[1].last else { return XCTFail("no nested list") }
        XCTAssertFalse(inner.ordered)
        XCTAssertEqual(inner.items.count, 2)
        XCTAssertEqual(inner.items[1], [.paragraph([.text("inner b")])])
    }

    func testBlockQuoteAndCallouts() {
        let doc = MarkdownParser.parse("""
            > Just a quote.

            > **Get help now if:** your legs feel weak.

            > **Tip:**
            > Keep a pain diary.
            """)
        XCTAssertEqual(doc.blocks[0], .blockQuote([.paragraph([.text("Just a quote.")])]))
        XCTAssertEqual(doc.blocks[1], .callout(Callout(kind: .emergency, label: "Get help now if:",
                                                        blocks: [.paragraph([.text("your legs feel weak.")])])))
        XCTAssertEqual(doc.blocks[2], .callout(Callout(kind: .tip, label: "Tip:", blocks: [.paragraph([.text("Keep a pain diary.")])])))
    }

    func testCalloutKindsFromMarkers() {
        XCTAssertEqual(Callout.kind(forLabel: "Call now:"), .emergency)
        XCTAssertEqual(Callout.kind(forLabel: "Call your care team today if:"), .warning)
        XCTAssertEqual(Callout.kind(forLabel: "Warning:"), .warning)
        XCTAssertEqual(Callout.kind(forLabel: "Note:"), .note)
        XCTAssertNil(Callout.kind(forLabel: "Remember"))
    }

    func testTablesWithWideCharactersAndAlignment() {
        let doc = MarkdownParser.parse("| Test | 日本語 |\n|:-----|-----:|\n| MRI | 磁気 |\n| CT | 多い |\n")
        guard case .table(let table) = doc.blocks.first else { return XCTFail("no table") }
        XCTAssertEqual(table.alignments, [.left, .right])
        XCTAssertEqual(table.header.map(\.plainText), ["Test", "日本語"])
        XCTAssertEqual(table.rows.map { $0.map(\.plainText) }, [["MRI", "磁気"], ["CT", "多い"]])
    }

    func testCodeInlineCodeAndStrikethrough() {
        let doc = MarkdownParser.parse("Type `bedside check` ~~now~~.\n\n```yaml\nid: x\n```\n")
        XCTAssertEqual(doc.blocks[0], .paragraph([.text("Type "), .code("bedside check"), .text(" "),
                                                  .strikethrough([.text("now")]), .text(".")]))
        XCTAssertEqual(doc.blocks[1], .code(language: "yaml", text: "id: x"))
    }

    func testEveryKindOfLink() {
        let doc = MarkdownParser.parse("""
            [a](topic:bone-pain) [b](topic:bone-pain#night-pain) [c](#what-you-can-do)
            [d](glossary:osteoclast) [e](flow:back-pain) [f](https://example.org) [g](../tests/x-ray.md#prep)
            <https://auto.example.org>
            """, firstLine: 10)
        var targets: [LinkTarget] = []
        var lines: [Int] = []
        Validator.forEachLink(in: doc.blocks) {
            targets.append($0.target)
            lines.append($0.location.line)
        }
        XCTAssertEqual(targets, [
            .topic(id: "bone-pain", anchor: nil), .topic(id: "bone-pain", anchor: "night-pain"), .anchor("what-you-can-do"),
            .glossary("osteoclast"), .flow("back-pain"), .web("https://example.org"), .file(path: "../tests/x-ray.md", anchor: "prep"),
            .web("https://auto.example.org"),
        ])
        XCTAssertEqual(lines.first, 10, "link lines are file lines")
        XCTAssertEqual(lines.last, 12)
    }

    func testRawHTMLIsNeverKept() {
        let doc = MarkdownParser.parse("<script>alert(1)</script>\n\nSafe <b>text</b>.\n")
        XCTAssertEqual(doc.blocks, [.paragraph([.text("Safe "), .text("text"), .text(".")].mergedText)])
    }

    func testAnchorSlugs() {
        XCTAssertEqual(Anchor.slug("What you can do"), "what-you-can-do")
        XCTAssertEqual(Anchor.slug("Get help now: signs!"), "get-help-now-signs")
        XCTAssertEqual(Anchor.slug("Radium-223 (Xofigo)"), "radium-223-xofigo")
    }

    func testNULBytesAndEmptyInputDoNotCrash() {
        XCTAssertEqual(MarkdownParser.parse("").blocks, [])
        _ = MarkdownParser.parse("a\u{0}b\n\n> **Tip:**\n")
    }
}

extension Array where Element == Inline {
    /// Neighbouring text merged, as the parser produces it.
    var mergedText: [Inline] {
        var out: [Inline] = []
        for item in self {
            if case .text(let b) = item, case .text(let a)? = out.last { out[out.count - 1] = .text(a + b) } else { out.append(item) }
        }
        return out
    }
}
