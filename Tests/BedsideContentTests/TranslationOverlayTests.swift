import BedsideContent
import Foundation
import XCTest

/// Issue 14: a translation beside its English file supplies only text; the
/// English keeps the logic, sources and order, and `check` says when the two
/// drift apart (file:line), or when the English moved on (stale).
final class TranslationOverlayTests: XCTestCase {
    static let englishBody = """
        Bone pain is common. Read about [high calcium](topic:high-calcium).

        > **Get help now if:** you cannot move your legs. Call {phone:after-hours}.

        ## When to call {#when-to-call}

        | Sign | What to do |
        |---|---|
        | Pain | Call |
        """
    static let spanishBody = """
        El dolor de huesos es común. Lea sobre el [calcio alto](topic:high-calcium).

        > **Busque ayuda ahora si:** no puede mover las piernas. Llame al {phone:after-hours}.

        ## Cuándo llamar {#when-to-call}

        | Señal | Qué hacer |
        |---|---|
        | Dolor | Llame |
        """

    static func spanishTopic(_ id: String = "bone-pain", of version: Int = 1, body: String = spanishBody, extra: String = "") -> String {
        """
        ---
        id: \(id)
        lang: es
        translation-of: \(version)
        title: Dolor de huesos
        summary: Un resumen corto.
        also-called: [me duelen los huesos]
        \(extra)
        ---
        \(body)
        """
    }

    func fixture(_ more: [String: String] = [:]) throws -> Fixture {
        var files = [
            "sections.yaml": Fixture.sections,
            "sections.es.yaml": "sections:\n  - id: symptoms\n    title: Síntomas\n",
            "topics/symptoms/bone-pain.md": Fixture.topic("bone-pain", extra: "related: [high-calcium]", body: Self.englishBody),
            "topics/symptoms/high-calcium.md": Fixture.topic("high-calcium"),
            "topics/symptoms/bone-pain.es.md": Self.spanishTopic(),
            "strings.yaml": "msg-tab-first: \"Press Tab.\"\nlanguage-name: \"English\"\nmsg-no-link-number: \"No link {number}.\"\n",
            "strings.es.yaml": "language-name: \"Español\"\nmsg-no-link-number: \"No hay enlace {number}.\"\n",
        ]
        files.merge(more) { _, new in new }
        return try Fixture(files)
    }

    func testATranslatedTopicShowsSpanishTextWithTheEnglishLogic() throws {
        let f = try fixture()
        let store = ContentLoader.load(root: f.root, language: .es)
        let topic = try XCTUnwrap(store.topic("bone-pain"))
        XCTAssertEqual(store.language, .es)
        XCTAssertEqual(topic.title, "Dolor de huesos")
        XCTAssertEqual(topic.language, .es)
        XCTAssertEqual(topic.alsoCalled, ["me duelen los huesos"])
        XCTAssertEqual(topic.section, "symptoms", "from the English file")
        XCTAssertEqual(topic.related.map(\.value), ["high-calcium"], "from the English file")
        XCTAssertEqual(topic.sources.map(\.title), ["A source"])
        XCTAssertTrue(topic.path.hasSuffix("bone-pain.es.md"), "messages point at the translation")
        XCTAssertTrue(store.body(of: "bone-pain")!.contains("dolor de huesos"))
        XCTAssertEqual(store.manifest.sections.map(\.title), ["Síntomas"])
        XCTAssertEqual(store.manifest.language, "spanish", "search stems in Spanish")
        // Not translated yet: the English is shown, and says so.
        XCTAssertEqual(store.topic("high-calcium")?.language, .en)
        XCTAssertEqual(store.topic("high-calcium")?.title, "Title of high-calcium")
        // Strings: Spanish where translated, English under a missing key.
        XCTAssertEqual(store.strings[.languageName], "Español")
        XCTAssertEqual(store.strings[.msgTabFirst], "Press Tab.")
        // The English library is untouched by the translation beside it.
        let english = ContentLoader.load(root: f.root)
        XCTAssertEqual(english.topic("bone-pain")?.title, "Title of bone-pain")
        XCTAssertEqual(english.topics.count, 2)
    }

    func testAMatchingTranslationIsCleanAndDriftIsReportedWithFileAndLine() throws {
        let f = try fixture()
        let english = ContentLoader.load(root: f.root), spanish = ContentLoader.load(root: f.root, language: .es)
        let clean = TranslationChecks.problems(english: english, translated: spanish)
        XCTAssertEqual(clean.filter { $0.severity == .error }.map(\.formatted), [])
        XCTAssertEqual(clean.map(\.formatted).filter { $0.contains("high-calcium.md") && $0.contains("no es translation") }.count, 1,
                       "the topic not yet translated is named: \(clean.map(\.formatted))")

        // Each kind of drift, one at a time.
        let drifts: [(String, String, String)] = [
            ("{#when-to-call}", "{#cuando-llamar}", "end it with {#when-to-call}"),
            ("(topic:high-calcium)", "(topic:bone-pain)", "the English links to 'topic:high-calcium'"),
            ("**Busque ayuda ahora si:**", "**Consejo:**", "the warning boxes differ"),
            ("{phone:after-hours}", "555-0100", "phone placeholders differ"),
            ("| Dolor | Llame |", "| Dolor | Llame |\n| Fiebre | Llame |", "the tables differ"),
        ]
        for (from, to, message) in drifts {
            let g = try fixture(["topics/symptoms/bone-pain.es.md": Self.spanishTopic(body: Self.spanishBody.replacingOccurrences(of: from, with: to))])
            let found = TranslationChecks.problems(english: ContentLoader.load(root: g.root), translated: ContentLoader.load(root: g.root, language: .es))
                .filter { $0.severity == .error }
            // A changed link is both a missing and an extra target; everything else is one message.
            XCTAssertEqual(found.count, from.hasPrefix("(topic") ? 2 : 1, "\(from) -> \(to): \(found.map(\.formatted))")
            XCTAssertTrue(found.contains { $0.formatted.contains(message) }, "\(from) -> \(to): \(found.map(\.formatted))")
            XCTAssertTrue(found.allSatisfy { $0.file.hasSuffix("bone-pain.es.md") && $0.line > 1 }, "\(found.map(\.formatted))")
        }
    }

    func testATranslationOfAnOlderEnglishVersionIsStale() throws {
        let f = try fixture(["topics/symptoms/bone-pain.md": Fixture.topic("bone-pain", extra: "related: [high-calcium]", body: Self.englishBody,
                                                                           governance: Fixture.governance.replacingOccurrences(of: "version: 1", with: "version: 3"))])
        let spanish = ContentLoader.load(root: f.root, language: .es)
        let record = try XCTUnwrap(spanish.topic("bone-pain")?.translation)
        XCTAssertTrue(record.isStale)
        let stale = TranslationChecks.problems(english: ContentLoader.load(root: f.root), translated: spanish).filter { $0.message.contains("stale") }
        XCTAssertEqual(stale.count, 1)
        XCTAssertEqual(stale.first?.line, 4, "the translation-of line")
        XCTAssertTrue(stale.first?.message.contains("version 1") == true && stale.first?.message.contains("version 3") == true)
    }

    func testATranslationMayNotCarrySourcesOrSectionsOrAnotherId() throws {
        let f = try fixture(["topics/symptoms/bone-pain.es.md": Self.spanishTopic(extra: "section: living\nsources: []")])
        let spanish = ContentLoader.load(root: f.root, language: .es)
        let errors = spanish.diagnostics.filter { $0.severity == .error && $0.file.hasSuffix(".es.md") }
        XCTAssertEqual(Set(errors.map { $0.message.components(separatedBy: "'")[1] }), ["section", "sources"])
        XCTAssertEqual(spanish.topic("bone-pain")?.section, "symptoms")

        let g = try fixture(["topics/symptoms/bone-pain.es.md": Self.spanishTopic("high-calcium")])
        let mixedUp = ContentLoader.load(root: g.root, language: .es)
        XCTAssertEqual(mixedUp.topic("bone-pain")?.language, .en, "a translation of another id is never shown in its place")
        XCTAssertTrue(mixedUp.diagnostics.contains { $0.message.contains("differs from the English file's id") })
    }

    func testAStringsTranslationMustKeepThePlaceholders() throws {
        let f = try fixture(["strings.es.yaml": "msg-no-link-number: \"No hay ese enlace.\"\n"])
        let spanish = ContentLoader.load(root: f.root, language: .es)
        let found = spanish.diagnostics.filter { $0.message.contains("keep the English placeholders") }
        XCTAssertEqual(found.count, 1, spanish.diagnostics.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(found.first?.line, 1)
        XCTAssertTrue(found.first?.message.contains("lacks {number}") == true)
    }

    func testTheLanguageComesFromTheOptionThenTheSiteThenTheLocale() {
        XCTAssertEqual(ContentLanguage.resolve(option: "es", site: "en", environment: ["LANG": "en_US.UTF-8"]), .es)
        XCTAssertEqual(ContentLanguage.resolve(option: nil, site: "es", environment: ["LANG": "en_US.UTF-8"]), .es)
        XCTAssertEqual(ContentLanguage.resolve(option: nil, site: nil, environment: ["LANG": "es_US.UTF-8"]), .es)
        XCTAssertEqual(ContentLanguage.resolve(option: nil, site: nil, environment: ["LC_ALL": "es_MX", "LANG": "en_US"]), .es)
        XCTAssertEqual(ContentLanguage.resolve(option: nil, site: nil, environment: ["LC_ALL": "C", "LANG": "es_US"]), .en,
                       "LC_ALL set to C wins, as gettext reads it")
        XCTAssertEqual(ContentLanguage.resolve(option: nil, site: nil, environment: [:]), .en)
        XCTAssertEqual(ContentLanguage.parse("Español"), .es)
        XCTAssertNil(ContentLanguage.parse("fr"))
        XCTAssertEqual(ContentLanguage.es.translationPath(of: "a/b.c/bone-pain.md"), "a/b.c/bone-pain.es.md")
        XCTAssertNil(ContentLanguage.en.translationPath(of: "x.md"))
    }

    func testTheShippedSpanishLibraryCoversEveryTopicGlossaryTermCheckAndWalkthrough() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let english = ContentLoader.load(root: root), spanish = ContentLoader.load(root: root, language: .es)
        XCTAssertEqual(spanish.topics.map(\.id).sorted(), english.topics.map(\.id).sorted())
        XCTAssertEqual(spanish.topics.filter { $0.language != .es }.map(\.id), [])
        XCTAssertEqual(spanish.walkthroughs.filter { $0.translation == nil }.map(\.id), [])
        let untranslatedTerms = zip(english.glossary, spanish.glossary).filter { $0.0.definition == $0.1.definition }.map(\.0.id)
        XCTAssertEqual(untranslatedTerms, [])
        XCTAssertEqual(TranslationChecks.problems(english: english, translated: spanish).map(\.formatted), [])
        XCTAssertEqual(ContentLoader.languages(root: root), [.en, .es])
    }
}
