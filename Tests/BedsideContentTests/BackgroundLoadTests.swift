import XCTest
@testable import BedsideContent

/// The browser loads topics, flows and walkthroughs after its first screen
/// (`ContentLoader.load(root:background:)`). Whatever the timing, the store
/// must answer exactly as a store loaded all at once.
final class BackgroundLoadTests: XCTestCase {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content").path

    /// Everything a caller can read from a store, as comparable text.
    func snapshot(_ store: ContentStore) -> [String] {
        var lines = store.manifest.sections.map { "section \($0.id) \($0.title)" }
        lines += store.topics.map { "topic \($0.id) \($0.section) \($0.title) \(store.body(of: $0.id)?.count ?? -1)" }
        lines += store.glossary.map { "term \($0.id) \($0.term)" }
        lines += store.flows.map { "flow \($0.id) \($0.title)" }
        lines += store.walkthroughs.map { "walkthrough \($0.id) \($0.steps.count)" }
        lines += store.diagnostics.map { "diagnostic \($0.formatted)" }
        lines.append("home blocks \(store.home.blocks.count); strings \(store.strings.entries.count)")
        lines.append("flow files \(store.hasFlowFiles), walkthrough files \(store.hasWalkthroughFiles)")
        return lines
    }

    func testTheShippedContentLoadsTheSameInTheBackground() throws {
        guard FileManager.default.fileExists(atPath: Self.shipped + "/sections.yaml") else {
            return XCTFail("no shipped Content at \(Self.shipped)")
        }
        let eager = snapshot(ContentLoader.load(root: Self.shipped))
        XCTAssertGreaterThan(eager.filter { $0.hasPrefix("topic ") }.count, 40)
        XCTAssertGreaterThan(eager.filter { $0.hasPrefix("flow ") }.count, 5)

        // Read on this thread before the background thread is started ...
        XCTAssertEqual(snapshot(ContentLoader.load(root: Self.shipped, background: true)), eager)
        // ... and while it runs (the first reader waits for it).
        let racing = ContentLoader.load(root: Self.shipped, background: true)
        racing.loadInBackground()
        XCTAssertEqual(snapshot(racing), eager)
    }

    func testBrokenFilesAreReportedInTheSameOrderInTheBackground() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/good.md": Fixture.topic("good"),
            "topics/symptoms/bad.md": "---\nid: bad\ntitle: [unclosed\n---\nbody\n",
            "glossary/terms.yaml": "- id: ok\n  term: ok\n  definition: A word.\n- term: no id\n  definition: x\n",
            "flows/broken.md": "---\nid: [\n---\n",
            "walkthroughs/broken.md": "---\nid: w\n---\n",
            "strings.yaml": "nonsense: [\n",
            "home.md": "# Welcome\n\nHello.",
        ])
        let eager = ContentLoader.load(root: fixture.root)
        let background = ContentLoader.load(root: fixture.root, background: true)
        background.loadInBackground()
        XCTAssertEqual(snapshot(background), snapshot(eager))

        // The order of a sequential pass: topics, glossary, flows, walkthroughs, strings.
        let files = eager.diagnostics.filter { $0.severity == .error }.map { String($0.file.dropFirst(fixture.root.count + 1)) }
        XCTAssertEqual(files.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } },
                       ["topics/symptoms/bad.md", "glossary/terms.yaml", "flows/broken.md", "walkthroughs/broken.md", "strings.yaml"],
                       "\(eager.diagnostics.map(\.formatted))")
    }

    func testMenusKnowAboutFlowFilesWithoutParsingThem() throws {
        let fixture = try Fixture([
            "sections.yaml": Fixture.sections,
            "topics/symptoms/a.md": Fixture.topic("a"),
            "flows/broken.md": "---\nid: [\n---\n",
        ])
        let store = ContentLoader.load(root: fixture.root, background: true)
        XCTAssertTrue(store.hasFlowFiles, "the home menu offers symptom checks when flow files exist")
        XCTAssertFalse(store.hasWalkthroughFiles)
        XCTAssertEqual(store.flows.map(\.id), [], "the only flow is broken, so none loads")
        XCTAssertTrue(store.diagnostics.contains { $0.file.hasSuffix("flows/broken.md") && $0.severity == .error })
    }

    func testWithoutASectionsFileTheTopicsAreReadAtOnce() throws {
        let fixture = try Fixture(["topics/symptoms/a.md": Fixture.topic("a")])
        let store = ContentLoader.load(root: fixture.root, background: true)
        XCTAssertEqual(store.manifest.sections.map(\.id), ["symptoms"], "sections come from the topics")
        XCTAssertEqual(store.topics.map(\.id), ["a"])
    }

    func testFileListingRecursesSortsAndSkipsHiddenFiles() throws {
        let fixture = try Fixture([
            "topics/b/z.md": "z",
            "topics/a/y.MD": "y",
            "topics/a/deeper/x.markdown": "x",
            "topics/a/notes.txt": "not a topic",
            "topics/a/.draft.md": "hidden file",
            "topics/.git/c.md": "inside a hidden folder",
        ])
        let found = ContentLoader.files(under: fixture.root + "/topics", extensions: ["md", "markdown"])
        XCTAssertEqual(found.map { String($0.dropFirst(fixture.root.count + 1)) },
                       ["topics/a/deeper/x.markdown", "topics/a/y.MD", "topics/b/z.md"])
        XCTAssertEqual(ContentLoader.files(under: fixture.root + "/missing", extensions: ["md"]), [])
    }

    func testALinkedFolderIsNotFollowedButALinkedFileIs() throws {
        let fixture = try Fixture(["topics/a/real.md": "r", "elsewhere/linked.md": "l"])
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/topics/a/loop", withDestinationPath: fixture.root + "/topics")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/topics/a/linked.md",
                                                   withDestinationPath: fixture.root + "/elsewhere/linked.md")
        let found = ContentLoader.files(under: fixture.root + "/topics", extensions: ["md"])
        XCTAssertEqual(found.map { String($0.dropFirst(fixture.root.count + 1)) }, ["topics/a/linked.md", "topics/a/real.md"])
    }
}
