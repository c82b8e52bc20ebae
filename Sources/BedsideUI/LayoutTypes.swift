import BedsideContent

/// A run of text with one style on a laid-out line.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    /// The link this span belongs to (index into `DocumentLayout.links`).
    public var link: Int?
    public init(_ text: String, _ style: Style = .plain, link: Int? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }
}

public struct LayoutLine: Equatable, Sendable {
    public var spans: [Span]
    public init(_ spans: [Span] = []) { self.spans = spans }
    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

/// A link as laid out: where each of its pieces sits, so Tab can select it,
/// a click can hit it and the reader can scroll to it.
public struct LaidOutLink: Equatable, Sendable {
    public struct Piece: Equatable, Sendable {
        public var line: Int, column: Int, width: Int
    }
    /// 1-based, as shown in the text: "bone pain[3]".
    public var number: Int
    public var target: LinkTarget
    public var text: String
    public var pieces: [Piece]
    public var firstLine: Int { pieces.first?.line ?? 0 }
}

/// A medical word marked in the text because the glossary explains it.
public struct GlossaryMark: Equatable, Sendable {
    public var termID: String
    public var line: Int, column: Int, width: Int
}

public struct HeadingEntry: Equatable, Sendable {
    public var text: String
    public var level: Int
    public var anchor: String
    public var line: Int
}

public struct CalloutEntry: Equatable, Sendable {
    public var label: String
    public var firstLine: Int
    public var lastLine: Int
}

public struct DocumentLayout: Equatable, Sendable {
    public var lines: [LayoutLine] = []
    public var links: [LaidOutLink] = []
    public var headings: [HeadingEntry] = []
    public var glossaryMarks: [GlossaryMark] = []
    /// Callout boxes: the line of the label and the last line, so find can
    /// show a match with its box's heading and the outline can list boxes.
    public var callouts: [CalloutEntry] = []
    public var width: Int = 0

    public func line(ofAnchor anchor: String) -> Int? { headings.first { $0.anchor == anchor }?.line }

    /// The links a number opens, in order: every link but the page's own
    /// actions (flow answers, teach-back marks), which show no number.
    public var numberedLinks: [Int] {
        links.indices.filter { if case .app = links[$0].target { false } else { true } }
    }
}

public struct LayoutOptions: Equatable, Sendable {
    public var width: Int
    /// Box-drawing characters and bullets; false gives plain ASCII.
    public var unicode: Bool
    /// Show "[n]" after each link.
    public var numberLinks: Bool
    /// Draw "====" / "----" under headings (for plain-text output).
    public var headingRules: Bool
    public init(width: Int, unicode: Bool = true, numberLinks: Bool = true, headingRules: Bool = false) {
        self.width = max(8, width)
        self.unicode = unicode
        self.numberLinks = numberLinks
        self.headingRules = headingRules
    }
}

/// Finds glossary words in running text: every spelling of every term, one to
/// three words long, matched case-insensitively.
public struct GlossaryMatcher: Equatable, Sendable {
    var phrases: [String: String] = [:]
    /// The first word of every phrase: most words start none, and are skipped at once.
    var firstWords: Set<String> = []
    var longest = 1

    public init(terms: [GlossaryTerm]) {
        for term in terms {
            for spelling in term.spellings {
                let key = Self.normalize(spelling)
                guard !key.isEmpty, key.count > 2 else { continue }
                if phrases[key] == nil { phrases[key] = term.id }
                firstWords.insert(String(key.split(separator: " ")[0]))
                longest = max(longest, key.split(separator: " ").count)
            }
        }
        longest = min(longest, 4)
    }

    public static func normalize(_ text: String) -> String {
        var copy = text
        // Every word of every page is normalised on each layout: ASCII words
        // (most of them) take a byte loop that gives exactly the general result.
        if let ascii = copy.withUTF8({ asciiNormalized($0) }) { return ascii }
        return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") })
            .joined(separator: " ")
    }

    private static func asciiNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            let kept = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x2D || lower == 0x27
            if kept {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(lower)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func term(for words: [String]) -> String? { phrases[Self.normalize(words.joined(separator: " "))] }

    /// Whether a normalised word is the first word of some glossary phrase.
    func startsPhrase(_ word: String) -> Bool {
        guard let first = word.split(separator: " ").first else { return false }
        return firstWords.contains(String(first))
    }

    /// The term for words that are already normalised (see `normalize`).
    func term(normalized words: ArraySlice<String>) -> String? {
        guard let first = words.first(where: { !$0.isEmpty }), firstWords.contains(String(first.split(separator: " ")[0])) else { return nil }
        return phrases[words.filter { !$0.isEmpty }.joined(separator: " ")]
    }
}
