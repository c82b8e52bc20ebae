import Foundation
import Yams

/// Where a topic's facts come from.
public struct Source: Equatable, Sendable, Codable {
    public var title: String
    public var organisation: String
    public var url: String?
    /// The day the page was read, for a web page cited beyond the seed documents.
    public var accessed: String?
    public init(title: String, organisation: String, url: String? = nil, accessed: String? = nil) {
        self.title = title
        self.organisation = organisation
        self.url = url
        self.accessed = accessed
    }
}

/// A calendar date as written in front matter (`2026-11-23`).
public struct ReviewDate: Equatable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func parse(_ text: String) -> ReviewDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
              let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return ReviewDate(year: y, month: m, day: d)
    }

    public static func < (a: ReviewDate, b: ReviewDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whole months from `self` to `other` (negative if `other` is earlier).
    public func months(until other: ReviewDate) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day { months -= 1 }
        return months
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

/// Everything about a topic except its parsed body: known at start-up so the
/// sidebar, search and links work before any body is parsed.
public struct TopicInfo: Equatable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var section: String
    public var order: Int?
    public var alsoCalled: [String]
    public var keywords: [String]
    public var related: [Located<String>]
    public var sources: [Source]
    public var governance: Governance
    /// The date a clinician last checked this topic.
    public var reviewed: ReviewDate? {
        get { governance.reviewed }
        set { governance.reviewed = newValue }
    }
    /// The file, as a path the user can open (content root + relative path).
    public var path: String
    /// The file line where the Markdown body starts.
    public var bodyFirstLine: Int
    /// Where `id:` is written, for messages about duplicates.
    public var idLocation: SourceLocation
    /// The language of the title and body: a topic not yet translated keeps
    /// its English text in a Spanish library (and says so).
    public var language: ContentLanguage = .en
    /// For a translation: the English file (relative links and the path index
    /// use it) and where the translation came from.
    public var englishPath: String?
    public var translation: TranslationRecord?

    public init(id: String, title: String, summary: String, section: String, order: Int? = nil,
                alsoCalled: [String] = [], keywords: [String] = [], related: [Located<String>] = [],
                sources: [Source] = [], reviewed: ReviewDate? = nil, governance: Governance = Governance(), path: String = "",
                bodyFirstLine: Int = 1, idLocation: SourceLocation = SourceLocation(line: 1)) {
        self.id = id
        self.title = title
        self.summary = summary
        self.section = section
        self.order = order
        self.alsoCalled = alsoCalled
        self.keywords = keywords
        self.related = related
        self.sources = sources
        self.governance = governance
        if let reviewed { self.governance.reviewed = reviewed }
        self.path = path
        self.bodyFirstLine = bodyFirstLine
        self.idLocation = idLocation
    }
}

/// A topic with its Markdown body text (parsed on demand by the store).
public struct TopicFile: Sendable {
    public var info: TopicInfo
    public var body: String
}

enum TopicParser {
    static let fields: Set<String> = Set(["id", "title", "summary", "section", "order", "also-called", "keywords",
                                      "related", "sources"]).union(Governance.fields)

    /// Parses one topic file. Returns nil (with diagnostics) when the file is
    /// too broken to show; otherwise a topic plus any lesser complaints.
    static func parse(text: String, path: String) -> (TopicFile?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(let error): return (nil, [.error(path, 1, 1, error.message)])
        }
        var yaml = YAMLFields(file: path, firstLine: split.yamlFirstLine)
        guard let root = yaml.parse(split.yaml), let map = yaml.mapping(root, what: "the front matter") else {
            if split.yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return (nil, [.error(path, 2, 1, "the front matter is empty: add id, title, summary, section, sources and reviewed")])
            }
            return (nil, yaml.diagnostics)
        }
        yaml.rejectUnknownKeys(map, allowed: fields, what: "a topic")
        let id = yaml.string(map, "id", in: root, required: true)
        let title = yaml.string(map, "title", in: root, required: true)
        let summary = yaml.string(map, "summary", in: root, required: true)
        let section = yaml.string(map, "section", in: root, required: true)
        let order = yaml.int(map, "order")
        let alsoCalled = yaml.strings(map, "also-called")
        let keywords = yaml.strings(map, "keywords")
        let related = yaml.locatedStrings(map, "related")
        let sources = parseSources(map, root: root, yaml: &yaml)
        let governance = Governance.parse(map, yaml: &yaml, reviewedRequired: true, root: root)
        if let id, !Identifier.isKebabCase(id) {
            yaml.error(YAMLFields.value(map, "id"), "id '\(id)' must be kebab-case: lower-case letters, digits and '-' (e.g. bone-pain)")
        }
        if Readability.isBlank(split.body[...]) {
            yaml.diagnostics.append(.error(path, split.bodyFirstLine, 1, "the topic has no body: write the text after the closing '---'"))
        }
        guard let id, let title else { return (nil, yaml.diagnostics) }
        let info = TopicInfo(id: id, title: title, summary: summary ?? "", section: section ?? "",
                             order: order, alsoCalled: alsoCalled, keywords: keywords, related: related,
                             sources: sources, governance: governance, path: path,
                             bodyFirstLine: split.bodyFirstLine, idLocation: yaml.location(YAMLFields.value(map, "id")))
        return (TopicFile(info: info, body: split.body), yaml.diagnostics)
    }

    static func parseSources(_ map: Yams.Node.Mapping, root: Yams.Node, yaml: inout YAMLFields) -> [Source] {
        guard let node = YAMLFields.value(map, "sources") else {
            yaml.error(root, "missing required field 'sources': list where the facts come from (title, organisation, url)")
            return []
        }
        guard let list = node.sequence, !list.isEmpty else {
            yaml.error(node, "'sources' must be a list with at least one source (title, organisation, url)")
            return []
        }
        var sources: [Source] = []
        for item in list {
            guard let entry = yaml.mapping(item, what: "each source") else { continue }
            yaml.rejectUnknownKeys(entry, allowed: ["title", "organisation", "organization", "url", "accessed"], what: "a source")
            let title = yaml.string(entry, "title", in: item, required: true)
            let organisation = yaml.string(entry, "organisation", in: item, required: false)
                ?? yaml.string(entry, "organization", in: item, required: false)
            if organisation == nil { yaml.error(item, "missing required field 'organisation' in a source") }
            let url = yaml.string(entry, "url", in: item, required: false)
            let accessed = yaml.string(entry, "accessed", in: item, required: false)
            if let accessed, ReviewDate.parse(accessed) == nil {
                yaml.error(YAMLFields.value(entry, "accessed"), "'accessed' must be the date the page was read, as YYYY-MM-DD, not '\(accessed)'")
            }
            if let title, let organisation {
                sources.append(Source(title: title, organisation: organisation, url: url, accessed: accessed))
            }
        }
        return sources
    }
}

public enum Identifier {
    public static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else { return false }
        return !id.hasSuffix("-") && !id.contains("--") && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
