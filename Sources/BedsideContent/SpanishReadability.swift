/// Reading ease of Spanish prose (issue 14): the English grade formulas do not
/// apply to Spanish, whose words are longer in syllables at the same ease.
///
/// - Fernández-Huerta (as corrected by Law, 2011): 206.84 − 60 × syllables/words
///   − 1.02 × words/sentences. 70 and above is "fairly easy" or easier.
/// - INFLESZ, on Szigriszt-Pazos' perspicuity: 206.835 − 62.3 × syllables/words
///   − words/sentences. 65 and above is "fairly easy" (bastante fácil) or easier.
public struct SpanishReadabilityScore: Equatable, Sendable {
    public var sentences: Int
    public var words: Int
    public var syllables: Int

    public var fernandezHuerta: Double {
        guard sentences > 0, words > 0 else { return 0 }
        return 206.84 - 60 * Double(syllables) / Double(words) - 1.02 * Double(words) / Double(sentences)
    }

    public var inflesz: Double {
        guard sentences > 0, words > 0 else { return 0 }
        return 206.835 - 62.3 * Double(syllables) / Double(words) - Double(words) / Double(sentences)
    }
}

public enum SpanishReadability {
    /// Same units and sentences as the English scores (a bullet ends a
    /// sentence); only the syllables and the formulas differ.
    public static func score(units: [String]) -> SpanishReadabilityScore {
        var score = SpanishReadabilityScore(sentences: 0, words: 0, syllables: 0)
        for unit in units {
            for sentence in Readability.sentenceSlices(in: unit) {
                var words = 0
                Readability.forEachWord(in: sentence) { word in
                    words += 1
                    score.syllables += syllables(of: word)
                }
                guard words > 0 else { continue }
                score.sentences += 1
                score.words += words
            }
        }
        return score
    }

    public static func score(of document: Document) -> SpanishReadabilityScore {
        score(units: Readability.proseUnits(of: document.mappingText { PhonePlaceholder.plain($0, as: "555-0100") }.blocks))
    }

    static let strong: Set<Character> = ["a", "e", "o", "á", "é", "ó", "í", "ú"]
    static let weak: Set<Character> = ["i", "u", "ü"]

    /// Spanish syllables: one per vowel group, plus one for each hiatus inside
    /// a group. Two strong vowels (a, e, o) split ("le-er", "a-ho-ra" has no
    /// group), and an accented i or u is strong ("dí-a", "ba-úl"); a weak vowel
    /// beside any vowel is a diphthong ("sien-te", "cui-da"), unless it is the
    /// same vowel ("chi-i-ta"); a silent h between vowels is skipped. A final y after a
    /// vowel closes the group ("hoy", "muy"). Digits count as one syllable.
    public static func syllables(of word: Substring) -> Int {
        let letters = Array(word.lowercased())
        if letters.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "," }) { return 1 }
        func isVowel(_ c: Character) -> Bool { strong.contains(c) || weak.contains(c) }
        var count = 0
        var previous: Character?
        for (i, c) in letters.enumerated() {
            // "y" between a vowel and the end (or a consonant) is a vowel sound in the group.
            let isYVowel = c == "y" && previous.map(isVowel) == true && (i + 1 == letters.count || !isVowel(letters[i + 1]))
            // A silent h between vowels changes nothing (RAE 2010): "ahu-mar",
            // "prohi-bir" keep their diphthong, "bú-ho" its hiatus.
            if c == "h", previous.map(isVowel) == true, i + 1 < letters.count, isVowel(letters[i + 1]) { continue }
            if isVowel(c) {
                if let p = previous, isVowel(p) {
                    // Inside a group: a new syllable only at a hiatus (two strong vowels,
                    // or the same vowel twice: "chi-i-ta").
                    if (strong.contains(p) && strong.contains(c)) || p == c { count += 1 }
                } else {
                    count += 1
                }
                previous = c
            } else if isYVowel {
                previous = nil
            } else {
                previous = c
            }
        }
        return max(1, count)
    }
}
