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
        case .alsoCalled: 0.1
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
        // Topic bodies are most of the text: clean them on every core.
        Parallel.map(Array(store.topics)) { topic(store, $0) } + store.glossary.map(glossary) + store.flows.map(flow)
    }

    static func topic(_ store: ContentStore, _ info: TopicInfo) -> SearchDocument {
        // A phone placeholder is the clinic's number on screen: as words it is
        // "number", so it neither matches "phone after hours" nor shows as code.
        let text = MarkdownText.split(PhonePlaceholder.plain(store.body(of: info.id) ?? "", as: "number"))
        return SearchDocument(id: info.id, kind: .topic, title: info.title,
                              fields: [info.title, info.alsoCalled.joined(separator: "\n"), info.keywords.joined(separator: "\n"),
                                       info.summary, text.headings, text.paragraphs])
    }

    static func glossary(_ term: GlossaryTerm) -> SearchDocument {
        SearchDocument(id: term.id, kind: .glossary, title: term.term,
                       fields: [term.term, term.searchSpellings.dropFirst().joined(separator: "\n"), "", term.definition, "", ""])
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
    /// The headings and the paragraph lines, each kept as one text with a
    /// line break between lines. Works on UTF-8 bytes and writes straight
    /// into the two texts: at 10,000 topics this runs over megabytes.
    static func split(_ markdown: String) -> (headings: String, paragraphs: String) {
        var headings: [UInt8] = [], paragraphs: [UInt8] = []
        var inCode = false
        var markdown = markdown
        markdown.withUTF8 { bytes in
            paragraphs.reserveCapacity(bytes.count)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var i = lineStart
                while i < lineEnd && bytes[i] == 0x20 { i += 1 }
                guard i < lineEnd else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[i..<lineEnd])
                if starts(line, "```") || starts(line, "~~~") { inCode.toggle(); continue }
                if inCode { continue }
                if line[0] == UInt8(ascii: "#") {
                    var k = 0
                    while k < line.count && line[k] == UInt8(ascii: "#") { k += 1 }
                    // A translation's heading ends with the English anchor ("{#when-to-call}"): not words to find.
                    var end = line.count
                    while end > k && (line[end - 1] == 0x20 || line[end - 1] == 0x0D) { end -= 1 }
                    if end > k, line[end - 1] == UInt8(ascii: "}") {
                        var open = end - 1
                        while open > k && line[open] != UInt8(ascii: "{") { open -= 1 }
                        if open + 1 < end, line[open] == UInt8(ascii: "{"), line[open + 1] == UInt8(ascii: "#") { end = open }
                    }
                    clean(UnsafeBufferPointer(rebasing: line[k..<end]), into: &headings)
                    continue
                }
                // Block markers: quotes, list bullets, table rules.
                var k = 0
                while k < line.count && (line[k] == UInt8(ascii: ">") || line[k] == 0x20) { k += 1 }
                if k + 1 < line.count, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[k]), line[k + 1] == 0x20 { k += 2 }
                let rest = UnsafeBufferPointer(rebasing: line[k...])
                if rest.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x0D }) { continue }
                clean(rest, into: &paragraphs)
            }
        }
        return (String(decoding: headings, as: UTF8.self), String(decoding: paragraphs, as: UTF8.self))
    }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        for k in 0..<prefix.utf8CodeUnitCount where line[k] != prefix.utf8Start[k] { return false }
        return true
    }

    /// Drops link targets, emphasis and table pipes from one line, trims
    /// spaces, and appends what is left to `out` (after a line break if `out`
    /// has text already); an empty line adds nothing.
    static func clean(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let mark = out.count
        if mark > 0 { out.append(0x0A) }
        let textStart = out.count
        var i = 0
        while i < line.count {
            let c = line[i]
            if c == UInt8(ascii: "]"), i + 1 < line.count, line[i + 1] == UInt8(ascii: "(") {
                var close = i + 2
                while close < line.count && line[close] != UInt8(ascii: ")") { close += 1 }
                if close < line.count { i = close + 1; continue }
            }
            switch c {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), 0x0D: break
            case UInt8(ascii: "!") where i + 1 < line.count && line[i + 1] == UInt8(ascii: "["): break
            case UInt8(ascii: "|"): out.append(0x20)
            default: out.append(c)
            }
            i += 1
        }
        var start = textStart
        while start < out.count && out[start] == 0x20 { start += 1 }
        while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
        if start == out.count {
            out.removeSubrange(mark...)  // nothing left: no line at all
        } else if start > textStart {
            out.removeSubrange(textStart..<start)
        }
    }
}
