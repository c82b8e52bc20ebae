/// Optimal-string-alignment distance (Levenshtein plus swapping two
/// neighbouring letters, the commonest typo), with an early exit once the
/// distance must exceed `limit`. Works on UTF-8 bytes: vocabulary words are
/// compared thousands of times per query.
enum EditDistance {
    /// The largest typo forgiven for a word: none for short words (too many
    /// false friends), 1 for 4–7 letters, 2 for longer words.
    static func allowed(forLength length: Int) -> Int {
        length < 4 ? 0 : length <= 7 ? 1 : 2
    }

    static func distance<A: RandomAccessCollection<UInt8>, B: RandomAccessCollection<UInt8>>(_ a: A, _ b: B, limit: Int) -> Int? where A.Index == Int, B.Index == Int {
        var scratch = Scratch()
        return distance(a, b, limit: limit, scratch: &scratch)
    }

    /// Three reusable rows, so scanning a vocabulary allocates nothing per word.
    /// Three fields, not an array of rows: an array of arrays made and
    /// unmade on every call cost more than the comparison itself.
    struct Scratch {
        var previous2: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
    }

    static func distance<A: RandomAccessCollection<UInt8>, B: RandomAccessCollection<UInt8>>(_ a: A, _ b: B, limit: Int, scratch: inout Scratch) -> Int?
        where A.Index == Int, B.Index == Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        // Taken out of the scratch (an empty array allocates nothing), so each
        // row has one owner and is written in place.
        var previous2 = scratch.previous2, previous = scratch.previous, current = scratch.current
        (scratch.previous2, scratch.previous, scratch.current) = ([], [], [])
        defer { (scratch.previous2, scratch.previous, scratch.current) = (previous2, previous, current) }
        if previous2.count < m + 1 { previous2 = [Int](repeating: 0, count: m + 1) }
        if previous.count < m + 1 { previous = [Int](repeating: 0, count: m + 1) }
        if current.count < m + 1 { current = [Int](repeating: 0, count: m + 1) }
        for j in 0...m { previous[j] = j }
        for i in 1...n {
            current[0] = i
            var rowMin = current[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m] <= limit ? previous[m] : nil
    }
}
