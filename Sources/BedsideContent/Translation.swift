import Foundation
import Yams

struct TranslationHeader {
    var id: String?
    var title: String?
    var summary: String?
    var alsoCalled: [String]
    var keywords: [String]
    var record: TranslationRecord

    /// Keys a translation may hold; everything else comes from the English file.
    static let fields: Set<String> = ["id", "lang", "translation-of", "title", "summary", "also-called", "keywords",
                                      "translated", "translated-by", "signed-off"]

    /// Reads the shared keys and checks `id` and `lang` against the English file.
    static func read(_ map: Node.Mapping, root: Node, yaml: inout YAMLFields, englishID: String, englishVersion: Int?,
                     language: ContentLanguage, path: String, extra: Set<String> = [], logicKeys: Set<String>) -> TranslationHeader {
        for (key, value) in map {
            guard let name = key.scalar?.string, !fields.contains(name), !extra.contains(name) else { continue }
            if logicKeys.contains(name) {
                yaml.error(key, "'\(name)' comes from the English file and is the same in every language: remove it here (a translation holds only text)")
            } else {
                yaml.error(key, "unknown field '\(name)' in a translation: it may hold \((fields.union(extra)).sorted().joined(separator: ", "))")
            }
            _ = value
        }
        let id = yaml.string(map, "id", in: root, required: true)
        if let id, id != englishID {
            yaml.error(YAMLFields.value(map, "id"), "id '\(id)' differs from the English file's id '\(englishID)': a translation keeps the English id")
        }
        if let lang = yaml.string(map, "lang", in: root, required: true), ContentLanguage.parse(lang) != language {
            yaml.error(YAMLFields.value(map, "lang"), "'lang: \(lang)' does not match the file name (.\(language.rawValue).): write 'lang: \(language.rawValue)'")
        }
        var translationOf: Int?
        let ofNode = YAMLFields.value(map, "translation-of")
        if ofNode != nil {
            translationOf = yaml.int(map, "translation-of")
        } else {
            yaml.warning(root, "missing 'translation-of': write the English file's version this was translated from, so check can tell when it is stale")
        }
        var signedOff: SignOff?
        if let text = yaml.string(map, "signed-off", in: root, required: false) {
            if text.lowercased() == "pending" { signedOff = .pending } else if let date = ReviewDate.parse(text) { signedOff = .signed(date) } else {
                yaml.error(YAMLFields.value(map, "signed-off"), "'signed-off' must be 'pending' or the date of sign-off (YYYY-MM-DD), not '\(text)'")
            }
        }
        let record = TranslationRecord(path: path, translationOf: translationOf, englishVersion: englishVersion,
                                       signedOff: signedOff, line: yaml.location(ofNode ?? root).line)
        return TranslationHeader(id: id, title: yaml.string(map, "title", in: root, required: true),
                                 summary: yaml.string(map, "summary", in: root, required: false),
                                 alsoCalled: yaml.strings(map, "also-called"), keywords: yaml.strings(map, "keywords"),
                                 record: record)
    }
}

/// Puts a translation's text over the English item. The English keeps the
/// logic (flow routes, levels, calls), the order, the sources and the review
/// dates; a translation that cannot be read leaves the English in place, with
/// a diagnostic, so nothing disappears from the library.
enum TranslationOverlay {
    /// Reads `path` if it exists. Nil (and no diagnostic) when there is no translation.
    static func read(_ path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return ContentLoader.readText(path, &diagnostics)
    }

    static func frontMatter(_ text: String, path: String, _ diagnostics: inout [Diagnostic])
        -> (yaml: YAMLFields, root: Node, map: Node.Mapping, split: FrontMatterSplit)? {
        let split: FrontMatterSplit
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(let error):
            diagnostics.append(.error(path, 1, 1, error.message + " (the English text is shown instead)"))
            return nil
        }
        var yaml = YAMLFields(file: path, firstLine: split.yamlFirstLine)
        guard let root = yaml.parse(split.yaml), let map = yaml.mapping(root, what: "the front matter") else {
            diagnostics += yaml.diagnostics
            return nil
        }
        return (yaml, root, map, split)
    }

    /// A translation's front matter, read and checked against its English item.
    struct Opened {
        var yaml: YAMLFields
        let root: Node
        let map: Node.Mapping
        let split: FrontMatterSplit
        let header: TranslationHeader
    }

    /// Splits, parses and reads the shared keys of a translated Markdown file;
    /// nil (with the reason in `diagnostics`) when it has no readable front matter.
    static func open(_ text: String, path: String, englishID: String, englishVersion: Int?, language: ContentLanguage,
                     extra: Set<String> = [], logicKeys: Set<String>, _ diagnostics: inout [Diagnostic]) -> Opened? {
        guard var front = frontMatter(text, path: path, &diagnostics) else { return nil }
        let header = TranslationHeader.read(front.map, root: front.root, yaml: &front.yaml, englishID: englishID,
                                            englishVersion: englishVersion, language: language, path: path,
                                            extra: extra, logicKeys: logicKeys)
        return Opened(yaml: front.yaml, root: front.root, map: front.map, split: front.split, header: header)
    }

    // MARK: Topics

    /// Reads the translation beside `englishPath`, if there is one, and lays it over `english`.
    static func fromFile<Item>(_ english: Item, englishPath: String, language: ContentLanguage,
                                       _ overlay: (Item, ContentLanguage, String, String) -> (Item, [Diagnostic])) -> (Item, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let path = language.translationPath(of: englishPath), let text = read(path, &diagnostics) else {
            return (english, diagnostics)
        }
        let (item, more) = overlay(english, language, text, path)
        return (item, diagnostics + more)
    }

    static func topic(_ english: TopicFile, language: ContentLanguage) -> (TopicFile, [Diagnostic]) {
        fromFile(english, englishPath: english.info.path, language: language) { topic($0, language: $1, text: $2, path: $3) }
    }

    /// The same, on a translation's text (the fuzzer calls it directly).
    static func topic(_ english: TopicFile, language: ContentLanguage, text: String, path: String) -> (TopicFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let opened = open(text, path: path, englishID: english.info.id, englishVersion: english.info.governance.version,
                                language: language, logicKeys: Set(["section", "order", "related", "sources"]).union(Governance.fields),
                                &diagnostics) else { return (english, diagnostics) }
        var yaml = opened.yaml
        let (root, split, header) = (opened.root, opened.split, opened.header)
        if Readability.isBlank(split.body[...]) {
            yaml.error(root, "the translation has no body: write the text after the closing '---'")
        }
        diagnostics += yaml.diagnostics
        // A translation whose own front matter is wrong is still shown when it has a title and a body:
        // its problems are reported, and an id mix-up keeps it off (it would be the wrong topic).
        guard header.id == english.info.id, let title = header.title, !Readability.isBlank(split.body[...]) else {
            diagnostics.append(.warning(path, 1, 1, "this translation is not used until the errors above are fixed: the English text is shown instead"))
            return (english, diagnostics)
        }
        var info = english.info
        info.title = title
        info.summary = header.summary ?? english.info.summary
        info.alsoCalled = header.alsoCalled
        info.keywords = header.keywords
        info.englishPath = english.info.path
        info.path = path
        info.bodyFirstLine = split.bodyFirstLine
        info.language = language
        info.translation = header.record
        return (TopicFile(info: info, body: split.body), diagnostics)
    }
}
