import Foundation

/// Counts behind the two reading-grade formulas.
public struct ReadabilityScore: Equatable, Sendable {
    public var sentences: Int
    public var words: Int
    public var syllables: Int
    /// Words of three or more syllables (SMOG's count).
    public var polysyllables: Int

    /// Flesch-Kincaid grade: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.
    public var fleschKincaid: Double {
        guard sentences > 0, words > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// SMOG grade: 1.0430 sqrt(polysyllables × 30 / sentences) + 3.1291.
    public var smog: Double {
        guard sentences > 0 else { return 0 }
        return 1.0430 * (Double(polysyllables) * 30 / Double(sentences)).squareRoot() + 3.1291
    }
}

/// Reading grades of plain prose. A "unit" is a paragraph, list item or
/// callout line: a unit always ends a sentence, even without a full stop,
/// because a bullet reads as one.
public enum Readability {
    public static func score(units: [String]) -> ReadabilityScore {
        var score = ReadabilityScore(sentences: 0, words: 0, syllables: 0, polysyllables: 0)
        for unit in units {
            for sentence in sentences(in: unit) {
                let words = self.words(in: sentence)
                guard !words.isEmpty else { continue }
                score.sentences += 1
                for word in words {
                    let count = syllables(in: word)
                    score.words += 1
                    score.syllables += count
                    if count >= 3 { score.polysyllables += 1 }
                }
            }
        }
        return score
    }

    public static func score(of document: Document) -> ReadabilityScore {
        score(units: proseUnits(of: document.blocks))
    }

    /// The prose a reader reads: paragraphs, list items, quotes and callouts.
    /// Headings, tables and code are left out.
    public static func proseUnits(of blocks: [Block]) -> [String] {
        var units: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines): units.append(inlines.plainText)
            case .list(let list): list.items.forEach { units += proseUnits(of: $0) }
            case .blockQuote(let inner): units += proseUnits(of: inner)
            case .callout(let callout): units += proseUnits(of: callout.blocks)
            case .heading, .thematicBreak, .table, .code: break
            }
        }
        return units
    }

    /// Splits at . ! ? followed by a space and a capital letter, digit or
    /// quote (so "e.g. this" stays whole), and at the end of the unit.
    public static func sentences(in text: String) -> [String] {
        let chars = Array(text)
        var result: [String] = []
        var current = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            current.append(ch)
            if ch == "." || ch == "!" || ch == "?" {
                // Swallow closing quotes and brackets that belong to the sentence.
                var j = i + 1
                while j < chars.count, "\"')”’]".contains(chars[j]) {
                    current.append(chars[j])
                    j += 1
                }
                if j >= chars.count {
                    i = j
                    continue
                }
                if chars[j].isWhitespace {
                    var k = j
                    while k < chars.count, chars[k].isWhitespace { k += 1 }
                    if k >= chars.count || chars[k].isUppercase || chars[k].isNumber || "\"“‘'(".contains(chars[k]) {
                        result.append(current)
                        current = ""
                        i = k
                        continue
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { result.append(current) }
        return result
    }

    /// Words: runs of letters, digits, apostrophes and hyphens that contain a letter or digit.
    public static func words(in sentence: String) -> [String] {
        sentence.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-'’")) }
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    }

    /// English syllables by rule: vowel groups, less a silent final e, plus
    /// the vowel pairs that are said as two (ra-di-a-tion, cal-ci-um). Hyphenated
    /// words add up their parts; numbers count as one syllable.
    public static func syllables(in word: String) -> Int {
        let parts = word.split(separator: "-")
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let letters = folded.filter { $0 >= "a" && $0 <= "z" }
        if letters.isEmpty { return word.contains(where: \.isNumber) ? 1 : 0 }
        return countSyllables(String(letters))
    }

    static let suffixes: [(String, Int)] = [("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("ly", 1)]

    static func countSyllables(_ word: String) -> Int {
        if word.count <= 2 { return 1 }
        // Suffixes that keep their stem's silent e: safe-ly, move-ment, hope-ful.
        for (suffix, count) in suffixes where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            let stem = String(word.dropLast(suffix.count))
            if stem.count >= 2 { return countSyllables(stem) + count }
        }
        var w = Array(word)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        func isVowel(_ i: Int) -> Bool { vowels.contains(w[i]) && !(w[i] == "y" && i == 0) }
        // Silent endings.
        if word.hasSuffix("es"), w.count > 3,
           !["ses", "zes", "xes", "ches", "shes", "ges", "ces"].contains(where: word.hasSuffix) {
            w.removeLast(2)
        } else if word.hasSuffix("ed"), w.count > 3, !word.hasSuffix("ted"), !word.hasSuffix("ded"),
                  !vowels.contains(w[w.count - 3]) {
            w.removeLast(2)
        } else if word.hasSuffix("e"), w.count > 2, !word.hasSuffix("ee"),
                  !(word.hasSuffix("le") && w.count > 3 && !vowels.contains(w[w.count - 3])) {
            w.removeLast()
        }
        guard !w.isEmpty else { return 1 }
        var count = 0
        var previousVowel = false
        for i in w.indices {
            let vowel = isVowel(i)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        // Vowel pairs said as two syllables.
        let text = String(w)
        for pair in ["ia", "iu", "io", "ua", "eo"] {
            var search = text.startIndex
            while let range = text.range(of: pair, range: search..<text.endIndex) {
                let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                let silent: Bool
                switch pair {
                case "ia": silent = "ctsg".contains(before) && after != "t"   // spe-cial, Asia; but ra-di-a-tion
                case "io": silent = "tsxcg".contains(before) && after == "n"  // na-tion, vi-sion; but bi-op-sy
                case "ua": silent = before == "q" || before == "g"            // quality, language
                case "eo": silent = after == "p" || after == "u"              // people, courageous
                default: silent = before == "q"
                }
                if !silent { count += 1 }
                search = range.upperBound
            }
        }
        return max(1, count)
    }
}

/// The reading-level limits `bedside check` enforces.
public struct ReadabilityLimits: Equatable, Sendable {
    public var smog: Double
    public var fleschKincaid: Double
    public init(smog: Double = 8, fleschKincaid: Double = 7) {
        self.smog = smog
        self.fleschKincaid = fleschKincaid
    }
}
