/// Other spellings of a word that sound the same, for words people spell by
/// ear: "bisfosfonates" is four edits from "bisphosphonates" but sounds the
/// same, and "onkologist" is "oncologist". Each rule rewrites every place it
/// applies, one rule at a time; the planner tries these only for a word with
/// no typo reading, and gives them the weight of a two-letter typo.
enum SoundAlike {
    /// Spellings that stand for one sound in English medical words, both ways.
    static let rules: [(String, String)] = [
        ("f", "ph"), ("ph", "f"), ("k", "c"), ("c", "k"), ("z", "s"), ("s", "z"),
        ("i", "y"), ("y", "i"), ("ee", "ea"), ("ea", "ee"), ("oo", "u"),
    ]

    /// Words shorter than this have too many sound-alike neighbours.
    static let minimumLength = 5

    static func spellings(of word: String) -> [String] {
        guard word.utf8.count >= minimumLength else { return [] }
        var result: [String] = []
        for (from, to) in rules where word.contains(from) {
            let spelling = word.replacingOccurrences(of: from, with: to)
            if spelling != word, !result.contains(spelling) { result.append(spelling) }
        }
        return result
    }
}
