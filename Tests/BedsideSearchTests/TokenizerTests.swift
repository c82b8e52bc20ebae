import Testing
@testable import BedsideSearch

@Suite struct TokenizerTests {
    @Test func apostrophesJoinTheWord() {
        #expect(Tokenizer.words("Can't pee") == ["cant", "pee"])
        #expect(Tokenizer.words("I don\u{2019}t know") == ["i", "dont", "know"])
        #expect(Tokenizer.words("the patients' rights") == ["the", "patients", "rights"])
    }

    @Test func hyphensAndNumbersSplit() {
        #expect(Tokenizer.words("radium-223 (Xofigo)") == ["radium", "223", "xofigo"])
        #expect(Tokenizer.words("X-ray, 24-hour line") == ["x", "ray", "24", "hour", "line"])
    }

    @Test func unicodeIsFoldedAndEmojiSeparate() {
        #expect(Tokenizer.words("Café ÜBER naïve") == ["cafe", "uber", "naive"])
        #expect(Tokenizer.words("pain🙂tired") == ["pain", "tired"])
        #expect(Tokenizer.words("🙂🙂 !!! ...").isEmpty)
    }

    @Test func byteRangesPointAtTheWord() {
        let text = "é bone"
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.count == 2)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[tokens[1].start..<tokens[1].end], as: UTF8.self) == "bone")
    }

    @Test func snowballStems() {
        let stemmer = Stemmer(language: "english")
        #expect(stemmer.stem("fractures") == stemmer.stem("fractured"))
        #expect(stemmer.stem("running") == "run")
        #expect(Stemmer(language: "no-such-language").language == "english")
        #expect(Stemmer(language: "spanish").stem("huesos") == Stemmer(language: "spanish").stem("hueso"))
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(EditDistance.distance(Array("anemia".utf8), Array("aneima".utf8), limit: 2) == 1)
        #expect(EditDistance.distance(Array("biopsy".utf8), Array("biospy".utf8), limit: 1) == 1)
        #expect(EditDistance.distance(Array("metastisis".utf8), Array("metastasis".utf8), limit: 2) == 1)
        #expect(EditDistance.distance(Array("bone".utf8), Array("pain".utf8), limit: 2) == nil)
        #expect(EditDistance.allowed(forLength: 3) == 0)
        #expect(EditDistance.allowed(forLength: 7) == 1)
        #expect(EditDistance.allowed(forLength: 8) == 2)
    }
}
