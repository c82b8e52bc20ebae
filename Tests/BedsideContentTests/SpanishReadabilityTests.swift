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
