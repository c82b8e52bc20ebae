import Foundation

/// Topics as the content pack stores them: every `TopicInfo` field, so a
/// store opened from a pack answers exactly as one read from the files, and
/// each body as a byte range that is turned into text only when asked for.
extension TopicInfo {
    public func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(title)
        w.string(summary)
        w.string(section)
        w.optionalInt(order)
        w.strings(alsoCalled)
        w.strings(keywords)
        w.located(related)
        w.u32(UInt32(sources.count))
        for source in sources {
            w.string(source.title)
            w.string(source.organisation)
            w.optionalString(source.url)
            w.optionalString(source.accessed)
        }
        governance.write(to: &w)
        w.string(path)
        w.int(bodyFirstLine)
        idLocation.write(to: &w)
        w.string(language.rawValue)
        w.optionalString(englishPath)
        w.bool(translation != nil)
        if let translation {
            w.string(translation.path)
            w.optionalInt(translation.translationOf)
            w.optionalInt(translation.englishVersion)
            SignOff.write(translation.signedOff, to: &w)
            w.int(translation.line)
        }
    }

    public static func read(from r: inout BinaryReader) throws -> TopicInfo {
        var info = TopicInfo(id: try r.string(), title: try r.string(), summary: try r.string(), section: try r.string(),
                             order: try r.optionalInt(), alsoCalled: try r.strings(), keywords: try r.strings())
        info.related = try r.located("related topics")
        info.sources = try (0..<r.count(minimumSize: 10, "sources")).map { _ in
            Source(title: try r.string(), organisation: try r.string(), url: try r.optionalString(), accessed: try r.optionalString())
        }
        info.governance = try Governance.read(from: &r)
        info.path = try r.string()
        info.bodyFirstLine = try r.int(in: 1...Int(Int32.max), "a body's first line")
        info.idLocation = try SourceLocation.read(from: &r)
        let language = try r.keptString()
        guard let parsed = ContentLanguage(rawValue: language) else { throw r.fail("unknown language '\(language)'") }
        info.language = parsed
        info.englishPath = try r.optionalString()
        if try r.bool() {
            info.translation = TranslationRecord(path: try r.string(), translationOf: try r.optionalInt(),
                                                 englishVersion: try r.optionalInt(), signedOff: try SignOff.read(from: &r),
                                                 line: try r.int(in: 1...Int(Int32.max), "a line"))
        }
        return info
    }
}

extension BinaryWriter {
    /// Words with the file line and column each was written at (related topics, see-also words).
    mutating func located(_ list: [Located<String>]) {
        u32(UInt32(list.count))
        for item in list {
            string(item.value)
            item.location.write(to: &self)
        }
    }
}

extension BinaryReader {
    mutating func located(_ what: String) throws -> [Located<String>] {
        try (0..<count(minimumSize: 20, what)).map { _ in Located(try string(), try SourceLocation.read(from: &self)) }
    }
}

extension SourceLocation {
    func write(to w: inout BinaryWriter) {
        w.int(line)
        w.int(column)
    }
    static func read(from r: inout BinaryReader) throws -> SourceLocation {
        SourceLocation(line: try r.int(in: 0...Int(Int32.max), "a line"), column: try r.int(in: 0...Int(Int32.max), "a column"))
    }
}

extension ReviewDate {
    static func write(_ date: ReviewDate?, to w: inout BinaryWriter) {
        w.bool(date != nil)
        if let date { w.int(date.year); w.int(date.month); w.int(date.day) }
    }
    static func read(from r: inout BinaryReader) throws -> ReviewDate? {
        guard try r.bool() else { return nil }
        return ReviewDate(year: try r.int(in: 0...9999, "a year"), month: try r.int(in: 1...12, "a month"),
                          day: try r.int(in: 1...31, "a day"))
    }
}

extension SignOff {
    static func write(_ value: SignOff?, to w: inout BinaryWriter) {
        switch value {
        case nil: w.u8(0)
        case .pending: w.u8(1)
        case .signed(let date): w.u8(2); ReviewDate.write(date, to: &w)
        }
    }
    static func read(from r: inout BinaryReader) throws -> SignOff? {
        switch try r.u8() {
        case 0: return nil
        case 1: return .pending
        case 2:
            guard let date = try ReviewDate.read(from: &r) else { throw r.fail("a sign-off has no date") }
            return .signed(date)
        case let other: throw r.fail("unknown sign-off kind \(other)")
        }
    }
}

extension Governance {
    func write(to w: inout BinaryWriter) {
        ReviewDate.write(reviewed, to: &w)
        ReviewDate.write(reviewDue, to: &w)
        w.optionalString(reviewedBy)
        SignOff.write(signedOff, to: &w)
        w.optionalInt(version)
    }
    static func read(from r: inout BinaryReader) throws -> Governance {
        Governance(reviewed: try ReviewDate.read(from: &r), reviewDue: try ReviewDate.read(from: &r),
                   reviewedBy: try r.optionalString(), signedOff: try SignOff.read(from: &r), version: try r.optionalInt())
    }
}

extension Diagnostic {
    public func write(to w: inout BinaryWriter) {
        w.string(file)
        w.int(line)
        w.int(column)
        w.bool(severity == .error)
        w.string(message)
    }
    public static func read(from r: inout BinaryReader) throws -> Diagnostic {
        Diagnostic(file: try r.string(), line: try r.int(in: 0...Int(Int32.max), "a line"),
                   column: try r.int(in: 0...Int(Int32.max), "a column"),
                   severity: try r.bool() ? .error : .warning, message: try r.string())
    }
}

/// What lists and look-ups need of a topic without its full metadata: the
/// id, title, section and other names. A store from a pack keeps only these
/// for every topic; the rest of a topic's metadata is read from the mapped
/// pack when that topic is asked for.
public struct TopicHead: Equatable, Sendable {
    public var id: String
    public var title: String
    public var section: String
    public var alsoCalled: [String]

    public init(id: String, title: String, section: String, alsoCalled: [String]) {
        self.id = id
        self.title = title
        self.section = section
        self.alsoCalled = alsoCalled
    }

    init(_ info: TopicInfo) { self.init(id: info.id, title: info.title, section: info.section, alsoCalled: info.alsoCalled) }

    /// Reads the head from the start of a topic's record (as `TopicInfo.write` lays it out).
    public static func read(from r: inout BinaryReader) throws -> TopicHead {
        let id = try r.string(), title = try r.string()
        _ = try r.bytes(Int(try r.u32())) // the summary
        let section = try r.string()
        _ = try r.optionalInt()
        return TopicHead(id: id, title: title, section: section, alsoCalled: try r.strings())
    }
}

/// A store's topics as they come out of a pack: already in reading order,
/// with their load-time diagnostics. Each topic's full metadata and body are
/// read on demand, so 10,000 topics cost a session only their heads.
public struct PackedTopics: Sendable {
    public var heads: [TopicHead]
    public var diagnostics: [Diagnostic]
    /// The full metadata of topic `i` (an index into `heads`).
    public var info: @Sendable (Int) -> TopicInfo
    /// The Markdown body of topic `i`.
    public var body: @Sendable (Int) -> String

    public init(heads: [TopicHead], diagnostics: [Diagnostic], info: @escaping @Sendable (Int) -> TopicInfo,
                body: @escaping @Sendable (Int) -> String, glossary: PackedGlossary? = nil) {
        self.glossary = glossary
        self.heads = heads
        self.diagnostics = diagnostics
        self.info = info
        self.body = body
    }

    /// The glossary as packed with these topics (nil in a pack without one).
    public var glossary: PackedGlossary?

    /// Every topic's full metadata (tests, the fuzzer, `check`).
    public var infos: [TopicInfo] { heads.indices.map(info) }
}

/// A language's glossary as the pack stores it: the terms (translations laid
/// over already) and the problems found reading their files.
public struct PackedGlossary: Sendable, Equatable {
    public var terms: [GlossaryTerm]
    public var diagnostics: [Diagnostic]

    public init(terms: [GlossaryTerm], diagnostics: [Diagnostic]) {
        self.terms = terms
        self.diagnostics = diagnostics
    }

    public func write(to w: inout BinaryWriter, paths: (String) -> String) {
        w.u32(UInt32(terms.count))
        for term in terms {
            w.string(term.id)
            w.string(term.term)
            w.strings(term.alsoCalled)
            w.strings(term.searchOnly)
            w.string(term.definition)
            w.located(term.seeAlso)
            w.string(paths(term.path))
            term.location.write(to: &w)
        }
        w.u32(UInt32(diagnostics.count))
        for problem in diagnostics {
            var problem = problem
            problem.file = paths(problem.file)
            problem.write(to: &w)
        }
    }

    public static func read(from r: inout BinaryReader, paths: (String) -> String) throws -> PackedGlossary {
        let terms = try (0..<r.count(minimumSize: 40, "glossary terms")).map { _ in
            GlossaryTerm(id: try r.string(), term: try r.string(), alsoCalled: try r.strings(), searchOnly: try r.strings(),
                         definition: try r.string(),
                         seeAlso: try r.located("see-also words"),
                         path: paths(try r.string()), location: try SourceLocation.read(from: &r))
        }
        let diagnostics = try (0..<r.count(minimumSize: 30, "glossary problems")).map { _ in
            var problem = try Diagnostic.read(from: &r)
            problem.file = paths(problem.file)
            return problem
        }
        return PackedGlossary(terms: terms, diagnostics: diagnostics)
    }
}
