import BedsideContent
import Testing
@testable import BedsideSearch

@Suite struct SearchIndexTests {
    func ids(_ index: SearchIndex, _ query: String, limit: Int = 10) -> [String] {
        index.search(query, limit: limit).map(\.id)
    }

    @Test func stemmingMatchesOtherFormsOfAWord() throws {
        let fixture = try SearchFixture(topics: [
            "breaks": (title: "Breaks", body: "A bone that fractures needs care."),
            "other": (title: "Other", body: "Nothing to see here."),
        ])
        #expect(ids(fixture.index(), "fractured ") == ["breaks"])
    }

    @Test func synonymPhrasesAndGroupsMatch() throws {
        let fixture = try SearchFixture(topics: [
            "nerves": (title: "Nerves", body: "You may feel tingling in your hands."),
            "bladder": (title: "Bladder", body: "Trouble to urinate is serious."),
            "other": (title: "Other", body: "Needles are used for injections."),
        ], synonyms: "groups:\n  - [pins and needles, tingling]\n  - [pee, urinate]\n")
        let index = fixture.index()
        #expect(ids(index, "pins and needles ").first == "nerves")
        #expect(ids(index, "cant pee ").first == "bladder")
    }

    @Test func glossaryAlsoCalledAreSynonyms() throws {
        let fixture = try SearchFixture(topics: [
            "drugs": (title: "Bone drugs", body: "Zoledronic acid is given by drip."),
        ], glossary: """
            - id: zoledronic-acid
              term: zoledronic acid
              also-called: [Zometa]
              definition: A bone drug.
            """)
        #expect(Set(ids(fixture.index(), "zometa ")) == ["drugs", "zoledronic-acid"])
    }

    @Test func typosMatchAndCloserTyposRankFirst() throws {
        let fixture = try SearchFixture(topics: [
            "near": (title: "Near", body: "The qwertyuiopa and a zebra."),
            "far": (title: "Far", body: "The qwertyuxxpb lives here."),
            "other": (title: "Other", body: "Nothing to see here."),
        ])
        let index = fixture.index()
        // 11 letters: up to 2 edits; "qwertyuiopb" is 1 from the first word, 2 from the second.
        #expect(ids(index, "qwertyuiopb ") == ["near", "far"])
        // 4-7 letters: 1 edit ("zebar" swaps two letters of "zebra").
        #expect(ids(index, "zebar ") == ["near"])
        #expect(ids(index, "zbear ").isEmpty)  // two edits is too many for 5 letters
        // 3 letters: no typo allowance.
        #expect(ids(index, "zbr ").isEmpty)
        #expect(index.suggestion(for: "the zebar here") == "the zebra here")
        #expect(index.suggestion(for: "zebra") == nil)
    }

    @Test func exactMatchesRankAboveFuzzyOnes() throws {
        let fixture = try SearchFixture(topics: [
            "fuzzy": (title: "Fuzzy", body: "The spinal cord carries nerves. Spinal cord spinal cord."),
            "exact": (title: "Exact", body: "A spinal cored sample."),
        ])
        // "cored" is known, so it is matched exactly and never as a typo of "cord".
        #expect(ids(fixture.index(), "cored ") == ["exact"])
    }

    @Test func theLastWordMatchesAsAPrefix() throws {
        let fixture = try SearchFixture(topics: [
            "mets": (title: "Spread", body: "Bone metastases are common."),
            "other": (title: "Other", body: "A bone scan shows bones."),
        ])
        let index = fixture.index()
        #expect(ids(index, "metast") == ["mets"])
        #expect(ids(index, "metast ").isEmpty)  // a finished word is no longer a prefix
        // The exact word outranks its completions.
        let fixture2 = try SearchFixture(topics: [
            "scan": (title: "Scan", body: "A scan."),
            "scanner": (title: "Scanner", body: "A scanner."),
        ])
        #expect(ids(fixture2.index(), "scan").first == "scan")
    }

    @Test func questionPhrasingNeverEmptiesResults() throws {
        let fixture = try SearchFixture(topics: [
            "exercise": (title: "Exercise", body: "Gentle exercise helps. What is safe?"),
            "other": (title: "Other", body: "Nothing to see here."),
        ])
        let index = fixture.index()
        #expect(ids(index, "can I exercise").first == "exercise")
        #expect(!ids(index, "what is").isEmpty)
        #expect(!ids(index, "what is ").isEmpty)
    }

    @Test func edgeQueriesAnswerSensibly() {
        let index = ShippedContent.index
        #expect(index.search("").isEmpty)
        #expect(index.search("   \n\t ").isEmpty)
        #expect(index.search("!!! ??? ...").isEmpty)
        #expect(index.search("🙂🦴💊").isEmpty)
        #expect(index.search("bone", limit: 0).isEmpty)
        let long = String(repeating: "bone pain ", count: 1_100)
        #expect(long.utf8.count > 10_000)
        #expect(!index.search(long).isEmpty)
        let junk = String(repeating: "x", count: 10_000)
        #expect(index.search(junk).isEmpty)
        #expect(index.search("bone", limit: 3).count == 3)
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let fixture = try SearchFixture(topics: [
            "calcium": (title: "Calcium", body: "Unrelated first line.\n\nHigh calcium can make you thirsty. Drink water."),
        ])
        let result = try #require(fixture.index().search("thirst calcium ").first)
        #expect(result.snippet.text == "High calcium can make you thirsty.")
        let characters = Array(result.snippet.text)
        let marked = result.snippet.highlights.map { String(characters[$0]) }
        #expect(marked == ["calcium", "thirsty"])
    }

    @Test func resultsCarryKindTitleAndScoreBestFirst() throws {
        let results = ShippedContent.index.search("zometa", limit: 5)
        #expect(results.count == 5)
        #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(results.contains { $0.kind == .glossary && $0.id == "bisphosphonate" })
        #expect(results.allSatisfy { !$0.title.isEmpty && $0.score > 0 && !$0.snippet.text.isEmpty })
    }

    @Test(arguments: [
        ("cant pee", ["bladder-and-bowel-changes", "bladder-bowel-changes", "urinary-retention"]),
        ("so thirsty", ["high-calcium", "hypercalcemia"]),
        ("broke my hip", ["pathologic-fracture", "possible-fracture"]),
        ("numb legs", ["numbness-weakness", "spinal-cord-compression"]),
        ("metastasys", ["what-are-bone-metastases", "metastasis", "bone-metastasis"]),
        ("xgeva", ["denosumab", "bone-strengthening-drugs"]),
        ("what is a bone scan", ["bone-scan"]),
        ("anaemia", ["anemia-and-low-blood-counts", "anemia"]),
    ])
    func shippedContentAnswersLayQueries(query: String, wanted: [String]) {
        let top = ids(ShippedContent.index, query, limit: 3)
        #expect(top.contains { wanted.contains($0) }, "\(query) -> \(top)")
    }

    @Test func numbLegsAlsoOffersTheSpinalCordFlow() {
        let results = ShippedContent.index.search("numb legs", limit: 5)
        #expect(results.contains { $0.kind == .flow && $0.id == "numbness-weakness" })
    }
}
