import Foundation

/// The loaded content store. A broken file is reported in `diagnostics` and
/// skipped: the rest still load.
///
/// The manifest, glossary, home page and strings are read at once. Topics,
/// flows and walkthroughs may be parsed in the background (see
/// `ContentLoader.load(root:background:)`): the first screen needs none of
/// them, and whoever reads them first waits until they are ready. Topic
/// bodies are parsed on first use. Either way the store answers the same.
public struct ContentStore: Sendable {
    public var root: String
    /// The language of the text (English where a translation is missing).
    public var language: ContentLanguage
    public var manifest: Manifest
    /// Every loaded topic, in reading order: by section, then `order`, then title.
    public var topics: TopicList { deferred.topics.table.list }
    /// Id, title, section and other names of every topic, in reading order:
    /// for lists and look-ups that need no more (held in memory, so a pack
    /// is never read for them).
    public var topicHeads: [TopicHead] { deferred.topics.table.heads }
    public var glossary: [GlossaryTerm]
    public var home: Document
    public var strings: Catalogue
    /// Symptom flows, in file order.
    public var flows: [Flow] { deferred.later.flows }
    /// Nurse walkthroughs, in `order`.
    public var walkthroughs: [Walkthrough] { deferred.later.walkthroughs }
    /// Whether the content has flow (walkthrough) files. Menus use these, not
    /// `flows.isEmpty`, so drawing the home screen never waits for parsing.
    public var hasFlowFiles: Bool { deferred.fileCounts.flows > 0 }
    public var hasWalkthroughFiles: Bool { deferred.fileCounts.walkthroughs > 0 }
    /// Problems found while loading (files skipped, fields ignored), in the
    /// order of a sequential pass: manifest, topics, glossary, flows,
    /// walkthroughs, home, strings.
    public var diagnostics: [Diagnostic] {
        manifestDiagnostics + deferred.topics.diagnostics + glossaryDiagnostics + deferred.later.diagnostics
            + trailingDiagnostics
    }

    /// The same without flow and walkthrough files, so asking parses none of
    /// them: for a command that uses neither (`search` with a fresh pack,
    /// whose index was made when those files were last packed and checked).
    public var diagnosticsExceptFlowsAndWalkthroughs: [Diagnostic] {
        manifestDiagnostics + deferred.topics.diagnostics + glossaryDiagnostics + trailingDiagnostics
    }

    /// Whether the flow and walkthrough files have been parsed yet (for tests).
    var flowsAreParsed: Bool { deferred.laterIsMade }

    /// Problems found in topic files alone (a content pack keeps these).
    public var topicDiagnostics: [Diagnostic] { deferred.topics.diagnostics }

    private var manifestDiagnostics: [Diagnostic]
    /// Problems in glossary files alone (a content pack keeps these).
    public private(set) var glossaryDiagnostics: [Diagnostic]
    private var trailingDiagnostics: [Diagnostic]
    private let deferred: DeferredContent
    private var glossaryIndex: [String: Int]
    private let cache = DocumentCache()

    public init(root: String = "", language: ContentLanguage = .en, manifest: Manifest = Manifest(), topics: [TopicFile] = [],
                glossary: [GlossaryTerm] = [], home: Document = Document(blocks: []),
                strings: Catalogue = Catalogue(), flows: [Flow] = [], walkthroughs: [Walkthrough] = [],
                diagnostics: [Diagnostic] = []) {
        let deferred = DeferredContent(topics: Once(ready: .init(table: TopicTable(topics, manifest: manifest))),
                                       later: Once(ready: .init(flows: flows, walkthroughs: walkthroughs)),
                                       fileCounts: .init(flows: flows.count, walkthroughs: walkthroughs.count))
        self.init(root: root, language: language, manifest: manifest, glossary: glossary, home: home, strings: strings,
                  deferred: deferred,
                  manifestDiagnostics: diagnostics, glossaryDiagnostics: [], trailingDiagnostics: [])
    }

    init(root: String, language: ContentLanguage, manifest: Manifest, glossary: [GlossaryTerm], home: Document, strings: Catalogue,
         deferred: DeferredContent, manifestDiagnostics: [Diagnostic], glossaryDiagnostics: [Diagnostic],
         trailingDiagnostics: [Diagnostic]) {
        self.root = root
        self.language = language
        self.manifest = manifest
        self.glossary = glossary
        self.glossaryIndex = Dictionary(glossary.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.home = home
        self.strings = strings
        self.deferred = deferred
        self.manifestDiagnostics = manifestDiagnostics
        self.glossaryDiagnostics = glossaryDiagnostics
        self.trailingDiagnostics = trailingDiagnostics
    }

    // MARK: - Look-ups

    public func topic(_ id: String) -> TopicInfo? { deferred.topics.table.info(id) }
    public func term(_ id: String) -> GlossaryTerm? { glossaryIndex[id].map { glossary[$0] } }
    public func flow(_ id: String) -> Flow? {
        let later = deferred.later
        return later.flowIndex[id].map { later.flows[$0] }
    }
    /// The walkthrough with this id, if it loaded.
    public func walkthrough(_ id: String) -> Walkthrough? { walkthroughs.first { $0.id == id } }
    public func section(_ id: String) -> Section? { manifest.sections.first { $0.id == id } }
    public func topics(inSection id: String) -> [TopicInfo] {
        let table = deferred.topics.table
        return table.heads.indices.filter { table.heads[$0].section == id }.map { table.list[$0] }
    }
    public func topicIDs(inSection id: String) -> [String] {
        deferred.topics.table.heads.filter { $0.section == id }.map(\.id)
    }

    /// Parses what the loader left for later on a background thread, so the
    /// first topic or flow opens without a wait. Call it once the first
    /// screen is up: both cores then go to drawing it first.
    public func loadInBackground() {
        let deferred = deferred
        Thread.detachNewThread {
            _ = deferred.topics
            _ = deferred.later
        }
    }

    /// The raw Markdown body of a topic.
    public func body(of id: String) -> String? { deferred.topics.table.body(of: id) }

    /// The parsed body of a topic (parsed once, then cached).
    public func document(for id: String) -> Document? {
        guard let info = topic(id), let body = body(of: id) else { return nil }
        return cache.document(for: id) { MarkdownParser.parse(body, firstLine: info.bodyFirstLine) }
    }

    /// Turns relative `.md` links into topic links; other targets pass through.
    public func resolve(_ target: LinkTarget, from topicID: String?) -> LinkTarget {
        guard case .file(let path, let anchor) = target, path.hasSuffix(".md") else { return target }
        let base = topicID.flatMap { topic($0)?.path }.map { PathText.directory($0) } ?? root
        let full = PathText.normalize(path.hasPrefix("/") ? path : base + "/" + path)
        if let id = deferred.topics.table.paths.id(at: full) { return .topic(id: id, anchor: anchor) }
        return target
    }
}

/// Every topic's metadata, in reading order. Read from the files, it is an
/// array; from a pack, a topic is read from the mapped file each time it is
/// asked for (a few microseconds), so a session holds no copy of 10,000.
public struct TopicList: RandomAccessCollection, Equatable, Sendable {
    private enum Storage: Sendable {
        case array([TopicInfo])
        case read(count: Int, @Sendable (Int) -> TopicInfo)
    }
    private let storage: Storage

    public init(_ infos: [TopicInfo] = []) { storage = .array(infos) }
    init(count: Int, read: @escaping @Sendable (Int) -> TopicInfo) { storage = .read(count: count, read) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .array(let infos): infos.count
        case .read(let count, _): count
        }
    }
    public subscript(position: Int) -> TopicInfo {
        switch storage {
        case .array(let infos): infos[position]
        case .read(_, let read): read(position)
        }
    }

    public static func == (a: TopicList, b: TopicList) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

/// Topics in reading order, with their bodies and look-up tables.
struct TopicTable {
    let list: TopicList
    /// Id, title, section and other names of every topic, for lists and look-ups.
    let heads: [TopicHead]
    /// Bodies read from the files, by id; or, from a pack, each body made on demand.
    private var bodies: [String: String] = [:]
    private var packedBody: (@Sendable (Int) -> String)?
    var index: [String: Int]
    let paths: PathIndex

    func body(of id: String) -> String? {
        guard let packedBody else { return bodies[id] }
        return index[id].map(packedBody)
    }

    func info(_ id: String) -> TopicInfo? { index[id].map { list[$0] } }

    /// The pack's topics are in reading order already (sorted when it was made).
    init(packed: PackedTopics) {
        list = TopicList(count: packed.heads.count, read: packed.info)
        heads = packed.heads
        packedBody = packed.body
        index = Dictionary(heads.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        paths = PathIndex(list)
    }

    init(_ topics: [TopicFile], manifest: Manifest) {
        let sectionRank = Dictionary(manifest.sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = topics.sorted { a, b in
            let ra = sectionRank[a.info.section] ?? Int.max, rb = sectionRank[b.info.section] ?? Int.max
            if ra != rb { return ra < rb }
            let oa = a.info.order ?? Int.max, ob = b.info.order ?? Int.max
            if oa != ob { return oa < ob }
            return a.info.title.localizedStandardCompare(b.info.title) == .orderedAscending
        }
        let infos = sorted.map(\.info)
        list = TopicList(infos)
        heads = infos.map(TopicHead.init)
        bodies = Dictionary(sorted.map { ($0.info.id, $0.body) }, uniquingKeysWith: { a, _ in a })
        index = Dictionary(infos.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        paths = PathIndex(list)
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

/// Topic ids by file path, for links written as relative `.md` paths. Made
/// on the first such link: most sessions follow none, and with 10,000 topics
/// the table costs milliseconds at start and a megabyte per session.
final class PathIndex: @unchecked Sendable {
    private let infos: TopicList
    private var table: [String: String]?
    private let lock = NSLock()

    init(_ infos: TopicList) { self.infos = infos }

    func id(at path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if table == nil {
            table = Dictionary(infos.map { (PathText.normalize($0.englishPath ?? $0.path), $0.id) }, uniquingKeysWith: { a, _ in a })
        }
        return table?[path]
    }
}

enum PathText {
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// Removes `.` and `..` segments and doubled slashes.
    static func normalize(_ path: String) -> String {
        // Most paths (every path a pack gives) have nothing to remove: one
        // scan of the bytes, instead of splitting 10,000 paths at start.
        isNormal(path) ? path : normalizeBySplitting(path)
    }

    static func normalizeBySplitting(_ path: String) -> String {
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

    /// True when no segment is empty, "." or ".." (a lone "/" counts as normal).
    static func isNormal(_ path: String) -> Bool {
        var segment = 0, dots = 0, first = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                // An empty segment is fine only before a leading slash.
                if segment == 0 && !first { return false }
                if segment > 0 && segment == dots && dots <= 2 { return false }
                segment = 0
                dots = 0
            } else {
                segment += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            first = false
        }
        if segment == 0 { return path.utf8.count <= 1 }
        return !(segment == dots && dots <= 2)
    }
}
