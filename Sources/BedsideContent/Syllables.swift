import Foundation

/// Syllable counting for the reading-grade formulas (see Readability), kept
/// apart because it is its own small model of English spelling.
extension Readability {
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
