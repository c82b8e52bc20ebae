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
        // A phone placeholder reads as one number.
        score(units: proseUnits(of: document.mappingText { PhonePlaceholder.plain($0, as: "555-0100") }.blocks))
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
    // "¿" and "¡" open a Spanish question or exclamation ("…algo. ¿Tiene…?" is two sentences).
    static let openers: Set<Character> = ["\"", "“", "‘", "'", "(", "¿", "¡"]

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
}

/// The reading-level limits `bedside check` enforces.
public struct ReadabilityLimits: Equatable, Sendable {
    public var smog: Double
    public var fleschKincaid: Double
    /// Spanish: the lowest reading ease allowed ("fairly easy" or easier on both scales).
    public var fernandezHuerta: Double
    public var inflesz: Double
    public init(smog: Double = 8, fleschKincaid: Double = 7, fernandezHuerta: Double = 70, inflesz: Double = 65) {
        self.smog = smog
        self.fleschKincaid = fleschKincaid
        self.fernandezHuerta = fernandezHuerta
        self.inflesz = inflesz
    }
}
