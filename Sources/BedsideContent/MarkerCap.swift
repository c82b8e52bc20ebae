/// Caps how many container markers (`- `, `* `, `+ `, `> `, `1. `, `1) `)
/// one line may open before cmark sees the text. bedside lays out 16 levels
/// at most (`MarkdownParser.maxNesting`), but cmark builds a node for every
/// marker first: a 10 MB line of `- ` made five million nested nodes and
/// 2.4 GB. Markers past the cap are dropped from that line and the rest of
/// the line is kept, so the text is still shown. One linear pass; text with
/// no such line is returned untouched.
enum MarkerCap {
    static let maxMarkersPerLine = 64

    static func capped(_ text: String) -> (text: String, changed: Bool) {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var changed = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let (markersEnd, count, keepEnd) = scan(bytes, start, end)
            if count > maxMarkersPerLine {
                if !changed { out.reserveCapacity(bytes.count); out += bytes[0..<start] }
                changed = true
                out += bytes[start..<keepEnd]
                out += bytes[markersEnd..<end]
            } else if changed {
                out += bytes[start..<end]
            }
            if changed && end < bytes.count { out.append(UInt8(ascii: "\n")) }
            start = end + 1
        }
        return changed ? (String(decoding: out, as: UTF8.self), true) : (text, false)
    }

    /// From `start`: where the run of markers ends, how many there were, and
    /// where the first `maxMarkersPerLine` of them end.
    static func scan(_ b: [UInt8], _ start: Int, _ end: Int) -> (markersEnd: Int, count: Int, keepEnd: Int) {
        var i = start, count = 0, keepEnd = start
        while i < end {
            var j = i
            while j < end && b[j] == UInt8(ascii: " ") && j - i < 3 { j += 1 }
            guard j < end else { break }
            var k = j
            switch b[j] {
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">"):
                k = j + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while k < end && k - j < 9 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[k]) { k += 1 }
                guard k < end, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")") else { return (i, count, keepEnd) }
                k += 1
            default:
                return (i, count, keepEnd)
            }
            // A list marker needs a space after it (a quote marker may have none).
            if k < end && b[k] == UInt8(ascii: " ") { k += 1 } else if b[j] != UInt8(ascii: ">") && k < end { return (i, count, keepEnd) }
            count += 1
            if count == maxMarkersPerLine { keepEnd = k }
            i = k
        }
        return (i, count, keepEnd)
    }
}
