import Foundation

/// Every sentence bedside shows around the content (screens, the CLI, care
/// cards, the summary), read from the content's `strings.yaml` so a clinic can
/// reword it and a second language is one more file, not a code change.
///
/// An entry is one line of text, a plural (`one:` / `other:`), or a list (month
/// names). `{name}` in a text is filled by the caller. A key the file lacks
/// falls back to the built-in English copy of the shipped file
/// (`BuiltInCatalogue`), so a damaged catalogue never leaves a patient with a
/// blank emergency headline; `bedside check` reports the gap.
public struct Catalogue: Equatable, Sendable {
    public enum Entry: Equatable, Sendable {
        case text(String)
        case plural(one: String, other: String)
        case list([String])
    }

    public var entries: [String: Entry]
    /// Where each key sits in the file, for `check`.
    public var lines: [String: Int]
    /// The file the entries came from ("" for one built in code or a test).
    public var path: String

    public init(_ entries: [String: Entry] = [:], lines: [String: Int] = [:], path: String = "") {
        self.entries = entries
        self.lines = lines
        self.path = path
    }

    /// A catalogue of plain texts (tests and small fixtures).
    public init(texts: [String: String]) {
        self.init(texts.mapValues { .text($0) })
    }

    /// The entry for `key`: this catalogue's, else the built-in English one.
    public func entry(_ key: TextKey) -> Entry? {
        entries[key.rawValue] ?? BuiltInCatalogue.shared.entries[key.rawValue]
    }

    /// The text for `key` with each `{name}` replaced from `values`. A plural
    /// gives its `other` form, a list its items joined by ", ".
    public func text(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        let template: String
        switch entry(key) {
        case .text(let text)?: template = text
        case .plural(_, let other)?: template = other
        case .list(let items)?: template = items.joined(separator: ", ")
        case nil: template = key.rawValue
        }
        return Self.fill(template, values)
    }

    public subscript(_ key: TextKey) -> String { text(key) }

    /// The form of a plural for `count` ("1 try left", "3 tries left"), with
    /// `{count}` and the other `{name}`s filled. English and Spanish both use
    /// `one` for exactly 1.
    public func plural(_ key: TextKey, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        switch entry(key) {
        case .plural(let one, let other)?: return Self.fill(count == 1 ? one : other, values)
        default: return text(key, values)
        }
    }

    public func list(_ key: TextKey) -> [String] {
        switch entry(key) {
        case .list(let items)?: items
        case .text(let text)?: [text]
        case .plural(let one, let other)?: [one, other]
        case nil: []
        }
    }

    /// A calendar date in the catalogue's order and month names
    /// ("December 6, 2026"; "6 de diciembre de 2026").
    public func date(year: Int, month: Int, day: Int) -> String {
        let months = list(.dateMonths)
        let name = months.indices.contains(month - 1) ? months[month - 1] : String(month)
        return text(.dateFormat, ["year": String(year), "month": name, "day": String(day)])
    }

    /// A clock time in the catalogue's form ("2:05 p.m.").
    public func time(hour: Int, minute: Int) -> String {
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let minutes = minute < 10 ? "0\(minute)" : String(minute)
        return text(.timeFormat, ["hour": String(hour), "hour12": String(hour12), "minute": minutes,
                                  "ampm": hour < 12 ? text(.timeAm) : text(.timePm)])
    }

    /// Each `{name}` of `template` that `values` has, replaced by its value,
    /// in one pass: a value is never read again for placeholders (so the
    /// result never depends on the order of a dictionary), and an unknown
    /// `{word}` stays as written. Native bytes, not Foundation's
    /// replacingOccurrences, which cost a twentieth of the kiosk monkey's time.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        let bytes = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(decoding: bytes[(i + 1)..<close], as: UTF8.self)] {
                out.append(contentsOf: value.utf8)
                i = close + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// This catalogue with `translation`'s entries over it: a key the
    /// translation lacks keeps this catalogue's (English) text.
    public func overlaid(by translation: Catalogue) -> Catalogue {
        var merged = self
        merged.entries.merge(translation.entries) { _, new in new }
        return merged
    }

    /// The `{placeholders}` of each text this catalogue shares with `english`
    /// must be the same: a translation that drops `{count}` or `{emergency}`
    /// would lose a number or a phone number from the screen.
    public func placeholderProblems(comparedWith english: Catalogue) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (key, entry) in entries.sorted(by: { (lines[$0.key] ?? 0) < (lines[$1.key] ?? 0) }) {
            guard let original = english.entries[key] else { continue }
            let want = Self.placeholders(original), have = Self.placeholders(entry)
            if want != have {
                let missing = want.subtracting(have).sorted(), extra = have.subtracting(want).sorted()
                var parts: [String] = []
                if !missing.isEmpty { parts.append("lacks " + missing.map { "{\($0)}" }.joined(separator: ", ")) }
                if !extra.isEmpty { parts.append("has " + extra.map { "{\($0)}" }.joined(separator: ", ") + " that the English does not") }
                out.append(.error(path, lines[key] ?? 1, 1, "'\(key)' \(parts.joined(separator: " and ")): keep the English placeholders"))
            }
        }
        return out
    }

    static func placeholders(_ entry: Entry) -> Set<String> {
        let texts: [String] = switch entry {
        case .text(let text): [text]
        case .plural(let one, let other): [one, other]
        case .list(let items): items
        }
        var names: Set<String> = []
        for text in texts {
            var rest = text[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = rest[rest.index(after: open)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) { names.insert(String(name)) }
                rest = rest[rest.index(after: close)...]
            }
        }
        // "{count}" may be left out of a "one" form ("un intento"), so plurals compare their union.
        return names
    }

    /// Keys the program uses that this file does not define (each then shows
    /// the built-in English), and keys it defines that nothing uses.
    public func problems() -> [Diagnostic] {
        let known = Set(TextKey.allCases.map(\.rawValue))
        var out: [Diagnostic] = []
        let end = (lines.values.max() ?? 0) + 1
        for key in TextKey.allCases where entries[key.rawValue] == nil {
            out.append(.warning(path, end, 1, "missing key '\(key.rawValue)': add it to this file (until then the built-in English text is shown)"))
        }
        for (key, line) in lines.sorted(by: { $0.value < $1.value }) where !known.contains(key) {
            out.append(.warning(path, line, 1, "unused key '\(key)': bedside never shows it (a typo, or left over from an older version)"))
        }
        for key in TextKey.allCases {
            guard let entry = entries[key.rawValue], let want = key.shape, Self.shape(of: entry) != want else { continue }
            out.append(.error(path, lines[key.rawValue] ?? end, 1, "'\(key.rawValue)' must be \(want.description)"))
        }
        return out
    }

    enum Shape: Equatable {
        case plural, list
        var description: String {
            switch self {
            case .plural: "a plural: a mapping with 'one:' and 'other:'"
            case .list: "a list of texts"
            }
        }
    }

    static func shape(of entry: Entry) -> Shape? {
        switch entry {
        case .text: nil
        case .plural: .plural
        case .list: .list
        }
    }

    /// Reads `strings.yaml`. A bad entry is reported with its line and skipped;
    /// the rest still load.
    static func parse(text: String, path: String) -> (Catalogue, [Diagnostic]) {
        var yaml = YAMLFields(file: path)
        guard let root = yaml.parse(text), let map = yaml.mapping(root, what: "strings.yaml") else {
            return (Catalogue(path: path), yaml.diagnostics)
        }
        var entries: [String: Entry] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string else { continue }
            lines[name] = yaml.location(key).line
            if let text = value.scalar?.string {
                yaml.rejectEscapedControls(text, value, name)
                entries[name] = .text(text)
            } else if let forms = value.mapping {
                let one = YAMLFields.value(forms, "one")?.scalar?.string
                let other = YAMLFields.value(forms, "other")?.scalar?.string
                guard let one, let other else {
                    yaml.error(value, "'\(name)' is a plural: it needs 'one:' and 'other:', each a line of text")
                    continue
                }
                yaml.rejectEscapedControls(one + other, value, name)
                entries[name] = .plural(one: one, other: other)
            } else if let items = value.sequence {
                let texts = items.compactMap { $0.scalar?.string }
                guard texts.count == items.count else {
                    yaml.error(value, "'\(name)' is a list: each item must be a line of text")
                    continue
                }
                yaml.rejectEscapedControls(texts.joined(), value, name)
                entries[name] = .list(texts)
            } else {
                yaml.error(value, "'\(name)' must be a line of text, a plural (one:/other:) or a list")
            }
        }
        return (Catalogue(entries, lines: lines, path: path), yaml.diagnostics)
    }
}

/// The English catalogue compiled into the program: a copy of the shipped
/// `Content/strings.yaml` (`make strings` refreshes it; a test fails when it
/// is stale). It is read only when a content folder lacks a key.
enum BuiltInCatalogue {
    static let shared: Catalogue = Catalogue.parse(text: BuiltInCatalogueText.yaml, path: "(built in)").0
}
