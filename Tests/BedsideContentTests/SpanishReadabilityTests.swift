import BedsideContent
import XCTest

/// Issue 14 groundwork: Spanish syllables and the two Spanish ease scores.
final class SpanishReadabilityTests: XCTestCase {
    func testSyllablesFollowSpanishRules() {
        let expected: [String: Int] = [
            "hueso": 2, "huesos": 2, "cáncer": 2, "metástasis": 4, "columna": 3, "médula": 3, "espinal": 3,
            "día": 2, "leer": 2, "ahora": 3, "poema": 3, "cuidado": 3, "siente": 2, "baúl": 2, "país": 2,
            "hoy": 1, "muy": 1, "ley": 1, "rey": 1, "yo": 1, "ayuda": 3, "llame": 2, "que": 1, "guerra": 2,
            "pingüino": 3, "emergencia": 4, "calcio": 2, "orina": 3, "fiebre": 2, "911": 1, "enfermera": 4,
            "radiación": 3, "tratamiento": 4, "aéreo": 4,
            "biopsia": 2,  // "biop-sia": by the written rule, i + o is a diphthong
        ]
        for (word, syllables) in expected {
            XCTAssertEqual(SpanishReadability.syllables(of: Substring(word)), syllables, word)
        }
    }

    /// The cross-check against a published reference: the syllabification
    /// examples of the Real Academia Española's Ortografía de la lengua
    /// española (2010), chapter 1 section 2 (la sílaba: diptongos, triptongos,
    /// hiatos, and h between vowels), counted syllable by syllable as printed there.
    func testSyllablesAgreeWithTheRAEOrthographyExamples() {
        let rae: [(String, Int)] = [
            // Diphthongs: an open and a closed unstressed vowel, or two different closed vowels.
            ("causa", 2), ("peine", 2), ("boina", 2), ("deuda", 2), ("viuda", 2), ("cuida", 2), ("ciudad", 2),
            ("agua", 2), ("hueco", 2), ("piano", 2), ("tierra", 2), ("radio", 2), ("antiguo", 3), ("aire", 2),
            ("huevo", 2), ("fui", 1), ("cuidado", 3),
            // Triphthongs.
            ("buey", 1), ("averiguáis", 4), ("Uruguay", 3), ("limpiáis", 2), ("miau", 1), ("guau", 1),
            // Hiatus: two open vowels, or a stressed closed vowel beside an open one.
            ("caer", 2), ("león", 2), ("poeta", 3), ("maíz", 2), ("reír", 2), ("oído", 3), ("baúl", 2), ("río", 2),
            ("caída", 3), ("país", 2), ("reúne", 3), ("leer", 2), ("zoología", 5), ("chiita", 3), ("aéreo", 4),
            // h between vowels changes nothing: hiatus and diphthong both hold across it.
            ("ahí", 2), ("prohíbe", 3), ("búho", 2), ("rehúso", 3), ("vehículo", 4), ("alcohol", 3),
            ("ahumar", 2), ("prohibir", 2),
        ]
        var disagree: [String] = []
        for (word, count) in rae where SpanishReadability.syllables(of: Substring(word)) != count {
            disagree.append("\(word): RAE \(count), bedside \(SpanishReadability.syllables(of: Substring(word)))")
        }
        XCTAssertEqual(disagree, [], "\(rae.count - disagree.count) of \(rae.count) agree")
    }

    func testAnOpeningQuestionMarkStartsASentence() {
        XCTAssertEqual(SpanishReadability.score(units: ["Es algo nuevo. ¿Tiene dolor? ¡Llame al 911 ahora!"]).sentences, 3)
    }

    func testScoresMatchTheFormulas() {
        // 2 sentences, 10 words, 17 syllables.
        let score = SpanishReadability.score(units: ["Llame al 911 ahora.", "Tengo cáncer en los huesos y dolor."])
        XCTAssertEqual(score.sentences, 2)
        XCTAssertEqual(score.words, 11)
        let expectedFH = 206.84 - 60 * Double(score.syllables) / 11 - 1.02 * 11 / 2
        XCTAssertEqual(score.fernandezHuerta, expectedFH, accuracy: 1e-9)
        XCTAssertEqual(score.inflesz, 206.835 - 62.3 * Double(score.syllables) / 11 - 11.0 / 2, accuracy: 1e-9)
        // Short, plain sentences score as easy; a long technical one does not.
        XCTAssertGreaterThan(score.fernandezHuerta, 70)
        let hard = SpanishReadability.score(units: ["La compresión metastásica de la médula espinal constituye una emergencia oncológica que requiere tratamiento inmediato con corticosteroides y radioterapia."])
        XCTAssertLessThan(hard.inflesz, 40)
    }
}
