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
        w.u32(UInt32(related.count))
        for item in related {
            w.string(item.value)
            item.location.write(to: &w)
        }
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
        info.related = try (0..<r.count(minimumSize: 20, "related topics")).map { _ in
            Located(try r.string(), try SourceLocation.read(from: &r))
        }
        info.sources = try (0..<r.count(minimumSize: 10, "sources")).map { _ in
            Source(title: try r.string(), organisation: try r.string(), url: try r.optionalString(), accessed: try r.optionalString())
        }
        info.governance = try Governance.read(from: &r)
        info.path = try r.string()
        info.bodyFirstLine = try r.int(in: 1...Int(Int32.max), "a body's first line")
        info.idLocation = try SourceLocation.read(from: &r)
        let language = try r.string()
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

/// A store's topics as they come out of a pack: already in reading order,
/// with their load-time diagnostics, and each body read on demand.
public struct PackedTopics: Sendable {
    public var infos: [TopicInfo]
    public var diagnostics: [Diagnostic]
    /// The Markdown body of topic `i` (an index into `infos`).
    public var body: @Sendable (Int) -> String

    public init(infos: [TopicInfo], diagnostics: [Diagnostic], body: @escaping @Sendable (Int) -> String) {
        self.infos = infos
        self.diagnostics = diagnostics
        self.body = body
    }
}
