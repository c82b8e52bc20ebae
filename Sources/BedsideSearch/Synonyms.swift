import BedsideContent
import Foundation

/// One group of words and phrases that mean the same thing to a patient,
/// as written in `Content/search/synonyms.yaml`.
public struct SynonymGroup: Equatable, Sendable {
    public var phrases: [String]
    /// The file line where the group starts, for messages.
    public var line: Int
    public init(phrases: [String], line: Int = 0) {
        self.phrases = phrases
        self.line = line
    }
}

/// Reads `Content/search/synonyms.yaml`:
///
///     groups:
///       - [pee, urinate, urine, "can't pee"]
///       - - tumour
///         - tumor
///
/// Synonyms are content, so the clinic can edit them; `bedside check` reports
/// mistakes as path:line:column. Only this small part of YAML is accepted
/// (a `groups:` list of flow or block lists of words), which keeps the
/// messages exact. A missing file simply means no extra synonyms.
public enum SynonymsFile {
    public static let relativePath = "search/synonyms.yaml"

    /// `search/synonyms.yaml`, or a language's own file (`search/synonyms.es.yaml`):
    /// patients use other words in each language, so the groups are not translated but written anew.
    public static func path(contentRoot: String, language: ContentLanguage = .en) -> String {
        let english = (contentRoot.isEmpty ? "." : contentRoot) + "/" + relativePath
        return language.translationPath(of: english) ?? english
    }

    /// The groups of a content folder, with any problems found.
    public static func load(contentRoot: String, language: ContentLanguage = .en) -> (groups: [SynonymGroup], diagnostics: [Diagnostic]) {
        let file = path(contentRoot: contentRoot, language: language)
        guard FileManager.default.fileExists(atPath: file) else { return ([], []) }
        guard let data = FileManager.default.contents(atPath: file) else {
            return ([], [.error(file, 1, 1, "cannot read the synonyms file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [.error(file, 1, 1, "the synonyms file is not valid UTF-8 text: save it as UTF-8")])
        }
        return parse(text, path: file)
    }

    /// For `bedside check`: every problem in the content's synonyms file.
    public static func check(contentRoot: String, language: ContentLanguage = .en) -> [Diagnostic] {
        load(contentRoot: contentRoot, language: language).diagnostics
    }

    public static func parse(_ text: String, path: String) -> (groups: [SynonymGroup], diagnostics: [Diagnostic]) {
        var parser = SynonymsParser(path: path)
        parser.run(text)
        return (parser.groups, parser.diagnostics)
    }
}

/// The line-based reader behind `SynonymsFile.parse`.
struct SynonymsParser {
    let path: String
    var groups: [SynonymGroup] = []
    var diagnostics: [Diagnostic] = []

    private var sawGroups = false
    /// An open `[ ... ]` list that may continue on the next lines.
    /// `blank` says whether `pending` is only spaces so far (kept, not recomputed per character).
    private var flow: (phrases: [(String, Int, Int)], line: Int, pending: String, blank: Bool, pendingLine: Int, pendingColumn: Int)?
    /// An open block list (`- - word`), with the indent of its items.
    private var block: (phrases: [(String, Int, Int)], line: Int, indent: Int)?

    init(path: String) { self.path = path }

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(.error(path, line, column, message))
    }

    mutating func run(_ text: String) {
        // Split on bytes: splitting a String walks grapheme clusters, which
        // cost more than the rest of the parse.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = String(Substring(raw))
            if line.utf8.last == UInt8(ascii: "\r") { line.removeLast() }
            if let tab = line.utf8.firstIndex(of: UInt8(ascii: "\t")) {
                error(number, line.distance(from: line.startIndex, to: tab) + 1, "a tab character: YAML indentation must use spaces")
                continue
            }
            if let open = flow {
                // A new item while a '[' is open: the bracket was never closed.
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("- ") || (!line.hasPrefix(" ") && trimmed.contains(":")) {
                    error(open.line, 1, "this group's '[' is never closed with ']'")
                    flow = nil
                } else {
                    continueFlow(Array(line.unicodeScalars), line: number, from: 0)
                    continue
                }
            }
            let chars = Array(line.unicodeScalars)
            let indent = chars.prefix { $0 == " " }.count
            let rest = chars[indent...]
            if rest.isEmpty || rest.first == "#" { continue }
            if indent == 0 {
                closeBlock()
                let content = Self.text(stripComment(Array(rest))).trimmedSpaces
                if content == "groups:" {
                    if sawGroups { error(number, 1, "'groups' is written twice: keep one list") }
                    sawGroups = true
                } else if content.hasPrefix("-") {
                    error(number, 1, "indent the group under 'groups:' (for example '  - [pee, urine]')")
                } else {
                    let key = content.split(separator: ":").first.map(String.init) ?? content
                    error(number, 1, "unknown key '\(key)': the synonyms file has only 'groups:', a list of word lists")
                }
                continue
            }
            guard sawGroups else {
                error(number, indent + 1, "the synonyms file must start with 'groups:'")
                continue
            }
            guard rest.first == "-" else {
                error(number, indent + 1, "expected a list item starting with '-', like '  - [pee, urine]'")
                continue
            }
            // A block item of the open block group: "    - word".
            if let open = block, indent == open.indent {
                addBlockItem(Array(rest.dropFirst()), line: number, column: indent + 2)
                continue
            }
            closeBlock()
            var item = Array(rest.dropFirst())
            var column = indent + 2
            while item.first == " " { item.removeFirst(); column += 1 }
            if item.first == "[" {
                flow = (phrases: [], line: number, pending: "", blank: true, pendingLine: number, pendingColumn: column + 1)
                continueFlow(item, line: number, from: 1, columnOffset: column - 1)
            } else if item.first == "-" {
                // "- - word": a block list; its next items line up under the inner dash.
                block = (phrases: [], line: number, indent: column - 1)
                addBlockItem(Array(item.dropFirst()), line: number, column: column + 1)
            } else if item.isEmpty || item.first == "#" {
                error(number, column, "an empty group: write its words, like '- [pee, urine]'")
            } else {
                error(number, column, "each group must be a list of words in brackets, like '- [pee, urine]'")
            }
        }
        if let open = flow {
            error(open.line, 1, "this group's '[' is never closed with ']'")
            flow = nil
        }
        closeBlock()
        if !sawGroups && diagnostics.isEmpty {
            diagnostics.append(.error(path, 1, 1, "the synonyms file must contain 'groups:', a list of word lists"))
        }
    }

    private mutating func addBlockItem(_ chars: [Unicode.Scalar], line: Int, column: Int) {
        var chars = stripComment(chars)
        var column = column
        while chars.first == " " { chars.removeFirst(); column += 1 }
        guard let word = scalar(chars, line: line, column: column) else { return }
        block?.phrases.append((word, line, column))
    }

    private mutating func closeBlock() {
        guard let open = block else { return }
        block = nil
        finish(open.phrases, line: open.line)
    }

    /// Reads flow-list items from `chars[from...]`; the list may go on to the next line.
    private mutating func continueFlow(_ chars: [Unicode.Scalar], line: Int, from: Int, columnOffset: Int = 0) {
        guard var state = flow else { return }
        // Let go of the stored copy, so appending to `state` does not copy its
        // arrays and string each time; every way out below sets `flow` again.
        flow = nil
        var i = from
        while i < chars.count {
            let c = chars[i]
            let column = columnOffset + i + 1
            if state.blank {
                state.pendingLine = line
                state.pendingColumn = column
            }
            // A quote opens a quoted word only at its start: "can't" is a plain word.
            if c == "\"" || c == "'", state.blank {
                guard let (value, next) = quoted(chars, at: i, line: line, column: column) else {
                    flow = nil
                    return
                }
                state.pending += value
                state.blank = state.blank && value.allSatisfy { $0 == " " }
                i = next
                continue
            }
            if c == "#", i == 0 || chars[i - 1] == " " { break }
            if c == "," || c == "]" {
                let word = state.pending.trimmedSpaces
                if word.isEmpty {
                    if c == "," { error(line, column, "an empty word before ',': remove the extra comma") }
                } else {
                    state.phrases.append((word, state.pendingLine, state.pendingColumn))
                }
                state.pending = ""
                state.blank = true
                if c == "]" {
                    flow = nil
                    let trailing = Self.text(stripComment(Array(chars[(i + 1)...]))).trimmedSpaces
                    if !trailing.isEmpty { error(line, column + 1, "unexpected text '\(trailing)' after ']'") }
                    finish(state.phrases, line: state.line)
                    return
                }
                i += 1
                continue
            }
            if c == "[" || c == "{" || c == "}" {
                error(line, column, "'\(c)' inside a group: a group is one flat list of words; quote a word that contains it")
                flow = nil
                return
            }
            state.pending.unicodeScalars.append(c)
            if c != " " { state.blank = false }
            i += 1
        }
        state.pending += " "
        flow = state
    }

    /// A quoted word starting at `chars[start]`; returns it and the index after the closing quote.
    private mutating func quoted(_ chars: [Unicode.Scalar], at start: Int, line: Int, column: Int) -> (String, Int)? {
        let quote = chars[start]
        var value = ""
        var i = start + 1
        while i < chars.count {
            let c = chars[i]
            if c == quote {
                if quote == "'", i + 1 < chars.count, chars[i + 1] == "'" {
                    value.append("'"); i += 2; continue
                }
                return (value, i + 1)
            }
            if quote == "\"", c == "\\", i + 1 < chars.count {
                value.unicodeScalars.append(chars[i + 1]); i += 2; continue
            }
            value.unicodeScalars.append(c)
            i += 1
        }
        error(line, column, "a quoted word is not closed: add the closing \(quote) on the same line")
        return nil
    }

    private mutating func scalar(_ chars: [Unicode.Scalar], line: Int, column: Int) -> String? {
        if chars.first == "\"" || chars.first == "'" {
            guard let (value, next) = quoted(chars, at: 0, line: line, column: column) else { return nil }
            let trailing = Self.text(chars[next...]).trimmedSpaces
            if !trailing.isEmpty { error(line, column + next, "unexpected text '\(trailing)' after the quoted word") }
            return value
        }
        let word = Self.text(chars).trimmedSpaces
        if word.isEmpty {
            error(line, column, "an empty word: write a word or phrase after '-'")
            return nil
        }
        return word
    }

    /// Lines are read as Unicode scalars: much cheaper than Characters, and
    /// the same columns for any line without combining marks or emoji.
    private static func text<Scalars: Sequence>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private func stripComment(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var inQuote: Unicode.Scalar?
        for (i, c) in chars.enumerated() {
            if let q = inQuote { if c == q { inQuote = nil } ; continue }
            // A quote opens a quoted word only at its start: "can't" is a plain word.
            if c == "\"" || c == "'", i == 0 || [" ", "[", ","].contains(chars[i - 1]) { inQuote = c; continue }
            if c == "#", i == 0 || chars[i - 1] == " " { return Array(chars[..<i]) }
        }
        return chars
    }

    /// Checks a finished group and keeps it.
    private mutating func finish(_ phrases: [(String, Int, Int)], line: Int) {
        var seen: [String: Int] = [:]
        var kept: [String] = []
        for (phrase, phraseLine, column) in phrases {
            let words = Tokenizer.words(phrase)
            if words.isEmpty {
                error(phraseLine, column, "'\(phrase)' has no letters or digits, so no search can match it")
                continue
            }
            // Spellings that search reads the same ("x-ray", "x ray") are fine; a true copy is not.
            let key = phrase.lowercased()
            if seen[key] != nil {
                diagnostics.append(.warning(path, phraseLine, column, "'\(phrase)' is already in this group: remove the copy"))
                continue
            }
            seen[key] = phraseLine
            kept.append(phrase)
        }
        if phrases.isEmpty {
            error(line, 1, "an empty group: write its words, like '- [pee, urine]'")
        } else if kept.count == 1 {
            diagnostics.append(.warning(path, line, 1, "the group [\(kept[0])] has one word, so it links nothing: add its synonyms or remove it"))
        }
        if !kept.isEmpty { groups.append(SynonymGroup(phrases: kept, line: line)) }
    }
}
