import XCTest
@testable import BedsidePack
@testable import BedsideContent
@testable import BedsideSearch

/// A store and index opened from a pack must answer exactly as the ones
/// read from the files: same topics, bodies, problems and search results.
final class PackRoundTripTests: XCTestCase {
    /// The shipped content, copied so the test can pack it and change it.
    static let copy: String = PackFixture.copyOfShippedContent()

    override class func setUp() {
        super.setUp()
        _ = try? PackWriter.write(root: copy, to: copy + "/" + ContentPack.fileName, version: "test")
    }

    /// Every eval query, in both languages, plus every title and its first word as typed so far.
    static func queries(_ store: ContentStore, _ language: ContentLanguage) -> [String] {
        let file = PackFixture.repository + "/Tests/SearchEval/queries" + (language == .en ? "" : ".es") + ".yaml"
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let eval = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  - \""), let end = line.dropFirst(5).firstIndex(of: "\"") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 5)..<end])
        }
        let titles = store.topics.map(\.title) + store.topics.map { String($0.title.prefix(4)) }
        return eval + titles + ["", "zzzz", "bone scann", "very thirsty"]
    }

    func testPackedStoresAndIndexesAnswerAsTheFilesDo() throws {
        for language in [ContentLanguage.en, .es] {
            let files = ContentLoader.load(root: Self.copy, language: language)
            let packed = PackedContent(root: Self.copy)
            let store = packed.load(language: language)
            XCTAssertEqual(packed.status, .used(path: Self.copy + "/bedside.pack"), "\(language)")
            XCTAssertEqual(store.topics, files.topics, "\(language): topic metadata")
            XCTAssertEqual(store.topicHeads, files.topicHeads, "\(language): heads")
            XCTAssertEqual(store.glossary, files.glossary, "\(language): glossary")
            XCTAssertEqual(try ContentPack.open(Self.copy + "/bedside.pack").topics(language, root: Self.copy).glossary?.terms,
                           files.glossary, "\(language): the glossary came from the pack")
            for section in files.manifest.sections {
                XCTAssertEqual(store.topics(inSection: section.id), files.topics(inSection: section.id), "\(language) \(section.id)")
                XCTAssertEqual(store.topicIDs(inSection: section.id), files.topics(inSection: section.id).map(\.id))
            }
            for topic in files.topics {
                XCTAssertEqual(store.topic(topic.id), topic, "\(language) \(topic.id): read from the pack when asked for")
                if let link = topic.related.first {
                    XCTAssertEqual(store.resolve(.file(path: "../" + topic.section + "/" + link.value + ".md", anchor: nil), from: topic.id),
                                   files.resolve(.file(path: "../" + topic.section + "/" + link.value + ".md", anchor: nil), from: topic.id))
                }
            }
            for topic in files.topics {
                XCTAssertEqual(store.body(of: topic.id), files.body(of: topic.id), "\(language) \(topic.id): body")
            }
            XCTAssertEqual(store.diagnostics, files.diagnostics, "\(language): problems")
            let built = SearchIndex(store: files)
            let index = try XCTUnwrap(packed.searchIndex(for: store), "\(language): the pack's index is used")
            XCTAssertEqual(index.data, built.data, "\(language): index arrays")
            let queries = Self.queries(files, language)
            XCTAssertGreaterThan(queries.count, 200)
            for query in queries {
                XCTAssertEqual(index.search(query, limit: 10), built.search(query, limit: 10), "\(language) '\(query)'")
                XCTAssertEqual(index.suggestion(for: query), built.suggestion(for: query), "\(language) '\(query)'")
            }
        }
    }

    /// With a fresh pack, topics, bodies and the index come from the pack
    /// alone: the symptom checks are parsed from their files only when one is
    /// asked for (a page, or a search with a check among its candidates). With
    /// 10,000 topics their parsing was a fifth of `bedside read`'s time. Asked
    /// for, they are what the files give.
    func testWithAPackTopicsAndSearchNeverWaitForTheSymptomChecks() throws {
        let files = ContentLoader.load(root: Self.copy)
        let packed = PackedContent(root: Self.copy)
        let store = packed.load()
        XCTAssertEqual(store.topic("bone-pain")?.title, files.topic("bone-pain")?.title)
        XCTAssertNotNil(store.document(for: "bone-pain"))
        let index = try XCTUnwrap(packed.searchIndex(for: store))
        XCTAssertEqual(store.diagnosticsExceptFlowsAndWalkthroughs.count, files.diagnosticsExceptFlowsAndWalkthroughs.count)
        XCTAssertFalse(store.flowsAreParsed, "nothing asked for a symptom check yet")
        // A search whose candidates include a check reads its names and text from it.
        XCTAssertEqual(index.search("legs gave way", limit: 5).first?.id, "numbness-weakness")
        XCTAssertEqual(store.flows.map(\.id), files.flows.map(\.id))
        XCTAssertEqual(store.flow("high-calcium"), files.flow("high-calcium"))
        XCTAssertEqual(store.walkthroughs.map(\.id), files.walkthroughs.map(\.id))
        XCTAssertTrue(store.flowsAreParsed)
        XCTAssertTrue(files.flowsAreParsed, "without a pack they are parsed with the topics, in one batch")
    }

    func testTheIndexIsReadInPlaceFromTheMappedFile() throws {
        let pack = try ContentPack.open(Self.copy + "/bedside.pack")
        let store = ContentLoader.load(root: Self.copy, packed: { try? pack.topics(.en, root: Self.copy) })
        let index = try pack.searchIndex(.en, store: store)
        let file = pack.mapping.bytes
        let start = UnsafeRawPointer(index.data.postingDocs.buffer.baseAddress!)
        XCTAssertTrue(start >= file.baseAddress! && start < file.baseAddress! + file.count,
                      "postings point into the mapping, not a private copy")
    }

    /// A .deb packs its content in a staging folder; installed, the pack must name the installed files.
    func testAPackMovedWithItsFolderNamesTheFilesWhereTheyAreNow() throws {
        let staged = PackFixture.copyOfShippedContent()
        _ = try PackWriter.write(root: staged, to: staged + "/bedside.pack", version: "test")
        let installed = staged + "-installed"
        try FileManager.default.moveItem(atPath: staged, toPath: installed)
        defer { try? FileManager.default.removeItem(atPath: installed) }
        let packed = PackedContent(root: installed)
        let store = packed.load(language: .es)
        XCTAssertEqual(packed.status, .used(path: installed + "/bedside.pack"))
        XCTAssertEqual(store.topics, ContentLoader.load(root: installed, language: .es).topics)
        XCTAssertTrue(store.topics.allSatisfy { $0.path.hasPrefix(installed + "/topics/") }, "paths are under the new folder")
        XCTAssertFalse(store.topics.contains { ($0.translation?.path ?? installed).contains(staged + "/") })
        let bonePain = try XCTUnwrap(store.topic("bone-pain"))
        XCTAssertEqual(store.resolve(.file(path: "high-calcium.md", anchor: nil), from: bonePain.id), .topic(id: "high-calcium", anchor: nil))
    }

    func testAWriteReplacesThePackWithoutDisturbingAnOpenOne() throws {
        let path = Self.copy + "/replaced.pack"
        _ = try PackWriter.write(root: Self.copy, to: path, version: "test")
        let open = try ContentPack.open(path)
        let before = try open.topics(.en, root: Self.copy).infos
        _ = try PackWriter.write(root: Self.copy, to: path, version: "test 2")
        XCTAssertEqual(try open.topics(.en, root: Self.copy).infos, before, "the old mapping still reads its own file")
        XCTAssertEqual(try ContentPack.open(path).writer, "test 2")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: Self.copy).contains { $0.contains(".new-") },
                       "no temporary file is left behind")
    }
}

enum PackFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A fresh copy of Content/ in a temporary folder.
    static func copyOfShippedContent() -> String {
        let root = NSTemporaryDirectory() + "bedside-pack-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.copyItem(atPath: repository + "/Content", toPath: root)
        try? FileManager.default.removeItem(atPath: root + "/" + ContentPack.fileName)
        return root
    }
}
