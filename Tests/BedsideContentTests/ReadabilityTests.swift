import XCTest
@testable import BedsideContent

/// The expected values were worked out by hand, word by word.
final class ReadabilityTests: XCTestCase {
    func testSyllableCounts() {
        let expected: [String: Int] = [
            "cat": 1, "happy": 2, "radiation": 4, "calcium": 3, "biopsy": 3, "people": 2, "movement": 2,
            "safely": 2, "bone": 1, "table": 2, "needed": 2, "jumped": 1, "metastases": 4, "osteoclast": 4,
            "the": 1, "any": 2, "treatment": 2, "doctor": 2, "explain": 2, "ease": 1, "your": 1, "cancer": 2,
            "spine": 1, "usual": 3, "radium-223": 4, "x-ray": 2, "pins": 1, "makes": 1, "nation": 2,
        ]
        for (word, count) in expected {
            XCTAssertEqual(Readability.syllables(in: word), count, word)
        }
    }

    func testShortPlainText() {
        // 2 sentences, 9 words, 10 syllables, no word of 3+ syllables.
        let score = Readability.score(units: ["The cat sat on the mat. It was happy."])
        XCTAssertEqual(score, ReadabilityScore(sentences: 2, words: 9, syllables: 10, polysyllables: 0))
        XCTAssertEqual(score.fleschKincaid, 0.39 * 4.5 + 11.8 * 10 / 9 - 15.59, accuracy: 1e-9) // -0.72
        XCTAssertEqual(score.smog, 3.1291, accuracy: 1e-4)
    }

    func testMedicalText() {
        // Radiation(4) can ease bone pain = 5 words, 8 syllables; Your doctor(2) will explain(2) the treatment(2) = 6 words, 9 syllables.
        let score = Readability.score(units: ["Radiation can ease bone pain. Your doctor will explain the treatment."])
        XCTAssertEqual(score, ReadabilityScore(sentences: 2, words: 11, syllables: 17, polysyllables: 1))
        XCTAssertEqual(score.fleschKincaid, 4.79, accuracy: 0.01)
        XCTAssertEqual(score.smog, 7.17, accuracy: 0.01)
    }

    func testListItemsEndSentencesAndAbbreviationsDoNot() {
        XCTAssertEqual(Readability.sentences(in: "Take it, e.g. with food. Then rest.").count, 2)
        XCTAssertEqual(Readability.sentences(in: "Is it bad? Yes! Call now.").count, 3)
        let doc = MarkdownParser.parse("## Heading words here\n\n- weak legs\n- numb feet\n\n| a | b |\n|---|---|\n| x | y |\n")
        XCTAssertEqual(Readability.proseUnits(of: doc.blocks), ["weak legs", "numb feet"], "headings and tables are not prose")
        XCTAssertEqual(Readability.score(of: doc).sentences, 2)
    }
}
