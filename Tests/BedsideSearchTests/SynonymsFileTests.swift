import BedsideContent
import Testing
@testable import BedsideSearch

@Suite struct SynonymsFileTests {
    func parse(_ text: String) -> ([SynonymGroup], [String]) {
        let (groups, diagnostics) = SynonymsFile.parse(text, path: "synonyms.yaml")
        return (groups, diagnostics.map(\.formatted))
    }

    @Test func readsFlowAndBlockGroups() {
        let (groups, problems) = parse("""
            # comment
            groups:
              - [pee, "can't pee", can't wee, 'a, b']   # trailing comment
              - [tumour,
                 tumor]
              - - anaemia
                - anemia
            """)
        #expect(problems.isEmpty)
        #expect(groups.map(\.phrases) == [["pee", "can't pee", "can't wee", "a, b"], ["tumour", "tumor"], ["anaemia", "anemia"]])
        #expect(groups.map(\.line) == [3, 4, 6])
    }

    @Test func reportsMistakesWithLineAndColumn() {
        let (_, problems) = parse("groups:\n  - [pee, urine\n")
        #expect(problems.contains { $0.hasPrefix("synonyms.yaml:2:1: error:") && $0.contains("never closed") })
        let (groups, unclosed) = parse("groups:\n  - [pee, urine\n  - [tumour, tumor]\n")
        #expect(unclosed.map { String($0.prefix(26)) } == ["synonyms.yaml:2:1: error: "])
        #expect(groups.map(\.phrases) == [["tumour", "tumor"]])

        let (_, others) = parse("groups:\n  - pee\n  - [a, , b]\n  - [\"open, c]\nextra: [x]\n\t- [y, z]\n  - [solo]\n")
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:2:5: error:") && $0.contains("list of words in brackets") })
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:3:9: error:") && $0.contains("empty word") })
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:4:6: error:") && $0.contains("not closed") })
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:5:1: error:") && $0.contains("unknown key 'extra'") })
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:6:1: error:") && $0.contains("tab") })
        #expect(others.contains { $0.hasPrefix("synonyms.yaml:7:1: warning:") && $0.contains("one word") })
    }

    @Test func theShippedFileIsClean() {
        let (groups, problems) = SynonymsFile.load(contentRoot: ShippedContent.root)
        #expect(problems.isEmpty, "\(problems.map(\.formatted))")
        #expect(groups.count > 100)
    }
}
