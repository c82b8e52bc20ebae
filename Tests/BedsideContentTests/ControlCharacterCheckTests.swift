import BedsideContent
import Foundation
import XCTest

/// `check` reports ESC, BEL and bidi characters in every kind of content file
/// at path:line:column, written raw or as a YAML escape.
final class ControlCharacterCheckTests: XCTestCase {
    func testCheckReportsControlCharactersWhereTheyAre() throws {
        let topic = Fixture.topic("esc", body: "Fine line.\nBad \u{1B}]0;title\u{07} and \u{202E}reversed.")
        let bodyLine = topic.split(separator: "\n", omittingEmptySubsequences: false).count
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/esc.md": topic,
            "topics/symptoms/quoted.md": Fixture.topic("quoted", extra: "keywords: [\"bell\\a\"]"),
            "glossary/terms.yaml": "- id: word\n  term: Word\n  definition: \"A \\e[2J thing\"\n",
            "home.md": "Welcome \u{1B}[5m here.\n",
            "strings.yaml": "home-unavailable: \"Hi \\u202E there\"\n",
            "walkthroughs/w.md": "---\nid: w\ntitle: \u{202E}W\n---\n",
        ])
        let store = ContentLoader.load(root: fixture.root)
        let report = Validator(today: ReviewDate(year: 2026, month: 11, day: 30)).check(store)
        let found = report.diagnostics.filter { $0.message.contains("control character") }.map(\.formatted)
        let root = fixture.root
        let quotedLine = Fixture.topic("quoted", extra: "keywords: [\"bell\\a\"]").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("keywords") }! + 1
        XCTAssertEqual(found, [
            "\(root)/glossary/terms.yaml:3:15: error: control character U+001B (written as an escape) in 'definition': remove it",
            "\(root)/home.md:1:9: error: control character U+001B in text: remove it",
            "\(root)/strings.yaml:1:19: error: bidi control character U+202E (written as an escape) in 'home-unavailable': remove it",
            "\(root)/topics/symptoms/esc.md:\(bodyLine):5: error: control character U+001B in text: remove it",
            "\(root)/topics/symptoms/esc.md:\(bodyLine):14: error: control character U+0007 in text: remove it",
            "\(root)/topics/symptoms/esc.md:\(bodyLine):20: error: bidi control character U+202E in text: remove it",
            "\(root)/topics/symptoms/quoted.md:\(quotedLine):12: error: control character U+0007 (written as an escape) in 'keywords': remove it",
            "\(root)/walkthroughs/w.md:3:8: error: bidi control character U+202E in text: remove it",
        ])
        // The topics still load: the text is shown harmlessly until it is fixed.
        XCTAssertNotNil(store.topic("esc"))
    }

    func testAFileNameWithAControlCharacterIsReported() throws {
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "topics/symptoms/a\u{1B}[2Jb.md": Fixture.topic("ab")])
        let report = Validator(today: ReviewDate(year: 2026, month: 11, day: 30)).check(ContentLoader.load(root: fixture.root))
        XCTAssertTrue(report.diagnostics.map(\.message).contains("the file name has control character U+001B in it: rename the file"))
    }
}
