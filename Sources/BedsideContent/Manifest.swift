import Foundation
import Yams

/// A section of the library (`sections.yaml`).
public struct Section: Equatable, Sendable {
    public var id: String
    public var title: String
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// `sections.yaml`: the sections in order, and the language of the content.
public struct Manifest: Equatable, Sendable {
    public var language: String
    public var sections: [Section]
    public init(language: String = "english", sections: [Section] = []) {
        self.language = language
        self.sections = sections
    }

    static func parse(text: String, path: String) -> (Manifest, [Diagnostic]) {
        var yaml = YAMLFields(file: path)
        guard let root = yaml.parse(text), let map = yaml.mapping(root, what: "sections.yaml") else {
            return (Manifest(), yaml.diagnostics)
        }
        yaml.rejectUnknownKeys(map, allowed: ["language", "sections"], what: "sections.yaml")
        let language = yaml.string(map, "language", in: root, required: false) ?? "english"
        var sections: [Section] = []
        var seen: Set<String> = []
        if let list = map["sections"]?.sequence {
            for item in list {
                guard let entry = yaml.mapping(item, what: "a section") else { continue }
                yaml.rejectUnknownKeys(entry, allowed: ["id", "title"], what: "a section")
                guard let id = yaml.string(entry, "id", in: item, required: true),
                      let title = yaml.string(entry, "title", in: item, required: true) else { continue }
                if !seen.insert(id).inserted {
                    yaml.error(entry["id"], "section '\(id)' is listed twice")
                    continue
                }
                sections.append(Section(id: id, title: title))
            }
        } else {
            yaml.error(root, "missing 'sections': a list of sections, each with id and title")
        }
        return (Manifest(language: language, sections: sections), yaml.diagnostics)
    }
}
