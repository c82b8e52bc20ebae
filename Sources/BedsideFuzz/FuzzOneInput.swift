import BedsideContent
import BedsidePack
import BedsideUI
import Foundation

/// Runs one input through every content parser the loader uses, the way the
/// loader would: UTF-8 check, front-matter split, topic, Markdown, flow,
/// glossary, walkthrough and sections parsers, then validation of whatever
/// loaded (links, reading level, flow structure). Shared by the libFuzzer
/// entry point and the replay tool, so a crash replays in a normal build.
enum FuzzOneInput {
    /// A fixed date so validation never depends on the clock.
    static let today = ReviewDate(year: 2026, month: 11, day: 30)

    /// Which target runs: `content` (every parser, the default), `yaml` (the
    /// YAML paths: front matter, glossary, sections, site config, with
    /// anchors and aliases in the seeds) or `nesting` (the input becomes
    /// deeply nested Markdown, parsed and laid out). Set by BEDSIDE_FUZZ_TARGET.
    /// `translation`: the input is a translation laid over fixed English
    /// items (a topic, a symptom check, a walkthrough, a glossary), as the
    /// loader does for `*.es.*` files: it must never crash or change a route.
    /// `pack`: the input is a content pack file: opened, its topics and
    /// bodies read, its index opened over them and searched. A damaged pack
    /// must be rejected with a message, never crash or read out of bounds.
    enum Target: String { case content, yaml, nesting, translation, pack }
    static let target = Target(rawValue: ProcessInfo.processInfo.environment["BEDSIDE_FUZZ_TARGET"] ?? "") ?? .content

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        var problems: [Diagnostic] = []
        // Invalid UTF-8 is rejected by the loader; still feed a repaired copy
        // to the parsers so the fuzzer's mutations are not wasted.
        let text = ContentLoader.decodeUTF8(data, path: "fuzz.md", &problems) ?? String(decoding: data, as: UTF8.self)
        switch target {
        case .content: run(text)
        case .yaml: runYAML(text)
        case .nesting: runNesting(Array(data))
        case .translation: runTranslation(text)
        case .pack: runPack(Array(data))
        }
    }

    /// Every YAML reader on the same text, bare and as front matter.
    static func runYAML(_ text: String) {
        _ = ContentParsing.glossary(text)
        _ = ContentParsing.manifest(text)
        _ = SiteConfig.parse(text: text, path: "site.yaml")
        let wrapped = "---\n" + text + "\n---\nBody.\n"
        _ = ContentParsing.topic(wrapped)
        _ = ContentParsing.flow(wrapped)
        _ = ContentParsing.walkthrough(wrapped)
    }

    /// Builds nesting the fuzzer could not reach by mutation alone: the first
    /// two bytes give a depth (up to 20,000), the next bytes pick each level's
    /// marker (list, quote, numbered list, indent), the rest is the text.
    static func runNesting(_ bytes: [UInt8]) {
        guard bytes.count >= 3 else { return }
        let depth = min(20_000, Int(bytes[0]) << 8 | Int(bytes[1]))
        let markers = ["- ", "> ", "1. ", "* ", "    ", ">- "]
        let picks = Array(bytes[2..<min(bytes.count, 34)])
        var text = ""
        text.reserveCapacity(depth * 3 + bytes.count)
        for level in 0..<depth { text += markers[Int(picks[level % picks.count]) % markers.count] }
        text += String(decoding: bytes.dropFirst(min(bytes.count, 34)), as: UTF8.self) + " word\n"
        let document = ContentParsing.markdown(text)
        _ = Readability.score(of: document)
        _ = DocumentLayouter.layout(document, options: LayoutOptions(width: 80))
        _ = DocumentLayouter.layout(document, options: LayoutOptions(width: 20, unicode: false))
    }

    /// English items with every kind of text a translation can replace.
    static let english: (topic: TopicFile, flow: Flow, walkthrough: Walkthrough, glossary: [GlossaryTerm]) = {
        let governance = "reviewed: 2026-11-30\nreview-due: 2027-11-30\nreviewed-by: nurse\nsigned-off: pending\nversion: 2\n"
        let topic = ContentParsing.topic("""
            ---
            id: bone-pain
            title: Bone pain
            summary: A summary.
            section: general
            sources:
              - title: A source
                organisation: An organisation
            \(governance)---
            Text with a [link](topic:bone-pain) and {phone:after-hours}.

            > **Get help now if:** you cannot move.

            ## When to call {#when-to-call}

            | a | b |
            |---|---|
            | 1 | 2 |
            """, path: "topics/general/bone-pain.md").0!
        let flow = ContentParsing.flow("""
            ---
            id: check
            title: A check
            \(governance)start: first
            questions:
              - id: first
                text: "First?"
                help: "Help."
                answers:
                  - id: "yes"
                    text: "Yes"
                    red-flag: true
                    go: now
                  - id: "no"
                    text: "No"
                    go: later
            outcomes:
              - id: now
                level: emergency
                title: "Now"
                actions: ["Call 911 now."]
                call: [emergency]
                say: "Say this."
                meaning: "It may mean this."
                while-waiting: "Unlock the door."
              - id: later
                level: routine
                title: "Later"
                actions: ["Mention it."]
                call: [care-team]
                meaning: "It may mean that."
            ---
            An intro.
            """, path: "flows/check.md").0!
        let walkthrough = ContentParsing.walkthrough("""
            ---
            id: walk
            title: A walk
            summary: A summary.
            \(governance)steps:
              - topic: bone-pain
                section: when-to-call
                prompts: ["What would you do?"]
                nurse-note: "A note."
              - flow: check
                prompts: ["Try it."]
            ---
            """, path: "walkthroughs/walk.md").0!
        let glossary = ContentParsing.glossary("""
            - id: anemia
              term: anemia
              also-called: [low blood count]
              definition: Too few red blood cells.
            - id: biopsy
              term: biopsy
              definition: Taking a small piece of tissue.
            """).0
        return (topic, flow, walkthrough, glossary)
    }()

    /// The input as each kind of translation; a symptom check's logic must come out unchanged.
    static func runTranslation(_ text: String) {
        let (topic, flow, walkthrough, glossary) = english
        let (translatedTopic, _) = ContentParsing.translatedTopic(topic, text)
        _ = ContentParsing.markdown(translatedTopic.body, firstLine: translatedTopic.info.bodyFirstLine)
        let (translatedFlow, _) = ContentParsing.translatedFlow(flow, text)
        // Whatever the text says, every route, red flag and level is the English one.
        precondition(translatedFlow.questions.map { $0.answers.map(\.next) } == flow.questions.map { $0.answers.map(\.next) })
        precondition(translatedFlow.questions.map { $0.answers.map(\.redFlag) } == flow.questions.map { $0.answers.map(\.redFlag) })
        precondition(translatedFlow.outcomes.map(\.level) == flow.outcomes.map(\.level))
        precondition(translatedFlow.outcomes.map(\.call) == flow.outcomes.map(\.call))
        precondition(translatedFlow.start == flow.start)
        _ = DocumentLayouter.layout(translatedFlow.intro, options: LayoutOptions(width: 40))
        let (translatedWalkthrough, _) = ContentParsing.translatedWalkthrough(walkthrough, text)
        precondition(translatedWalkthrough.steps.map(\.target) == walkthrough.steps.map(\.target))
        _ = ContentParsing.translatedGlossary(glossary, text)
        _ = ContentParsing.translatedGlossary(glossary, text.split(separator: "\n---\n").first.map(String.init) ?? text)
    }

    static func run(_ text: String) {
        var firstLine = 1
        var body = text
        if case .success(let split) = ContentParsing.frontMatter(text) {
            body = split.body
            firstLine = split.bodyFirstLine
            _ = ContentParsing.glossary(split.yaml)
            _ = ContentParsing.manifest(split.yaml)
        }
        _ = ContentParsing.markdown(text)
        let document = ContentParsing.markdown(body, firstLine: firstLine)
        _ = Readability.score(of: document)
        _ = DocumentLayouter.layout(document, options: LayoutOptions(width: 60))
        _ = ContentParsing.glossary(text)
        let (walkthrough, _) = ContentParsing.walkthrough(text, path: "walkthroughs/fuzz.md")
        let (flow, _) = ContentParsing.flow(text, path: "flows/fuzz.md")
        let (topic, _) = ContentParsing.topic(text, path: "topics/general/fuzz.md")
        let store = ContentStore(root: "fuzz", manifest: Manifest(sections: [Section(id: "general", title: "General")]),
                                 topics: topic.map { [$0] } ?? [], flows: flow.map { [$0] } ?? [],
                                 walkthroughs: walkthrough.map { [$0] } ?? [])
        _ = Validator(today: today).check(store)
    }

    /// Opens the bytes as a pack and uses everything in it, as a session would.
    static func runPack(_ bytes: [UInt8]) {
        guard let pack = try? ContentPack.open(bytes: bytes, verifyingChecksums: false) else { return }
        for language in pack.languages {
            guard let topics = try? pack.topics(language, root: "/nonexistent-fuzz-root") else { continue }
            for i in topics.heads.indices { _ = topics.info(i); _ = topics.body(i) }
            let store = ContentLoader.load(root: "/nonexistent-fuzz-root", language: language, packed: { topics })
            guard let index = try? pack.searchIndex(language, store: store) else { continue }
            for query in ["bone pain", "bon", "thirsty", "pai", "very thirsty", "scann"] {
                _ = index.search(query, limit: 20)
                _ = index.suggestion(for: query)
            }
        }
    }
}
