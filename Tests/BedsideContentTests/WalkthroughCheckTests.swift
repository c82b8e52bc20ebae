import XCTest
@testable import BedsideContent

final class WalkthroughCheckTests: XCTestCase {
    func walkthrough(_ id: String, steps: String) -> String {
        "---\nid: \(id)\ntitle: Walkthrough \(id)\nsummary: Steps.\nsteps:\n\(steps)reviewed: 2026-11-01\n\(Fixture.governance)\n---\n"
    }

    func messages(_ files: [String: String]) throws -> [String] {
        let fixture = try Fixture(["sections.yaml": Fixture.sections,
                                   "topics/symptoms/a.md": Fixture.topic("a", body: "## Night pain\n\nIt can hurt at night. Call your team.")]
                                  .merging(files) { $1 })
        let store = ContentLoader.load(root: fixture.root)
        return Validator(today: ReviewDate(year: 2026, month: 11, day: 23)).check(store).diagnostics.map {
            "\(($0.file as NSString).lastPathComponent):\($0.line): \($0.severity): \($0.message)"
        }
    }

    func testAGoodWalkthroughChecksClean() throws {
        let good = walkthrough("first", steps: "  - topic: a\n    section: night-pain\n    prompts: [\"What would you do at night?\"]\n")
        XCTAssertEqual(try messages(["walkthroughs/first.md": good]), [])
    }

    func testMissingStepsPromptsAndAnchorsAreNamedWithTheirLines() throws {
        let bad = walkthrough("bad", steps: """
              - topic: nope
                prompts: ["Why?"]
              - topic: a
                section: no-such-heading
                prompts: ["Why?"]
              - topic: a
                prompts: []
              - flow: back-pain
                section: night-pain
                prompts: ["Why?"]

            """)
        let found = try messages(["walkthroughs/bad.md": bad])
        XCTAssertTrue(found.contains("bad.md:6: error: step topic 'nope' does not exist"), "\(found)")
        XCTAssertTrue(found.contains("bad.md:8: error: topic 'a' has no heading '#no-such-heading'"), "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("bad.md:12: error: each step needs 1 to 3 teach-back 'prompts'") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("'section' only goes with a 'topic' step") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("step flow 'back-pain' does not exist") }, "\(found)")
    }

    func testDuplicateIDsAndFileNamesThatDiffer() throws {
        let step = "  - topic: a\n    prompts: [\"What is it?\"]\n"
        let found = try messages(["walkthroughs/one.md": walkthrough("same", steps: step),
                                  "walkthroughs/two.md": walkthrough("same", steps: step)])
        XCTAssertTrue(found.contains { $0.contains("error: walkthrough id 'same' is also used by") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("warning: walkthrough id 'same' differs from its file name") }, "\(found)")
    }
}
