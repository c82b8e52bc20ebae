import Foundation

/// One word of a text: its normalised form (lower case, no accents, no
/// apostrophes) and where it sits in the UTF-8 bytes of the text.
struct Token: Equatable {
    var text: String
    var start: Int
    var end: Int
    /// The first word of the text or of a sentence (after '.', '?', '!' or a line break).
    var sentenceStart = false
}

/// Splits text into words. Letters, digits and combining marks make words;
/// an apostrophe inside a word is dropped ("can't" -> "cant") so patients who
/// skip it still match; everything else (spaces, hyphens, punctuation, emoji)
/// separates words, so "radium-223" is "radium" and "223".
/// Works on UTF-8 bytes with an ASCII fast path: indexing 10,000 topics
/// tokenises millions of words.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(text) { result.append($0) }
        return result
    }

    static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    static func forEachToken(_ text: String, _ body: (Token) -> Void) {
        forEachWord(text) { word, ascii, start, end, sentenceStart in
            var text = String(decoding: word, as: UTF8.self)
            if !ascii { text = fold(text) }
            guard !text.isEmpty else { return false }
            body(Token(text: text, start: start, end: end, sentenceStart: sentenceStart))
            return true
        }
    }

    /// The raw scan: each word's bytes (ASCII already lower-cased; other
    /// letters not yet folded), whether it is all ASCII, its byte range and
    /// whether it starts a sentence. `body` returns whether it used the word.
    /// Lets the index builder look words up without making a String each.
    static func forEachWord(_ text: String,
                            _ body: (_ word: UnsafeBufferPointer<UInt8>, _ ascii: Bool, _ start: Int, _ end: Int, _ sentenceStart: Bool) -> Bool) {
        var text = text
        text.withUTF8 { bytes in scan(bytes, body) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, Bool, Int, Int, Bool) -> Bool) {
        // Most words are plain lower-case ASCII: they are handed over as a
        // slice of the text itself. Only a word with capitals, an apostrophe
        // or other letters is copied into `word` (from where it stops being plain).
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var copying = false
        var start = -1, end = -1
        var ascii = true
        var pendingBreak = true
        var i = 0
        let n = bytes.count

        func startCopying(upTo i: Int) {
            guard !copying else { return }
            copying = true
            if start >= 0 { word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
        }

        func flush() {
            if start >= 0 {
                let used = copying ? word.withUnsafeBufferPointer { body($0, ascii, start, end, pendingBreak) }
                    : body(UnsafeBufferPointer(rebasing: bytes[start..<end]), ascii, start, end, pendingBreak)
                if used { pendingBreak = false }
            }
            if copying {
                word.removeAll(keepingCapacity: true)
                copying = false
            }
            start = -1
            ascii = true
        }

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    if copying { word.append(b) }
                    end = i + 1
                } else if b >= 0x41 && b <= 0x5A {
                    if start < 0 { start = i }
                    startCopying(upTo: i)
                    word.append(b + 0x20); end = i + 1
                } else if b == 0x27, start >= 0, i + 1 < n, isWordStart(bytes, i + 1) {
                    // An apostrophe inside a word: "can't", "don't".
                    startCopying(upTo: i)
                } else {
                    flush()
                    if b == 0x0A || b == 0x2E || b == 0x3F || b == 0x21 { pendingBreak = true }
                }
                i += 1
                continue
            }
            // Non-ASCII: decode one scalar.
            let (scalar, length) = decode(bytes, i)
            if scalar == "\u{2019}", start >= 0, i + length < n, isWordStart(bytes, i + length) {
                startCopying(upTo: i)
                i += length
                continue
            }
            if let scalar, isWordScalar(scalar) {
                if start < 0 { start = i }
                startCopying(upTo: i)
                word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                end = i + length
                ascii = false
            } else {
                flush()
            }
            i += length
        }
        flush()
    }

    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        let (scalar, _) = decode(bytes, i)
        return scalar.map(isWordScalar) ?? false
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .otherNumber, .letterNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Lower case without accents, so "Café" and "cafe" are the same word.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(
            text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }))
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count, length > 1 else { return (nil, 1) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (cheaper than Foundation's
    /// trimmingCharacters, which goes through NSString).
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
