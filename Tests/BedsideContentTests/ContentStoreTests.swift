import XCTest
@testable import BedsideContent

final class ContentStoreTests: XCTestCase {
    let today = ReviewDate(year: 2026, month: 11, day: 23)

    func check(_ fixture: Fixture) -> (ContentStore, CheckReport) {
        let store = ContentLoader.load(root: fixture.root)
        return (store, Validator(today: today).check(store))
    }

    func messages(_ report: CheckReport) -> [String] { report.diagnostics.map(\.formatted) }

    func testAValidStoreLoadsInOrderAndChecksClean() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/b.md": Fixture.topic("b", extra: "order: 2\nrelated: [a]"),
            "topics/symptoms/a.md": Fixture.topic("a", extra: "order: 1\nalso-called: [sore, ache]",
                                                  body: "## Night pain\n\nSee [b](topic:b) and [here](#night-pain)."),
        ])
        let (store, report) = check(fixture)
        XCTAssertEqual(store.topics.map(\.id), ["a", "b"])
        XCTAssertEqual(store.topic("a")?.alsoCalled, ["sore", "ache"])
        XCTAssertEqual(messages(report), [])
    }

    func testOneBrokenTopicDoesNotStopTheOthers() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/good.md": Fixture.topic("good"),
            "topics/symptoms/bad.md": "---\nid: bad\ntitle: [unclosed\n---\nbody\n",
        ])
        let (store, report) = check(fixture)
        XCTAssertEqual(store.topics.map(\.id), ["good"])
        let bad = report.diagnostics.filter { $0.file.hasSuffix("bad.md") && $0.severity == .error }
        XCTAssertEqual(bad.count, 1)
        XCTAssertTrue(bad[0].message.hasPrefix("malformed YAML"), bad[0].message)
        XCTAssertEqual(bad[0].line, 4, "the YAML error points at the file line, after the opening fence")
    }

    func testMissingAndWrongFieldsAreNamedWithTheirLines() throws {
        let text = """
            ---
            id: Bad_Id
            title: [a, list]
            section: symptoms
            reviewed: last week
            sources: none
            also_called: [typo]
            ---
            Body.
            """
        let fixture = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/x.md": text])
        let (_, report) = check(fixture)
        let m = messages(report).joined(separator: "\n")
        XCTAssertTrue(m.contains("x.md:2:5: error: id 'Bad_Id' must be kebab-case"), m)
        XCTAssertTrue(m.contains("x.md:3:8: error: 'title' must be a single line of text, not a list"), m)
        XCTAssertTrue(m.contains("x.md:2:1: error: missing required field 'summary'"), m)
        XCTAssertTrue(m.contains("x.md:5:11: error: 'reviewed' must be a date written as YYYY-MM-DD"), m)
        XCTAssertTrue(m.contains("x.md:6:10: error: 'sources' must be a list"), m)
        XCTAssertTrue(m.contains("x.md:7:1: warning: unknown field 'also_called'"), m)
    }

    func testFrontMatterErrors() {
        XCTAssertEqual(FrontMatter.split("no fence"), .failure(.missingOpeningFence))
        XCTAssertEqual(FrontMatter.split("---\nid: a\n"), .failure(.missingClosingFence(openedAtLine: 1)))
        guard case .success(let split) = FrontMatter.split("---\r\nid: a\r\n---\r\nBody\r\n") else { return XCTFail() }
        XCTAssertEqual(split.yaml, "id: a")
        XCTAssertEqual(split.body, "Body")
        XCTAssertEqual(split.bodyFirstLine, 4)
    }

    func testEmptyBodyInvalidUTF8AndDuplicateIDs() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/empty.md": Fixture.topic("empty", body: "  "),
            "topics/symptoms/dup.md": Fixture.topic("dup"),
            "topics/other/dup.md": Fixture.topic("dup"),
        ])
        try fixture.write("topics/symptoms/latin1.md", Data("---\nid: latin1\n---\nna\u{EF}ve\n".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }))
        let (_, report) = check(fixture)
        let m = messages(report).joined(separator: "\n")
        XCTAssertTrue(m.contains("empty.md:16:1: error: the topic has no body"), m)
        XCTAssertTrue(m.contains("latin1.md:4:3: error: invalid UTF-8"), m)
        XCTAssertTrue(m.contains("error: duplicate topic id 'dup'"), m)
    }

    func testBrokenLinksOfEveryKind() throws {
        let body = """
            [a](topic:nope) [b](topic:a#missing) [c](#nowhere) [d](glossary:nothing)
            [e](flow:none) [f](missing.md) [g](a.md#top) [h](topic:a#top)
            """
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/a.md": Fixture.topic("a", body: "## Top\n\nText."),
            "topics/symptoms/links.md": Fixture.topic("links", extra: "related: [a, ghost]", body: body),
        ])
        let (_, report) = check(fixture)
        let m = messages(report).filter { $0.contains("links.md") }
        XCTAssertEqual(m.count, 7, m.joined(separator: "\n"))
        XCTAssertTrue(m.contains { $0.contains("links.md:6:") && $0.contains("related topic 'ghost' does not exist") })
        XCTAssertTrue(m.contains { $0.contains("link to unknown topic 'nope'") })
        XCTAssertTrue(m.contains { $0.contains("topic 'a' has no heading with anchor '#missing'") })
        XCTAssertTrue(m.contains { $0.contains("no heading in this file has the anchor '#nowhere'") })
        XCTAssertTrue(m.contains { $0.contains("unknown glossary term 'nothing'") })
        XCTAssertTrue(m.contains { $0.contains("unknown symptom flow 'none'") })
        XCTAssertTrue(m.contains { $0.contains("link to 'missing.md' does not lead to a topic") })
    }

    func testUnknownSectionStaleReviewAndReadability() throws {
        let hard = "Metastatic malignancies frequently necessitate multidisciplinary interdisciplinary consultation regarding radiotherapeutic intervention."
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/lost.md": Fixture.topic("lost", section: "nowhere"),
            "topics/symptoms/hard.md": Fixture.topic("hard", body: hard).replacingOccurrences(of: "2026-11-01", with: "2024-01-05"),
        ])
        let (_, report) = check(fixture)
        let m = messages(report).joined(separator: "\n")
        XCTAssertTrue(m.contains("lost.md:1:1: error: section 'nowhere' is not in sections.yaml, so no section reaches this topic"), m)
        XCTAssertTrue(m.contains("hard.md:1:1: warning: last reviewed 2024-01-05 (34 months ago)"), m)
        XCTAssertTrue(m.contains("hard.md:16:1: error: reading level too high"), m)
    }

    func testGlossaryParsingAndChecks() throws {
        let glossary = """
            - id: osteoclast
              term: osteoclast
              also-called: [bone-eating cell]
              definition: A cell that breaks down old bone.
              see-also: [osteoblast, ghost]
            - id: osteoblast
              term: osteoblast
              definition: \(Array(repeating: "word", count: 31).joined(separator: " "))
            - term: no id here
              definition: x
            """
        let fixture = try Fixture(["sections.yaml": Fixture.sections, "topics/symptoms/a.md": Fixture.topic("a"),
                                   "glossary/terms.yaml": glossary])
        let (store, report) = check(fixture)
        XCTAssertEqual(store.glossary.map(\.id), ["osteoclast", "osteoblast"])
        let m = messages(report).joined(separator: "\n")
        XCTAssertTrue(m.contains("terms.yaml:5:26: error: see-also 'ghost' is not a glossary term"), m)
        XCTAssertTrue(m.contains("terms.yaml:8:15: error: the definition of 'osteoblast' has 31 words"), m)
        XCTAssertTrue(m.contains("terms.yaml:9:3: error: missing required field 'id'"), m)
    }

    func testRelativeMarkdownLinksResolveToTopics() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections + "\n  - id: tests\n    title: Tests",
            "topics/symptoms/a.md": Fixture.topic("a"),
            "topics/tests/x-ray.md": Fixture.topic("x-ray", section: "tests", body: "## Prep\n\nText."),
        ])
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertEqual(store.resolve(.file(path: "../tests/x-ray.md", anchor: "prep"), from: "a"), .topic(id: "x-ray", anchor: "prep"))
        XCTAssertEqual(store.resolve(.file(path: "nothing.md", anchor: nil), from: "a"), .file(path: "nothing.md", anchor: nil))
    }

    func testMissingSectionsFileFallsBackToFolders() throws {
        let fixture = try Fixture(["topics/symptoms/a.md": Fixture.topic("a")])
        let store = ContentLoader.load(root: fixture.root)
        XCTAssertEqual(store.topics.map(\.id), ["a"])
        XCTAssertEqual(store.manifest.sections.map(\.id), ["symptoms"])
        XCTAssertTrue(store.diagnostics.contains { $0.file.hasSuffix("sections.yaml") && $0.message == "file is missing" })
    }
}
