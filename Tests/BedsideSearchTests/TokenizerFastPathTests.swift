import Testing
@testable import BedsideSearch

/// The tokenizer hands plain lower-case words over as slices of the text and
/// copies only words with capitals, apostrophes or other letters. This checks
/// it against the simple version that copied every word byte by byte.
@Suite struct TokenizerFastPathTests {
    struct Word: Equatable, CustomStringConvertible {
        var bytes: [UInt8], ascii: Bool, start: Int, end: Int, sentenceStart: Bool
        var description: String { "\(String(decoding: bytes, as: UTF8.self))@\(start)..<\(end)\(ascii ? "" : " non-ascii")\(sentenceStart ? " sentence" : "")" }
    }

    /// Every word the scan reports; `skip` words are refused (as the index
    /// builder refuses words that fold to nothing), which moves sentence starts.
    static func words(_ text: String, skip: Set<String> = [], reference: Bool) -> [Word] {
        var out: [Word] = []
        let body: (UnsafeBufferPointer<UInt8>, Bool, Int, Int, Bool) -> Bool = { word, ascii, start, end, sentence in
            let bytes = Array(word)
            guard !skip.contains(String(decoding: bytes, as: UTF8.self)) else { return false }
            out.append(Word(bytes: bytes, ascii: ascii, start: start, end: end, sentenceStart: sentence))
            return true
        }
        if reference {
            var text = text
            text.withUTF8 { ReferenceScan.scan($0, body) }
        } else {
            Tokenizer.forEachWord(text, body)
        }
        return out
    }

    @Test func handPickedWordsMatchTheByteCopyingScan() {
        for text in ["McDonald's iPhone ABC123def", "Can't STOP café don\u{2019}t x-ray.", "I'm OK! you're fine? yes",
                     "ÜBER naïve e\u{301}tude", "a'b 'quoted' trailing' '", "end", "", "UPPER lower MiXeD\nnext line"] {
            #expect(Self.words(text, reference: false) == Self.words(text, reference: true), "\(text)")
        }
        #expect(Self.words("McDonald's", reference: false).map(\.bytes) == [Array("mcdonalds".utf8)])
    }

    @Test func randomTextMatchesTheByteCopyingScan() {
        let pieces = ["a", "b", "Z", "Q", "7", "0", "'", "\u{2019}", " ", " ", "\n", ".", "?", "!", "-", ",", "é", "Ü",
                      "\u{301}", "日本", "🙂", "ß", "İ", "can", "T", "x"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 24)).map { _ in pieces[next() % pieces.count] }.joined()
            let skip: Set<String> = next() % 3 == 0 ? ["t", "can"] : []
            let fast = Self.words(text, skip: skip, reference: false)
            let slow = Self.words(text, skip: skip, reference: true)
            #expect(fast == slow, "\(text.debugDescription)")
            if fast != slow { return }
        }
    }
}

/// The previous scan, kept as the reference: it copied each word byte by byte.
enum ReferenceScan {
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, Bool, Int, Int, Bool) -> Bool) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = -1, end = -1
        var ascii = true
        var pendingBreak = true
        var i = 0
        let n = bytes.count

        func flush() {
            if start >= 0, !word.isEmpty {
                let used = word.withUnsafeBufferPointer { body($0, ascii, start, end, pendingBreak) }
                if used { pendingBreak = false }
            }
            word.removeAll(keepingCapacity: true)
            start = -1
            ascii = true
        }

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    word.append(b); end = i + 1
                } else if b >= 0x41 && b <= 0x5A {
                    if start < 0 { start = i }
                    word.append(b + 0x20); end = i + 1
                } else if b == 0x27, start >= 0, i + 1 < n, isWordStart(bytes, i + 1) {
                    // An apostrophe inside a word: "can't", "don't".
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
                i += length
                continue
            }
            if let scalar, Tokenizer.isWordScalar(scalar) {
                if start < 0 { start = i }
                word.append(contentsOf: bytes[i..<(i + length)])
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
        return scalar.map(Tokenizer.isWordScalar) ?? false
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
