/// The content parsers, reachable on one string each, for the fuzzer
/// (bedside-fuzz) and for tools that check a single file. Each entry point is
/// exactly what `ContentLoader` runs on a file's text, so a crash found here is
/// a crash the loader would hit on a real file.
public enum ContentParsing {
    /// Splits YAML front matter from the Markdown body.
    public static func frontMatter(_ text: String) -> Result<FrontMatterSplit, FrontMatterError> {
        FrontMatter.split(text)
    }

    /// A topic file: front matter, required fields, body (kept as text).
    public static func topic(_ text: String, path: String = "topic.md") -> (TopicFile?, [Diagnostic]) {
        TopicParser.parse(text: text, path: path)
    }

    /// A symptom flow file: front matter with questions and outcomes, intro body.
    public static func flow(_ text: String, path: String = "flow.md") -> (Flow?, [Diagnostic]) {
        FlowParser.parse(text: text, path: path)
    }

    /// A glossary file: a YAML list of terms.
    public static func glossary(_ text: String, path: String = "glossary.yaml") -> ([GlossaryTerm], [Diagnostic]) {
        GlossaryParser.parse(text: text, path: path)
    }

    /// A walkthrough file: front matter with steps.
    public static func walkthrough(_ text: String, path: String = "walkthrough.md") -> (Walkthrough?, [Diagnostic]) {
        WalkthroughParser.parse(text: text, path: path)
    }

    /// `sections.yaml`.
    public static func manifest(_ text: String, path: String = "sections.yaml") -> (Manifest, [Diagnostic]) {
        Manifest.parse(text: text, path: path)
    }

    /// A Markdown body into the document model.
    public static func markdown(_ text: String, firstLine: Int = 1) -> Document {
        MarkdownParser.parse(text, firstLine: firstLine)
    }

    /// A translation's text laid over English items, as the loader does for a
    /// language's files (for the fuzzer: a hostile translation must never crash).
    public static func translatedTopic(_ english: TopicFile, _ text: String) -> (TopicFile, [Diagnostic]) {
        TranslationOverlay.topic(english, language: .es, text: text, path: "topic.es.md")
    }
    public static func translatedFlow(_ english: Flow, _ text: String) -> (Flow, [Diagnostic]) {
        TranslationOverlay.flow(english, language: .es, text: text, path: "flow.es.md")
    }
    public static func translatedWalkthrough(_ english: Walkthrough, _ text: String) -> (Walkthrough, [Diagnostic]) {
        TranslationOverlay.walkthrough(english, language: .es, text: text, path: "walkthrough.es.md")
    }
    public static func translatedGlossary(_ english: [GlossaryTerm], _ text: String) -> ([GlossaryTerm], [Diagnostic]) {
        TranslationOverlay.glossary(english, englishPath: "glossary.yaml", text: text, path: "glossary.es.yaml")
    }
}
