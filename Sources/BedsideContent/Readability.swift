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
            for sentence in sentenceSlices(in: unit) {
                var words = 0
                forEachWord(in: sentence) { word in
                    let count = syllables(of: word)
                    words += 1
                    score.syllables += count
                    if count >= 3 { score.polysyllables += 1 }
                }
                guard words > 0 else { continue }
                score.sentences += 1
                score.words += words
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
        sentenceSlices(in: text).map(String.init)
    }

    /// `sentences(in:)` as slices of `text`: the scorer needs no copies.
    /// A sentence runs from its first character to the end of its closing
    /// quotes; the white space after it belongs to no sentence.
    static func sentenceSlices(in text: String) -> [Substring] {
        if let slices = text.utf8.withContiguousStorageIfAvailable({ asciiSentenceSlices(in: text, $0) }), let slices {
            return slices
        }
        let chars = Array(text)
        var starts = Array(text.indices)
        starts.append(text.endIndex)
        var result: [Substring] = []
        var sentenceStart = 0
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "." || ch == "!" || ch == "?" {
                // Swallow closing quotes and brackets that belong to the sentence.
                var j = i + 1
                while j < chars.count, closers.contains(chars[j]) { j += 1 }
                if j >= chars.count {
                    i = j
                    continue
                }
                if chars[j].isWhitespace {
                    var k = j
                    while k < chars.count, chars[k].isWhitespace { k += 1 }
                    if k >= chars.count || chars[k].isUppercase || chars[k].isNumber || openers.contains(chars[k]) {
                        result.append(text[starts[sentenceStart]..<starts[j]])
                        sentenceStart = k
                        i = k
                        continue
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        let rest = text[starts[min(sentenceStart, chars.count)]...]
        if !isBlank(rest) { result.append(rest) }
        return result
    }

    /// The same splitting for ASCII text, on bytes. In ASCII every Character
    /// is one byte except "\r\n", and both bytes of that are white space, so
    /// the boundaries are the same; white space is 9-13 and 32, upper case
    /// A-Z and numbers 0-9, as `Character` defines them for ASCII.
    static func asciiSentenceSlices(in text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Substring]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || (9...13).contains(b) }
        func slice(_ from: Int, _ to: Int) -> Substring {
            let utf8 = text.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
        }
        let count = bytes.count
        var result: [Substring] = []
        var sentenceStart = 0
        var i = 0
        while i < count {
            let ch = bytes[i]
            guard ch == UInt8(ascii: ".") || ch == UInt8(ascii: "!") || ch == UInt8(ascii: "?") else {
                i += 1
                continue
            }
            var j = i + 1
            while j < count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]")].contains(bytes[j]) { j += 1 }
            if j >= count {
                i = j
                continue
            }
            if isSpace(bytes[j]) {
                var k = j
                while k < count, isSpace(bytes[k]) { k += 1 }
                if k >= count || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[k]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[k])
                    || bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") || bytes[k] == UInt8(ascii: "(") {
                    result.append(slice(sentenceStart, j))
                    sentenceStart = k
                    i = k
                    continue
                }
            }
            i = j
        }
        let rest = slice(sentenceStart, count)
        if !isBlank(rest) { result.append(rest) }
        return result
    }

    static let closers: Set<Character> = ["\"", "'", ")", "”", "’", "]"]
    static let openers: Set<Character> = ["\"", "“", "‘", "'", "("]

    /// True when the text is empty or only white space and newlines (the
    /// same test as trimming `.whitespacesAndNewlines` to nothing).
    static func isBlank(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Words: runs of letters, digits, apostrophes and hyphens that contain a letter or digit.
    public static func words(in sentence: String) -> [String] {
        var result: [String] = []
        forEachWord(in: sentence[...]) { result.append(String($0)) }
        return result
    }

    /// Calls `body` with each word of `sentence`, in order. ASCII text (most
    /// prose) is split on bytes; anything else on Characters. Both give the
    /// same words: in ASCII every Character is one byte, except "\r\n",
    /// which is a separator either way.
    static func forEachWord(in sentence: Substring, _ body: (Substring) -> Void) {
        let utf8 = sentence.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var index = utf8.startIndex
            while index < utf8.endIndex {
                guard isASCIIWordByte(utf8[index]) else {
                    utf8.formIndex(after: &index)
                    continue
                }
                var end = index
                while end < utf8.endIndex, isASCIIWordByte(utf8[end]) { utf8.formIndex(after: &end) }
                // Trim apostrophes and hyphens; keep the run if a letter or digit remains.
                var first = index, last = end
                while first < last, utf8[first] == UInt8(ascii: "-") || utf8[first] == UInt8(ascii: "'") { utf8.formIndex(after: &first) }
                while last > first {
                    let before = utf8.index(before: last)
                    guard utf8[before] == UInt8(ascii: "-") || utf8[before] == UInt8(ascii: "'") else { break }
                    last = before
                }
                if first < last { body(sentence[first..<last]) }
                index = end
            }
            return
        }
        for run in sentence.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }) {
            let word = trimApostrophesAndHyphens(run)
            if word.contains(where: { $0.isLetter || $0.isNumber }) { body(word) }
        }
    }

    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    /// Trims the scalars - ' ’ from both ends, as `trimmingCharacters(in:)` does.
    static func trimApostrophesAndHyphens(_ run: Substring) -> Substring {
        let scalars = run.unicodeScalars
        func trimmed(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "'" || s == "’" }
        var first = scalars.startIndex, last = scalars.endIndex
        while first < last, trimmed(scalars[first]) { scalars.formIndex(after: &first) }
        while last > first, trimmed(scalars[scalars.index(before: last)]) { scalars.formIndex(before: &last) }
        return Substring(scalars[first..<last])
    }

    /// English syllables by rule: vowel groups, less a silent final e, plus
    /// the vowel pairs that are said as two (ra-di-a-tion, cal-ci-um). Hyphenated
    /// words add up their parts; numbers count as one syllable.
    public static func syllables(in word: String) -> Int {
        syllables(of: word[...])
    }

    static func syllables(of word: Substring) -> Int {
        // ASCII fast path: folding case and diacritics of ASCII is lower-casing.
        if let count = word.utf8.withContiguousStorageIfAvailable({ syllables(ofASCII: $0) }), let count {
            return count
        }
        let parts = word.split(separator: "-")
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        let folded = String(word).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let letters = folded.filter { $0 >= "a" && $0 <= "z" }
        if letters.isEmpty { return word.contains(where: \.isNumber) ? 1 : 0 }
        if letters.utf8.count == letters.count, letters.utf8.allSatisfy({ $0 < 0x80 }) {
            return Array(letters.utf8).withUnsafeBufferPointer { countSyllables(ascii: $0) }
        }
        return countSyllables(String(letters))
    }

    /// `syllables(in:)` of an ASCII word, or nil if it is not ASCII. Mirrors
    /// `split(separator: "-")`: empty parts are dropped, several parts add up,
    /// and a word of one part is counted whole (its hyphens are not letters).
    static func syllables(ofASCII word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
        let hyphen = UInt8(ascii: "-")
        guard word.contains(hyphen) else { return singleSyllables(ofASCII: word) }
        var parts: [Range<Int>] = []
        var start = 0
        for i in 0...word.count where i == word.count || word[i] == hyphen {
            if i > start { parts.append(start..<i) }
            start = i + 1
        }
        if parts.count <= 1 { return singleSyllables(ofASCII: word) }
        return parts.reduce(0) { $0 + singleSyllables(ofASCII: UnsafeBufferPointer(rebasing: word[$1])) }
    }

    /// One part: its a-z letters, lower-cased, counted; a number is 1; else 0.
    static func singleSyllables(ofASCII word: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, word.count)) { letters in
            var n = 0, digit = false
            for byte in word {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): letters[n] = byte; n += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters[n] = byte + 32; n += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
                default: break
                }
            }
            if n == 0 { return digit ? 1 : 0 }
            return countSyllables(ascii: UnsafeBufferPointer(rebasing: letters[0..<n]))
        }
    }

    static let suffixes: [(String, Int)] = [("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("ly", 1)]
    static let asciiSuffixes: [([UInt8], Int)] = suffixes.map { (Array($0.0.utf8), $0.1) }
    static let keepES: [[UInt8]] = ["ses", "zes", "xes", "ches", "shes", "ges", "ces"].map { Array($0.utf8) }

    /// `countSyllables` on lower-case ASCII letters, without building Strings.
    /// Kept rule for rule the same as the String version below; "removing" a
    /// silent ending just shortens the length `n` that is looked at.
    static func countSyllables(ascii word: UnsafeBufferPointer<UInt8>) -> Int {
        if word.count <= 2 { return 1 }
        func hasSuffix<S: Collection<UInt8>>(_ suffix: S) -> Bool {
            word.count >= suffix.count && word.suffix(suffix.count).elementsEqual(suffix)
        }
        func hasSuffix(_ suffix: StaticString) -> Bool {
            hasSuffix(UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
        }
        for (suffix, count) in asciiSuffixes where hasSuffix(suffix) && word.count > suffix.count + 1 {
            let stem = UnsafeBufferPointer(rebasing: word[0..<(word.count - suffix.count)])
            if stem.count >= 2 { return countSyllables(ascii: stem) + count }
        }
        func isVowelByte(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o")
                || b == UInt8(ascii: "u") || b == UInt8(ascii: "y")
        }
        var n = word.count
        if hasSuffix("es"), n > 3, !keepES.contains(where: { hasSuffix($0) }) {
            n -= 2
        } else if hasSuffix("ed"), n > 3, !hasSuffix("ted"), !hasSuffix("ded"), !isVowelByte(word[n - 3]) {
            n -= 2
        } else if hasSuffix("e"), n > 2, !hasSuffix("ee"), !(hasSuffix("le") && n > 3 && !isVowelByte(word[n - 3])) {
            n -= 1
        }
        guard n > 0 else { return 1 }
        var count = 0
        var previousVowel = false
        for i in 0..<n {
            let vowel = isVowelByte(word[i]) && !(word[i] == UInt8(ascii: "y") && i == 0)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        // Vowel pairs said as two syllables; occurrences do not overlap.
        let space = UInt8(ascii: " ")
        func isAny(_ b: UInt8, _ set: StaticString) -> Bool {
            UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(b)
        }
        for (first, second) in pairBytes {
            var i = 0
            while i + 1 < n {
                guard word[i] == first && word[i + 1] == second else {
                    i += 1
                    continue
                }
                let before = i > 0 ? word[i - 1] : space
                let after = i + 2 < n ? word[i + 2] : space
                let silent: Bool
                switch (first, second) {
                case (UInt8(ascii: "i"), UInt8(ascii: "a")): silent = isAny(before, "ctsg") && after != UInt8(ascii: "t")
                case (UInt8(ascii: "i"), UInt8(ascii: "o")): silent = isAny(before, "tsxcg") && after == UInt8(ascii: "n")
                case (UInt8(ascii: "u"), UInt8(ascii: "a")): silent = before == UInt8(ascii: "q") || before == UInt8(ascii: "g")
                case (UInt8(ascii: "e"), UInt8(ascii: "o")): silent = after == UInt8(ascii: "p") || after == UInt8(ascii: "u")
                default: silent = before == UInt8(ascii: "q")
                }
                if !silent { count += 1 }
                i += 2
            }
        }
        return max(1, count)
    }

    static let pairBytes: [(UInt8, UInt8)] = ["ia", "iu", "io", "ua", "eo"].map { (Array($0.utf8)[0], Array($0.utf8)[1]) }

    /// The String version, for the rare letters a-z that are not plain ASCII
    /// (a letter with a mark that folding keeps).
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
