@testable import BedsideContent
import Foundation
import XCTest

/// YAML anchors, aliases and complex keys are refused before Yams composes the
/// text: an alias used as a mapping key made Yams hash the whole expanded node,
/// and a "billion laughs" list hung check, list, read and the browser forever.
/// bedside content never needs them. Ordinary text with `*` and `&` still loads.
final class YAMLAliasTests: XCTestCase {
    /// Ten levels, each nine aliases of the one before: 9^9 leaves once expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        lines += ["? *a9", ": boom"]
        return lines.joined(separator: "\n") + "\n"
    }()

    static let message = "YAML anchors and aliases (&name, *name) are not allowed in bedside content files: write the value out in full"

    func testABillionLaughsKeyIsRefusedQuicklyInATopic() {
        let text = "---\nid: laughs\ntitle: Laughs\n" + Self.billionLaughs + "---\nBody.\n"
        onSmallStack(seconds: 10) {
            let (topic, problems) = ContentParsing.topic(text, path: "topics/a/laughs.md")
            XCTAssertNil(topic)
            XCTAssertEqual(problems.map(\.formatted), ["topics/a/laughs.md:4:5: error: \(Self.message)"])
        }
    }

    func testABillionLaughsKeyIsRefusedInAGlossaryAndASiteFile() {
        onSmallStack(seconds: 10) {
            let (terms, problems) = ContentParsing.glossary(Self.billionLaughs, path: "glossary/a.yaml")
            XCTAssertEqual(terms, [])
            XCTAssertEqual(problems.map(\.formatted), ["glossary/a.yaml:1:5: error: \(Self.message)"])
            let (_, siteProblems) = SiteConfig.parse(text: Self.billionLaughs, path: "/etc/bedside/site.yaml")
            XCTAssertEqual(siteProblems.map(\.formatted), ["/etc/bedside/site.yaml:1:5: error: \(Self.message)"])
        }
    }

    /// Each forbidden form, with where it is reported (line, column).
    func testAnchorsAliasesAndComplexKeysAreFound() {
        let cases: [(yaml: String, line: Int, column: Int, complexKey: Bool)] = [
            ("a: *x\n", 1, 4, false),
            ("a: &x value\nb: *x\n", 1, 4, false),
            ("list:\n  - one\n  - *x\n", 3, 5, false),
            ("list: [one, *x]\n", 1, 13, false),
            ("map: {a: *x}\n", 1, 10, false),
            ("map: {\"a\":*x}\n", 1, 11, false),
            ("a: !!str &x value\n", 1, 10, false),
            ("- - *x\n", 1, 5, false),
            ("&x a: b\n", 1, 1, false),
            ("- a: |\n    text\n  b: *x\n", 3, 6, false),
            ("a: \"multi\n  line\" \nb: *x\n", 3, 4, false),
            ("? complex\n: value\n", 1, 1, true),
            ("- ? complex\n  : value\n", 1, 3, true),
            ("é: *x\n", 1, 4, false),
            ("summary: a long\n  value *that goes on\nother: *x\n", 3, 8, false),
            ("- a\n- *x\n", 2, 3, false),
        ]
        for (yaml, line, column, complexKey) in cases {
            let found = YAMLIndicatorScan.firstForbidden(in: yaml)
            XCTAssertEqual(found?.line, line, yaml)
            XCTAssertEqual(found?.column, column, yaml)
            XCTAssertEqual(found?.message, complexKey ? YAMLIndicatorScan.complexKeyMessage : YAMLIndicatorScan.aliasMessage, yaml)
        }
    }

    /// `*` and `&` that are not YAML indicators: quoted, in block scalars, in
    /// comments, in the middle of plain text.
    func testTextWithStarsAndAmpersandsIsFine() {
        let fine = [
            "title: AT&T\n",
            "summary: a *b and c&d\n",
            "text: 2 * 3 = 6\n",
            "title: \"*bold* and &co\"\n",
            "title: \"a \\\" *still quoted\"\n",
            "summary: 'it''s *fine*'\n",
            "keywords: [pain, \"*bold*\", 'a&b']\n",
            "# a comment: *x &y\nid: a # and *here\n",
            "summary: |\n  *starred line\n  &amp;\n\n  * more\ntitle: x\n",
            "summary: >-\n  *folded\n  & more\ntitle: x\n",
            "- text: |\n    *in a list\n  id: a\n",
            "summary: \"first line\n  *second line\"\n",
            "url: https://example.org/a*b&c\n",
            "title: don't *panic*\n",
            "---\nid: a\n...\n",
            "summary: a value that goes on\n  *on the next line* & the next\n\n  &here too\ntitle: x\n",
            "- a list item that goes on\n    *on the next line*\n",
        ]
        for yaml in fine {
            XCTAssertNil(YAMLIndicatorScan.firstForbidden(in: yaml), yaml)
            // And each is valid YAML that loads.
            var fields = YAMLFields(file: "fine.yaml")
            XCTAssertNotNil(fields.parse(yaml), yaml)
            XCTAssertEqual(fields.diagnostics.map(\.formatted), [], yaml)
        }
    }

    func testAFrontMatterWithStarsInQuotesLoads() throws {
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "topics/symptoms/stars.md": Fixture.topic("stars", extra: "keywords: [\"*bold*\", AT&T]")])
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertEqual(store.topic("stars")?.keywords, ["*bold*", "AT&T"])
        XCTAssertEqual(store.diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
    }

    /// Linear time: a long file of plain text is scanned at once.
    func testTheScanIsLinear() {
        let long = String(repeating: "summary: a *b &c \"d\" 'e' [f, g] {h: i}\n", count: 50_000)
        let start = Date()
        XCTAssertNil(YAMLIndicatorScan.firstForbidden(in: long))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}
