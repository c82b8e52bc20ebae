import BedsideContent

/// How many terminal columns a character takes: 0 for combining marks and
/// controls, 2 for East Asian wide and full-width characters and emoji, else 1.
/// A small table of ranges keeps this pure and fast; it follows wcwidth(3).
public enum DisplayWidth {
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        // Dashes, quotes, bullets and "…"; box lines, blocks and the shapes
        // before the two wide ones: drawn on every frame (borders, markers),
        // all one column, so they skip the Unicode tables.
        if (0x2010...0x2027).contains(v) || (0x2500...0x25FC).contains(v) { return 1 }
        let category = first.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return 0 }
        // Format characters (zero-width space and joiners, bidi marks and
        // overrides, soft hyphen) take no column and are never drawn alone.
        if category == .format || v == 0x200B { return 0 }
        if ch.unicodeScalars.count > 1, ch.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        for range in wide where range.contains(v) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        // Most text is ASCII: an ASCII byte followed by another ASCII byte (or
        // the end) is a whole character, a column if printable, none if a
        // control (the same as per character). Only the rest ("▸", "í", an
        // emoji) is taken a character at a time, as `Screen.put` does.
        let bytes = text.utf8
        var count = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = bytes.index(after: i)
            if byte < 0x80 && (next == bytes.endIndex || bytes[next] < 0x80) {
                if byte >= 0x20 && byte != 0x7F { count += 1 }
                i = next
                continue
            }
            count += of(text[i])
            i = text.index(after: i)
        }
        return count
    }

    /// What one cell sends to the terminal: the first drawable scalar and the
    /// combining marks and variation selectors after it. ncurses keeps one
    /// spacing character per cell, so a joined emoji sequence or a flag shows
    /// its first symbol rather than a broken half-sequence.
    public static func cellScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where isDrawable(scalar) {
            if out.isEmpty { out.append(scalar); continue }
            let category = scalar.properties.generalCategory
            let mark = category == .nonspacingMark || category == .enclosingMark || category == .spacingMark
            let selector = (0xFE00...0xFE0F).contains(scalar.value)
            if mark || selector { out.append(scalar) } else { break }
        }
        return out
    }

    /// Scalars the terminal may be sent inside a cell: none of the controls or
    /// bidi overrides `TerminalSafe` names (which would reorder the rest of the
    /// line on screen), and no tab or newline. Joiners and variation selectors
    /// stay, so emoji sequences and accents are drawn whole.
    public static func isDrawable(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && !TerminalSafe.isUnsafe(scalar)
    }

    /// `text` cut to at most `width` columns, ending in "…" when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Keeps the end of `text` ("…› Bone pain  "): for a breadcrumb, where the
    /// page you are on matters more than the section above it.
    public static func truncateFront(_ text: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(text) <= width { return text }
        var out: [Character] = []
        var used = 0
        for ch in text.reversed() {
            let w = of(ch)
            if used + w > width - 2 { break }
            out.append(ch)
            used += w
        }
        return " …" + String(out.reversed())
    }

    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
