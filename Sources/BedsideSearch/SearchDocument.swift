import Foundation
import BedsideContent

/// What a search result is.
public enum SearchKind: String, Sendable, Codable, CaseIterable {
    case topic, glossary, flow
}

/// The searchable fields, in order. BM25F weighs a word by the field it is in.
public enum SearchField: Int, CaseIterable, Sendable {
    case title, alsoCalled, keywords, summary, headings, body

    /// How much a word in this field counts, relative to the body.
    public var weight: Double {
        switch self {
        case .title: 6
        case .alsoCalled: 5
        case .keywords: 3
        case .summary: 2
        case .headings: 2
        case .body: 1
        }
    }

    /// BM25 length normalisation: long lists of also-called words should not
    /// drown one strong match, so short fields normalise less than the body.
    var lengthNormalisation: Double {
        switch self {
        case .title: 0.3
        case .alsoCalled: 0.35
        case .keywords: 0.4
        case .summary: 0.5
        case .headings: 0.5
        case .body: 0.75
        }
    }

    public var name: String {
        switch self {
        case .title: "title"
        case .alsoCalled: "also_called"
        case .keywords: "keywords"
        case .summary: "summary"
        case .headings: "headings"
        case .body: "body"
        }
    }
}

/// One searchable thing (a topic, glossary term or flow) as plain-text
/// fields. Public so bedside-bench can load exactly the same text into FTS5.
public struct SearchDocument: Sendable, Equatable {
    public var id: String
    public var kind: SearchKind
    public var title: String
    /// One text per `SearchField`, in order.
    public var fields: [String]

    public func text(_ field: SearchField) -> String { fields[field.rawValue] }

    /// Every topic, glossary term and flow of a store, in a stable order.
    public static func all(in store: ContentStore) -> [SearchDocument] {
        store.topics.map { topic(store, $0) } + store.glossary.map(glossary) + store.flows.map(flow)
    }

    static func topic(_ store: ContentStore, _ info: TopicInfo) -> SearchDocument {
        let text = MarkdownText.split(store.body(of: info.id) ?? "")
        return SearchDocument(id: info.id, kind: .topic, title: info.title,
                              fields: [info.title, info.alsoCalled.joined(separator: "\n"), info.keywords.joined(separator: "\n"),
                                       info.summary, text.headings.joined(separator: "\n"), text.paragraphs.joined(separator: "\n")])
    }

    static func glossary(_ term: GlossaryTerm) -> SearchDocument {
        SearchDocument(id: term.id, kind: .glossary, title: term.term,
                       fields: [term.term, term.alsoCalled.joined(separator: "\n"), "", term.definition, "", ""])
    }

    static func flow(_ flow: Flow) -> SearchDocument {
        let questions = flow.questions.map(\.text)
        var body = flow.questions.compactMap(\.help)
        for outcome in flow.outcomes { body += [outcome.title, outcome.meaning] }
        return SearchDocument(id: flow.id, kind: .flow, title: flow.title,
                              fields: [flow.title, flow.alsoCalled.joined(separator: "\n"), "", "",
                                       questions.joined(separator: "\n"), body.joined(separator: "\n")])
    }
}

/// Markdown to plain text, just enough for search: headings apart from the
/// paragraphs, link targets dropped (their words are not the topic's words),
/// markup characters removed so snippets read cleanly.
enum MarkdownText {
    static func split(_ markdown: String) -> (headings: [String], paragraphs: [String]) {
        var headings: [String] = [], paragraphs: [String] = []
        var inCode = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = raw.drop { $0 == " " }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inCode.toggle(); continue }
            if inCode { continue }
            if line.hasPrefix("#") {
                let heading = clean(line.drop { $0 == "#" })
                if !heading.isEmpty { headings.append(heading) }
                continue
            }
            // Block markers: quotes, list bullets, table rules.
            while let first = line.first, first == ">" || first == " " { line = line.dropFirst() }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = line.dropFirst(2) }
            if line.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }) { continue }
            let text = clean(line)
            if !text.isEmpty { paragraphs.append(text) }
        }
        return (headings, paragraphs)
    }

    /// Drops link targets, emphasis and table pipes from one line.
    static func clean(_ line: Substring) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "]", let open = line.index(i, offsetBy: 1, limitedBy: line.endIndex), open < line.endIndex, line[open] == "(",
               let close = line[open...].firstIndex(of: ")") {
                i = line.index(after: close)
                continue
            }
            switch c {
            case "*", "_", "`", "[", "!" where line.index(after: i) < line.endIndex && line[line.index(after: i)] == "[":
                break
            case "|":
                out.append(" ")
            default:
                out.append(c)
            }
            i = line.index(after: i)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
