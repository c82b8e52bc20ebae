import Foundation

/// The loaded content store. Topic metadata, the glossary, flows and
/// walkthroughs are read at start; topic bodies are parsed on first use.
/// A broken file is reported in `diagnostics` and skipped: the rest still load.
public struct ContentStore: Sendable {
    public var root: String
    public var manifest: Manifest
    /// Every loaded topic, in reading order: by section, then `order`, then title.
    public var topics: [TopicInfo]
    public var glossary: [GlossaryTerm]
    public var home: Document
    public var strings: ContentStrings
    public var flows: [Flow]
    public var walkthroughs: [Walkthrough]
    /// Problems found while loading (files skipped, fields ignored).
    public var diagnostics: [Diagnostic]

    private var topicIndex: [String: Int]
    private var glossaryIndex: [String: Int]
    private var flowIndex: [String: Int]
    private var pathIndex: [String: String]
    private var bodies: [String: String]
    private let cache = DocumentCache()

    public init(root: String = "", manifest: Manifest = Manifest(), topics: [TopicFile] = [],
                glossary: [GlossaryTerm] = [], home: Document = Document(blocks: []),
                strings: ContentStrings = ContentStrings(), flows: [Flow] = [], walkthroughs: [Walkthrough] = [],
                diagnostics: [Diagnostic] = []) {
        self.root = root
        self.manifest = manifest
        let sectionRank = Dictionary(manifest.sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = topics.sorted { a, b in
            let ra = sectionRank[a.info.section] ?? Int.max, rb = sectionRank[b.info.section] ?? Int.max
            if ra != rb { return ra < rb }
            let oa = a.info.order ?? Int.max, ob = b.info.order ?? Int.max
            if oa != ob { return oa < ob }
            return a.info.title.localizedStandardCompare(b.info.title) == .orderedAscending
        }
        self.topics = sorted.map(\.info)
        self.bodies = Dictionary(sorted.map { ($0.info.id, $0.body) }, uniquingKeysWith: { a, _ in a })
        self.topicIndex = Dictionary(self.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.pathIndex = Dictionary(self.topics.map { (PathText.normalize($0.path), $0.id) }, uniquingKeysWith: { a, _ in a })
        self.glossary = glossary
        self.glossaryIndex = Dictionary(glossary.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.home = home
        self.strings = strings
        self.flows = flows
        self.flowIndex = Dictionary(flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.walkthroughs = walkthroughs
        self.diagnostics = diagnostics
    }

    // MARK: - Look-ups

    public func topic(_ id: String) -> TopicInfo? { topicIndex[id].map { topics[$0] } }
    public func term(_ id: String) -> GlossaryTerm? { glossaryIndex[id].map { glossary[$0] } }
    public func flow(_ id: String) -> Flow? { flowIndex[id].map { flows[$0] } }
    public func section(_ id: String) -> Section? { manifest.sections.first { $0.id == id } }
    public func topics(inSection id: String) -> [TopicInfo] { topics.filter { $0.section == id } }

    /// The raw Markdown body of a topic.
    public func body(of id: String) -> String? { bodies[id] }

    /// The parsed body of a topic (parsed once, then cached).
    public func document(for id: String) -> Document? {
        guard let info = topic(id), let body = bodies[id] else { return nil }
        return cache.document(for: id) { MarkdownParser.parse(body, firstLine: info.bodyFirstLine) }
    }

    /// Turns relative `.md` links into topic links; other targets pass through.
    public func resolve(_ target: LinkTarget, from topicID: String?) -> LinkTarget {
        guard case .file(let path, let anchor) = target, path.hasSuffix(".md") else { return target }
        let base = topicID.flatMap { topic($0)?.path }.map { PathText.directory($0) } ?? root
        let full = PathText.normalize(path.hasPrefix("/") ? path : base + "/" + path)
        if let id = pathIndex[full] { return .topic(id: id, anchor: anchor) }
        return target
    }
}

/// Parsed bodies, shared by copies of a store. Parsing is pure, so caching it
/// does not change what any caller sees.
final class DocumentCache: @unchecked Sendable {
    private var documents: [String: Document] = [:]
    private let lock = NSLock()

    func document(for id: String, parse: () -> Document) -> Document {
        lock.lock()
        if let cached = documents[id] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let parsed = parse()
        lock.lock()
        documents[id] = parsed
        lock.unlock()
        return parsed
    }
}

enum PathText {
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// Removes `.` and `..` segments and doubled slashes.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
