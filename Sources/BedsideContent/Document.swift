import Foundation

/// Our own value-typed Markdown tree. cmark-gfm parses; this is what the rest
/// of the program sees, so no C pointer ever leaves BedsideContent.
public struct Document: Equatable, Sendable {
    public var blocks: [Block]
    /// Where the parser found lists or quotes nested deeper than
    /// `MarkdownParser.maxNesting` and flattened them (the first place), for
    /// `bedside check`; nil when nothing was flattened.
    public var nestingFlattenedAt: SourceLocation?
    public init(blocks: [Block]) { self.blocks = blocks }

    /// Two documents are equal when they say the same: the parser's note
    /// about flattening is not part of the text.
    public static func == (a: Document, b: Document) -> Bool { a.blocks == b.blocks }
}

public indirect enum Block: Equatable, Sendable {
    case heading(Heading)
    case paragraph([Inline])
    case thematicBreak
    case list(ListBlock)
    case blockQuote([Block])
    case callout(Callout)
    case table(Table)
    case code(language: String?, text: String)
}

public struct Heading: Equatable, Sendable {
    public var level: Int
    public var content: [Inline]
    /// The `#anchor` that links to this heading (see `Anchor.slug`).
    public var anchor: String
    public var line: Int
    public init(level: Int, content: [Inline], anchor: String, line: Int) {
        self.level = level
        self.content = content
        self.anchor = anchor
        self.line = line
    }
    public var text: String { content.plainText }
}

public struct ListBlock: Equatable, Sendable {
    public var ordered: Bool
    /// The number of the first item of an ordered list (`3.` starts at 3).
    public var start: Int
    public var tight: Bool
    public var items: [[Block]]
    public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// A block quote that starts with a bold marker such as **Get help now if:**.
public struct Callout: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case emergency, warning, tip, note
    }
    public var kind: Kind
    /// The marker as written, without the bold: "Get help now if:".
    public var label: String
    /// The quote's content with the marker removed.
    public var blocks: [Block]
    public init(kind: Kind, label: String, blocks: [Block]) {
        self.kind = kind
        self.label = label
        self.blocks = blocks
    }

    /// Which marker words make which kind. The words are matched at the start
    /// of the bold label, case-insensitively, so "Get help now if:" is an
    /// emergency and "Tip:" a tip.
    public static let markers: [(prefix: String, kind: Kind)] = [
        ("call now", .emergency), ("get help now", .emergency), ("emergency", .emergency),
        ("call today", .warning), ("call your care team", .warning), ("warning", .warning),
        ("tip", .tip), ("what you can do", .tip),
        ("note", .note), ("good to know", .note),
        // Spanish (docs/translations.md): the same four kinds.
        ("busque ayuda ahora", .emergency), ("llame al 911", .emergency), ("emergencia", .emergency),
        ("llame hoy", .warning), ("llame a su equipo", .warning), ("aviso", .warning),
        ("lo que puede hacer", .tip), ("consejo", .tip),
        ("nota", .note), ("es bueno saber", .note),
    ]

    public static func kind(forLabel label: String) -> Kind? {
        let lowered = label.lowercased()
        return markers.first { lowered.hasPrefix($0.prefix) }?.kind
    }
}

public struct Table: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(Link)
    case softBreak
    case lineBreak
}

public struct Link: Equatable, Sendable {
    public var target: LinkTarget
    /// The destination exactly as written, for messages.
    public var destination: String
    public var content: [Inline]
    /// Where the link was written in the file (the line of its paragraph or item).
    public var location: SourceLocation
    public init(target: LinkTarget, destination: String, content: [Inline], location: SourceLocation) {
        self.target = target
        self.destination = destination
        self.content = content
        self.location = location
    }
    public var text: String { content.plainText }
}

/// Where a link goes. Relative `.md` paths stay `.file` until the content
/// store resolves them to topics, since only it knows the file layout.
public enum LinkTarget: Equatable, Hashable, Sendable {
    case topic(id: String, anchor: String?)
    case anchor(String)
    case glossary(String)
    case flow(String)
    /// A section's list of topics.
    case section(String)
    /// A nurse walkthrough.
    case walkthrough(String)
    /// The lists behind `glossary:`, `flow:` and `walkthrough:` with no id:
    /// pages of their own, not an empty id every handler must remember.
    case glossaryIndex, flowPicker, walkthroughPicker
    case web(String)
    case file(path: String, anchor: String?)
    /// An action on a page the app generates (a flow answer, a teach-back
    /// mark). Never parsed from Markdown, so content cannot trigger one.
    case app(AppAction)

    public static func parse(_ destination: String) -> LinkTarget {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        func splitAnchor(_ s: Substring) -> (String, String?) {
            if let hash = s.firstIndex(of: "#") {
                let anchor = String(s[s.index(after: hash)...])
                return (String(s[..<hash]), anchor.isEmpty ? nil : anchor)
            }
            return (String(s), nil)
        }
        if trimmed.hasPrefix("#") { return .anchor(String(trimmed.dropFirst())) }
        // Typed up front: left to inference, this literal of closures took the
        // compiler over 5 s to check, on the critical path of every build.
        let schemes: [(String, (Substring) -> LinkTarget)] = [
            ("topic:", { rest in
                let (id, anchor) = splitAnchor(rest)
                return .topic(id: id, anchor: anchor)
            }),
            ("glossary:", { $0.isEmpty ? .glossaryIndex : .glossary(String($0)) }),
            ("flow:", { $0.isEmpty ? .flowPicker : .flow(String($0)) }),
            ("section:", { .section(String($0)) }),
            ("walkthrough:", { $0.isEmpty ? .walkthroughPicker : .walkthrough(String($0)) }),
        ]
        for (scheme, make) in schemes where trimmed.lowercased().hasPrefix(scheme) {
            return make(trimmed.dropFirst(scheme.count))
        }
        if trimmed.contains("://") || trimmed.lowercased().hasPrefix("mailto:") { return .web(trimmed) }
        let (path, anchor) = splitAnchor(Substring(trimmed))
        return .file(path: path, anchor: anchor)
    }
}

extension Array where Element == Inline {
    /// The words a reader sees, without any markup.
    public var plainText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .strikethrough(let c): out += c.plainText
            case .link(let link): out += link.content.plainText
            case .softBreak, .lineBreak: out += " "
            }
        }
        return out
    }
}

public enum Anchor {
    /// Removes a trailing ` {#anchor}` from a heading's inlines and returns the
    /// anchor (lower-case letters, digits, '-' and '_' only); nil when there is none.
    public static func takeExplicit(_ content: inout [Inline]) -> String? {
        guard case .text(let text)? = content.last, text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = text[open.upperBound..<text.index(before: text.endIndex)]
        guard !id.isEmpty, id.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var rest = String(text[..<open.lowerBound])
        while rest.last == " " { rest.removeLast() }
        content.removeLast()
        if !rest.isEmpty { content.append(.text(rest)) }
        return String(id)
    }

    /// GitHub-style anchor: lower case, spaces to '-', punctuation dropped.
    /// "What you can do" -> "what-you-can-do".
    public static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " {
                out.append("-")
            }
        }
        return out
    }
}

/// What a link on a generated page does. A typed value, not a string to
/// parse, so the compiler checks that every action is handled and no
/// unknown code can turn into another action.
public enum AppAction: Hashable, Sendable {
    /// Answer the current symptom-check question with this answer id.
    case answer(String)
    /// Start the current symptom check again, as a new visit to it.
    case restartFlow
    /// Mark one teach-back prompt of the current walkthrough step.
    case markTeachBack(step: Int, prompt: Int, understood: Bool)
    /// Go to a step of the current walkthrough.
    case goToStep(Int)
    /// Kiosk: forget this visit now.
    case forgetVisit
    /// Show the library in this language (same page, same history).
    case language(ContentLanguage)
}
