import Foundation

/// One content file to read and parse, and what came of it.
enum FileJob {
    case topic(String, ContentLanguage), glossary(String, ContentLanguage)
    case flow(String, ContentLanguage), walkthrough(String, ContentLanguage)
    /// A problem found before any file was read (a topic folder that could not be listed).
    case problem(Diagnostic)

    /// Parses the English file, then lays the language's translation (if any) over it.
    func run() -> FileResult {
        var problems: [Diagnostic] = []
        switch self {
        case .problem(let diagnostic):
            return .topic(nil, [diagnostic])
        case .topic(let path, let language):
            guard let text = ContentLoader.readText(path, &problems) else { return .topic(nil, problems) }
            var (topic, more) = TopicParser.parse(text: text, path: path)
            problems += more
            if topic == nil { problems.append(.warning(path, 1, 1, "skipped this topic: fix the errors reported for this file to show it")) }
            if let english = topic, language != .en {
                let (translated, notes) = TranslationOverlay.topic(english, language: language)
                topic = translated
                problems += notes
            }
            return .topic(topic, problems)
        case .glossary(let path, let language):
            guard let text = ContentLoader.readText(path, &problems) else { return .glossary([], problems) }
            var (terms, more) = GlossaryParser.parse(text: text, path: path)
            problems += more
            if language != .en {
                let (translated, notes) = TranslationOverlay.glossary(terms, englishPath: path, language: language)
                terms = translated
                problems += notes
            }
            return .glossary(terms, problems)
        case .flow(let path, let language):
            let flow = Self.parse(path, language, &problems, FlowParser.parse, TranslationOverlay.flow)
            return .flow(flow, problems)
        case .walkthrough(let path, let language):
            let walkthrough = Self.parse(path, language, &problems, WalkthroughParser.parse, TranslationOverlay.walkthrough)
            return .walkthrough(walkthrough, problems)
        }
    }

    /// Reads and parses the English file, then lays the language's translation over what parsed.
    private static func parse<Item>(_ path: String, _ language: ContentLanguage, _ problems: inout [Diagnostic],
                                    _ parse: (String, String) -> (Item?, [Diagnostic]),
                                    _ translate: (Item, ContentLanguage) -> (Item, [Diagnostic])) -> Item? {
        guard let text = ContentLoader.readText(path, &problems) else { return nil }
        let (item, more) = parse(text, path)
        problems += more
        guard let english = item, language != .en else { return item }
        let (translated, notes) = translate(english, language)
        problems += notes
        return translated
    }
}

/// What a batch of file jobs produced, merged in job order.
struct Parsed {
    var topics: [TopicFile] = []
    var glossary: [GlossaryTerm] = []
    var flows: [Flow] = []
    var walkthroughs: [Walkthrough] = []
    var diagnostics: [Diagnostic] = []

    init<Results: Sequence>(_ results: Results) where Results.Element == FileResult {
        for result in results {
            diagnostics += result.problems
            switch result {
            case .topic(let topic, _): if let topic { topics.append(topic) }
            case .glossary(let terms, _): glossary += terms
            case .flow(let flow, _): if let flow { flows.append(flow) }
            case .walkthrough(let walkthrough, _): if let walkthrough { walkthroughs.append(walkthrough) }
            }
        }
    }

    /// The topics: the pack's when it gave them, else the parsed files'.
    static func topics(_ results: [FileResult], packed: PackedTopics?, manifest: Manifest) -> DeferredContent.Topics {
        if let packed { return DeferredContent.Topics(table: TopicTable(packed: packed), diagnostics: packed.diagnostics) }
        let parsed = Parsed(results)
        return DeferredContent.Topics(table: TopicTable(parsed.topics, manifest: manifest), diagnostics: parsed.diagnostics)
    }

    /// Flows in file order, walkthroughs in their `order`.
    static func later(_ results: [FileResult]) -> DeferredContent.Later {
        let later = Parsed(results)
        let walkthroughs = later.walkthroughs.sorted { ($0.order ?? Int.max, $0.title) < ($1.order ?? Int.max, $1.title) }
        return DeferredContent.Later(flows: later.flows, walkthroughs: walkthroughs, diagnostics: later.diagnostics)
    }
}

enum FileResult {
    case topic(TopicFile?, [Diagnostic]), glossary([GlossaryTerm], [Diagnostic])
    case flow(Flow?, [Diagnostic]), walkthrough(Walkthrough?, [Diagnostic])

    var problems: [Diagnostic] {
        switch self {
        case .topic(_, let p), .glossary(_, let p), .flow(_, let p), .walkthrough(_, let p): return p
        }
    }
}
