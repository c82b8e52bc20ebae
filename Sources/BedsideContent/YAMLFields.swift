import Foundation
import Yams

/// Reads typed fields out of YAML with Yams' node marks, so every complaint
/// names the line and column of the field that is wrong. Problems are collected
/// rather than thrown: one bad field must not hide the others.
struct YAMLFields {
    let file: String
    /// Added to Yams' 1-based lines: the YAML may start part-way into a file.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    /// The unsafe characters (TerminalSafe) written as they are in the YAML
    /// text. `check` reports those at their exact place; values are checked
    /// for the others, which only an escape such as "\e" or "\u202E" can write.
    private var rawUnsafe: Set<UInt32> = []

    init(file: String, firstLine: Int = 1) {
        self.file = file
        self.lineOffset = firstLine - 1
    }

    /// Parses `yaml`; on a syntax error records where and why, and returns nil.
    mutating func parse(_ yaml: String) -> Node? {
        // Before Yams composes anything: an alias used as a key can make it
        // hash an exponentially large node and never return (see YAMLIndicatorScan).
        rawUnsafe = Set(yaml.unicodeScalars.lazy.filter(TerminalSafe.isUnsafe).map(\.value))
        if let found = YAMLIndicatorScan.firstForbidden(in: yaml) {
            diagnostics.append(.error(file, found.line + lineOffset, found.column, found.message))
            return nil
        }
        do {
            // The basic resolver tags every plain scalar as a string without running
            // regular expressions; bedside converts numbers, booleans and dates itself.
            return try Yams.compose(yaml: yaml, .basic, .default, Self.encoding)
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            let line = (mark?.line ?? 1) + lineOffset
            diagnostics.append(.error(file, line, mark?.column ?? 1, "malformed YAML: \(problem)"))
            return nil
        } catch {
            diagnostics.append(.error(file, lineOffset + 1, 1, "malformed YAML: \(error)"))
            return nil
        }
    }

    static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return (mark, problem + extra)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "the field \(duplicates.joined(separator: ", ")) is given twice")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(line: lineOffset + 1) }
        return SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    mutating func error(_ node: Node?, _ message: String) {
        let at = location(node)
        diagnostics.append(.error(file, at.line, at.column, message))
    }

    mutating func warning(_ node: Node?, _ message: String) {
        let at = location(node)
        diagnostics.append(.warning(file, at.line, at.column, message))
    }

    /// Reports a control or bidi character that an escape put into a value
    /// (`"\e]52;..."`): the terminal would obey it, and no patient text needs it.
    mutating func rejectEscapedControls(_ text: String, _ node: Node?, _ key: String) {
        guard let bad = text.unicodeScalars.first(where: { TerminalSafe.isUnsafe($0) && !rawUnsafe.contains($0.value) }) else { return }
        let kind = TerminalSafe.isBidi(bad) ? "bidi control character" : "control character"
        error(node, "\(kind) \(TerminalSafe.codePoint(bad)) (written as an escape) in '\(key)': remove it")
    }

    /// The node as a mapping, or an error saying what it should have been.
    mutating func mapping(_ node: Node?, what: String) -> Node.Mapping? {
        guard let node else {
            error(nil, "\(what) is empty: expected fields such as 'id: ...'")
            return nil
        }
        guard let mapping = node.mapping else {
            error(node, "\(what) must be a set of 'name: value' fields, not \(Self.kind(node))")
            return nil
        }
        return mapping
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a set of fields"
        case .alias: return "an alias"
        }
    }

    // MARK: - Fields

    /// `map[key]`, faster. Yams' subscript returns the last pair whose key
    /// equals `Node(key)`: same text and same resolved tag, and resolving the
    /// tag of the looked-up key runs a set of regular expressions every time.
    /// A key can only be equal if its text is, so absent keys (most optional
    /// fields) are answered without Yams; present ones still go through it.
    /// For the field names bedside reads, the tag their lookup node resolves
    /// to is worked out once here, and a key's own resolved tag is cheap (Yams
    /// resolved and cached it while checking for duplicate keys), so the scan
    /// compares exactly what Yams compares without its per-lookup cost.
    static func value(_ map: Node.Mapping, _ key: String) -> Node? {
        guard let wanted = fieldTags[key] else {
            guard map.keys.contains(where: { $0.scalar?.string == key }) else { return nil }
            return map[key]
        }
        // The last match wins, as in Yams; scanning forward avoids copying the pairs.
        var found: Node?
        for (candidate, value) in map where candidate.scalar?.string == key && candidate.tag.description == wanted.rawValue {
            found = value
        }
        return found
    }

    /// Every field name any parser looks up, with the tag Yams' default
    /// resolver gives it as an implicit plain scalar (all are strings today).
    static let fieldTags: [String: Tag.Name] = {
        let names = ["id", "title", "summary", "section", "order", "also-called", "keywords", "related", "sources",
                     "reviewed", "url", "organisation", "organization", "term", "definition", "see-also", "topic",
                     "start", "questions", "outcomes", "text", "help", "answers", "red-flag", "go", "level", "call",
                     "actions", "say", "meaning", "language", "sections", "steps",
                     "review-due", "reviewed-by", "signed-off", "version", "search-only", "accessed", "amber",
                     "escalate", "ambers", "say-for-someone", "while-waiting"]
        // The tag is built with the basic resolver explicitly: `Node(name)` would default
        // to Yams' `Resolver.default`, whose first use compiles a dozen ICU regular
        // expressions (about a millisecond and a few hundred kB of code at start-up).
        let implicit = Tag(.implicit, .basic, .default)
        return Dictionary(uniqueKeysWithValues: names.map { ($0, Resolver.basic.resolveTag(of: Node($0, implicit))) })
    }()

    /// Yams reads its default encoding from the environment on every parse;
    /// the environment does not change while bedside runs, so read it once.
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    /// `text.trimmingCharacters(in: set)` without bridging to NSString:
    /// drops the scalars in `set` from both ends; unchanged text is returned as is.
    static func trimmed(_ text: String, _ set: CharacterSet) -> String {
        let scalars = text.unicodeScalars
        var first = scalars.startIndex, last = scalars.endIndex
        while first < last, set.contains(scalars[first]) { scalars.formIndex(after: &first) }
        while last > first, set.contains(scalars[scalars.index(before: last)]) { scalars.formIndex(before: &last) }
        if first == scalars.startIndex && last == scalars.endIndex { return text }
        return String(scalars[first..<last])
    }

    /// A text field. `required` fields report their absence at the mapping's start.
    mutating func string(_ map: Node.Mapping, _ key: String, in owner: Node?, required: Bool) -> String? {
        guard let value = Self.value(map, key) else {
            if required { error(owner, "missing required field '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            error(value, "'\(key)' must be a single line of text, not \(Self.kind(value))")
            return nil
        }
        let text = Self.trimmed(scalar.string, .whitespacesAndNewlines)
        rejectEscapedControls(text, value, key)
        if text.isEmpty {
            if required { error(value, "'\(key)' is empty") }
            return nil
        }
        return text
    }

    /// A list of texts; a single value is accepted as a list of one.
    mutating func strings(_ map: Node.Mapping, _ key: String) -> [String] {
        guard let value = Self.value(map, key) else { return [] }
        if let scalar = value.scalar {
            let text = Self.trimmed(scalar.string, .whitespaces)
            rejectEscapedControls(text, value, key)
            return text.isEmpty ? [] : [text]
        }
        guard let sequence = value.sequence else {
            error(value, "'\(key)' must be a list such as [a, b], not \(Self.kind(value))")
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let text = item.scalar.map({ Self.trimmed($0.string, .whitespaces) }), !text.isEmpty {
                rejectEscapedControls(text, item, key)
                result.append(text)
            } else {
                error(item, "each item of '\(key)' must be plain text")
            }
        }
        return result
    }

    /// Like `strings`, keeping where each item was written.
    mutating func locatedStrings(_ map: Node.Mapping, _ key: String) -> [Located<String>] {
        guard let value = Self.value(map, key) else { return [] }
        if value.scalar != nil {
            return strings(map, key).map { Located($0, location(value)) }
        }
        guard let sequence = value.sequence else {
            _ = strings(map, key)
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.scalar.map({ Self.trimmed($0.string, .whitespaces) }), !text.isEmpty else {
                error(item, "each item of '\(key)' must be plain text")
                return nil
            }
            rejectEscapedControls(text, item, key)
            return Located(text, location(item))
        }
    }

    mutating func int(_ map: Node.Mapping, _ key: String) -> Int? {
        guard let value = Self.value(map, key) else { return nil }
        guard let text = value.scalar?.string, let number = Int(text) else {
            error(value, "'\(key)' must be a whole number")
            return nil
        }
        return number
    }

    mutating func bool(_ map: Node.Mapping, _ key: String) -> Bool {
        guard let value = Self.value(map, key) else { return false }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(value, "'\(key)' must be true or false")
            return false
        }
    }

    /// Warns about fields nobody reads: usually a typo such as 'also_called'.
    mutating func rejectUnknownKeys(_ map: Node.Mapping, allowed: Set<String>, what: String) {
        for key in map.keys {
            guard let name = key.scalar?.string, !allowed.contains(name) else { continue }
            let known = allowed.sorted().joined(separator: ", ")
            warning(key, "unknown field '\(name)' in \(what) (known fields: \(known))")
        }
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable & Equatable>: Equatable, Sendable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Hashable where Value: Hashable {}
