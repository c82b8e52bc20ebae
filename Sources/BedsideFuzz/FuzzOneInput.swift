import BedsideContent
import Foundation

/// Runs one input through every content parser the loader uses, the way the
/// loader would: UTF-8 check, front-matter split, topic, Markdown, flow,
/// glossary, walkthrough and sections parsers, then validation of whatever
/// loaded (links, reading level, flow structure). Shared by the libFuzzer
/// entry point and the replay tool, so a crash replays in a normal build.
enum FuzzOneInput {
    /// A fixed date so validation never depends on the clock.
    static let today = ReviewDate(year: 2026, month: 11, day: 30)

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        var problems: [Diagnostic] = []
        // Invalid UTF-8 is rejected by the loader; still feed a repaired copy
        // to the parsers so the fuzzer's mutations are not wasted.
        let text = ContentLoader.decodeUTF8(data, path: "fuzz.md", &problems) ?? String(decoding: data, as: UTF8.self)
        run(text)
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
        _ = ContentParsing.glossary(text)
        let (walkthrough, _) = ContentParsing.walkthrough(text, path: "walkthroughs/fuzz.md")
        let (flow, _) = ContentParsing.flow(text, path: "flows/fuzz.md")
        let (topic, _) = ContentParsing.topic(text, path: "topics/general/fuzz.md")
        let store = ContentStore(root: "fuzz", manifest: Manifest(sections: [Section(id: "general", title: "General")]),
                                 topics: topic.map { [$0] } ?? [], flows: flow.map { [$0] } ?? [],
                                 walkthroughs: walkthrough.map { [$0] } ?? [])
        _ = Validator(today: today).check(store)
    }
}
