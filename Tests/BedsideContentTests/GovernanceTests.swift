import BedsideContent
import XCTest

/// Issue 12, 4: governance fields on every topic, flow and walkthrough,
/// warnings for overdue or missing ones, exact sources, and glossary aliases
/// that readers see kept free of misspellings.
final class GovernanceTests: XCTestCase {
    func check(_ fixture: Fixture, today: ReviewDate = ReviewDate(year: 2026, month: 12, day: 6),
               dictionary: Set<String> = []) -> [String] {
        var validator = Validator(today: today)
        validator.dictionary = dictionary
        return validator.check(ContentLoader.load(root: fixture.root)).diagnostics.map(\.formatted)
    }

    func testGovernanceFieldsAreReadFromATopic() throws {
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a")])
        let topic = try XCTUnwrap(ContentLoader.load(root: f.root).topic("a"))
        XCTAssertEqual(topic.governance, Governance(reviewed: ReviewDate(year: 2026, month: 11, day: 1),
                                                    reviewDue: ReviewDate(year: 2027, month: 11, day: 1),
                                                    reviewedBy: "oncology nurse educator", signedOff: .pending, version: 1))
        XCTAssertTrue(topic.governance.awaitsSignOff)
        XCTAssertEqual(check(f), [])
    }

    func testAnOverdueReviewIsAWarningNamingWhoReviews() throws {
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a")])
        let found = check(f, today: ReviewDate(year: 2027, month: 11, day: 2))
        XCTAssertTrue(found.contains { $0.contains("a.md:1:1: warning: clinical review was due 2027-11-01: ask oncology nurse educator") }, "\(found)")
        XCTAssertFalse(check(f, today: ReviewDate(year: 2027, month: 11, day: 1)).contains { $0.contains("was due") })
    }

    func testMissingAndMalformedGovernanceFields() throws {
        let f = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/a.md": Fixture.topic("a", governance: "version: 1"),
            "topics/symptoms/b.md": Fixture.topic("b", governance: "review-due: soon\nsigned-off: maybe\nversion: 0\nreviewed-by: nurse"),
        ])
        let found = check(f)
        XCTAssertTrue(found.contains { $0.contains("a.md:1:1: warning: missing governance field(s): review-due, reviewed-by, signed-off") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("b.md:") && $0.contains("'review-due' must be a date") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("b.md:") && $0.contains("'signed-off' must be 'pending' or the date") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("b.md:") && $0.contains("'version' must be a whole number from 1 up") }, "\(found)")
    }

    func testASignedOffItemNoLongerAwaitsSignOff() throws {
        let f = try Fixture(["sections.yaml": Fixture.sections,
                             "topics/symptoms/a.md": Fixture.topic("a", governance: Fixture.governance.replacingOccurrences(of: "pending", with: "2026-12-01"))])
        let topic = try XCTUnwrap(ContentLoader.load(root: f.root).topic("a"))
        XCTAssertEqual(topic.governance.signedOff, .signed(ReviewDate(year: 2026, month: 12, day: 1)))
        XCTAssertFalse(topic.governance.awaitsSignOff)
    }

    func testSourcesNameTheExactPageAndTheDayItWasRead() throws {
        let sources = """
            sources:
              - title: Home page
                organisation: Org
                url: "https://www.example.org/"
              - title: Exact page
                organisation: Org
                url: "https://www.example.org/bone/page"
              - title: Exact and dated
                organisation: Org
                url: "https://www.example.org/bone/other"
                accessed: 2026-12-06
            """
        let text = Fixture.topic("a").replacingOccurrences(of: "sources:\n  - title: A source\n  organisation: An organisation", with: sources)
            .replacingOccurrences(of: "sources:\n  - title: A source\n    organisation: An organisation", with: sources)
        XCTAssertTrue(text.contains("Exact and dated"), text)
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": text])
        let found = check(f)
        XCTAssertTrue(found.contains { $0.contains("source 'Home page' (Org) gives a home page") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("source 'Exact page' (https://www.example.org/bone/page) needs 'accessed") }, "\(found)")
        XCTAssertFalse(found.contains { $0.contains("Exact and dated") }, "\(found)")
    }

    func testGlossarySearchOnlySpellingsAreNotShownAndMisspeltShownAliasesAreFlagged() throws {
        let glossary = """
            - id: anemia
              term: anemia
              also-called: [low red blood cells, aneamia]
              search-only: [anaemia]
              definition: Too few red blood cells. It can make you tired.
            - id: denosumab
              term: denosumab
              also-called: [Xgeva]
              definition: A drug that makes bones stronger.
            """
        let f = try Fixture(["sections.yaml": Fixture.sections, "glossary/terms.yaml": glossary,
                             "topics/symptoms/a.md": Fixture.topic("a", body: "Anemia means you have too few red blood cells.")])
        let store = ContentLoader.load(root: f.root)
        let term = try XCTUnwrap(store.term("anemia"))
        XCTAssertEqual(term.spellings, ["anemia", "low red blood cells", "aneamia"])
        XCTAssertEqual(term.searchSpellings.last, "anaemia")
        let found = check(f, dictionary: ["low", "red", "blood", "cells"])
        XCTAssertTrue(found.contains { $0.contains("terms.yaml:1:3: warning: 'anemia' is also called 'aneamia'") && $0.contains("of 'anemia'; move it to 'search-only'") }, "\(found)")
        XCTAssertFalse(found.contains { $0.contains("Xgeva") }, "a brand name near no content word is not a misspelling: \(found)")
        XCTAssertFalse(found.contains { $0.contains("anaemia") }, "search-only spellings are never shown, so never flagged")
    }
}

/// Issue 16: a duplicate id blames the file that does not own it, at its id line.
final class DuplicateIDTests: XCTestCase {
    func testTheFileWhoseNameMatchesKeepsTheIDAndTheOtherIsBlamedAtItsLine() throws {
        let f = try Fixture([
            "sections.yaml": Fixture.sections,
            // Sorted first, but its name does not match its id: this one is blamed.
            "topics/symptoms/a-copy.md": Fixture.topic("zed"),
            "topics/symptoms/zed.md": Fixture.topic("zed"),
        ])
        let found = Validator(today: ReviewDate(year: 2026, month: 12, day: 6)).check(ContentLoader.load(root: f.root)).diagnostics
            .filter { $0.message.contains("duplicate topic id") }
        XCTAssertEqual(found.count, 1, "\(found.map(\.formatted))")
        XCTAssertTrue(found[0].file.hasSuffix("a-copy.md"), found[0].formatted)
        XCTAssertEqual(found[0].line, 2, "the id: line")
        XCTAssertTrue(found[0].message.hasSuffix("zed.md already uses it"), found[0].message)
    }

    func testADuplicateFlowPointsAtItsIDLine() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let flow = try String(contentsOf: repo.appendingPathComponent("Content/flows/back-pain.md"), encoding: .utf8)
        let f = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a"),
                             "flows/back-pain.md": flow, "flows/another.md": flow])
        let found = Validator(today: ReviewDate(year: 2026, month: 12, day: 6)).check(ContentLoader.load(root: f.root)).diagnostics
            .filter { $0.message.contains("duplicate flow id") }
        XCTAssertEqual(found.count, 1, "\(found.map(\.formatted))")
        XCTAssertTrue(found[0].file.hasSuffix("another.md"), found[0].formatted)
        XCTAssertEqual(found[0].line, 2, "the id: line, not line 1")
    }
}
