import Foundation
import Yams

/// One explained medical word.
public struct GlossaryTerm: Equatable, Sendable {
    public var id: String
    public var term: String
    /// Other names shown to the reader ("Also called: ...").
    public var alsoCalled: [String]
    /// Misspellings and other-country spellings: search finds the term by
    /// them, but they are never shown, so a reader never sees "aneamia".
    public var searchOnly: [String]
    public var definition: String
    public var seeAlso: [Located<String>]
    public var path: String
    public var location: SourceLocation

    public init(id: String, term: String, alsoCalled: [String] = [], searchOnly: [String] = [], definition: String,
                seeAlso: [Located<String>] = [], path: String = "", location: SourceLocation = SourceLocation(line: 1)) {
        self.id = id
        self.term = term
        self.alsoCalled = alsoCalled
        self.searchOnly = searchOnly
        self.definition = definition
        self.seeAlso = seeAlso
        self.path = path
        self.location = location
    }

    /// Every way the term can be written: the term and its also-called words.
    public var spellings: [String] { [term] + alsoCalled }
    /// Every way search should find the term, shown or not.
    public var searchSpellings: [String] { spellings + searchOnly }
}

enum GlossaryParser {
    static let fields: Set<String> = ["id", "term", "also-called", "search-only", "definition", "see-also"]
    /// The plain-language limit from the content rules ("at most about 30 words").
    static let maxDefinitionWords = 30

    /// Parses one glossary file: a YAML list of terms. A broken term is
    /// reported and skipped; the rest still load.
    static func parse(text: String, path: String) -> ([GlossaryTerm], [Diagnostic]) {
        var yaml = YAMLFields(file: path)
        guard let root = yaml.parse(text) else { return ([], yaml.diagnostics) }
        guard let list = root.sequence else {
            yaml.error(root, "a glossary file must be a list of terms, each starting with '- id: ...'")
            return ([], yaml.diagnostics)
        }
        var terms: [GlossaryTerm] = []
        for item in list {
            guard let map = yaml.mapping(item, what: "a glossary term") else { continue }
            yaml.rejectUnknownKeys(map, allowed: fields, what: "a glossary term")
            let id = yaml.string(map, "id", in: item, required: true)
            let term = yaml.string(map, "term", in: item, required: true)
            let definition = yaml.string(map, "definition", in: item, required: true)
            let alsoCalled = yaml.strings(map, "also-called")
            let searchOnly = yaml.strings(map, "search-only")
            let seeAlso = yaml.locatedStrings(map, "see-also")
            if let id, !Identifier.isKebabCase(id) {
                yaml.error(map["id"], "glossary id '\(id)' must be kebab-case (e.g. spinal-cord)")
            }
            if let definition {
                let words = definition.split(whereSeparator: { $0.isWhitespace }).count
                if words > maxDefinitionWords {
                    yaml.error(map["definition"], "the definition of '\(term ?? id ?? "?")' has \(words) words: keep it to \(maxDefinitionWords) or fewer")
                }
            }
            guard let id, let term, let definition else { continue }
            terms.append(GlossaryTerm(id: id, term: term, alsoCalled: alsoCalled, searchOnly: searchOnly, definition: definition,
                                      seeAlso: seeAlso, path: path, location: yaml.location(item)))
        }
        return (terms, yaml.diagnostics)
    }
}
