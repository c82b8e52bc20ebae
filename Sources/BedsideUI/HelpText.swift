import BedsideContent

/// Every key, for the help box (`?`), from the catalogue's `help-lines`:
/// "KEYS | what they do", or a heading. Laid out for the box's width: the keys
/// in a column, the words wrapped beside them, so nothing is cut at any size.
enum HelpText {
    struct Entry: Equatable {
        var keys: String?
        var text: String
    }

    static func entries(_ env: AppEnvironment) -> [Entry] {
        let text = env.store.strings
        // The kiosk shows only keys that work there: no quit, but finish.
        // `L` is listed only where there is another language to switch to.
        let language = env.languages.count > 1 ? [text[.helpLanguage]] : []
        let lines = text.list(.helpLines) + language + [env.kiosk ? text[.helpFinish] : text[.helpQuit]]
        return lines.map { line in
            guard let bar = line.range(of: " | ") else { return Entry(keys: nil, text: line) }
            return Entry(keys: String(line[..<bar.lowerBound]), text: String(line[bar.upperBound...]))
        }
    }

    /// The help as lines no wider than `width`, a blank line before each heading.
    static func lines(_ env: AppEnvironment, width: Int = 60) -> [(String, Style)] {
        let all = entries(env)
        let keyWidth = min(width / 3, all.compactMap { $0.keys.map(DisplayWidth.of) }.max() ?? 0)
        var out: [(String, Style)] = []
        for entry in all {
            guard let keys = entry.keys else {
                if !out.isEmpty { out.append(("", .plain)) }
                out.append((entry.text, Style(.heading, bold: true)))
                continue
            }
            let pad = String(repeating: " ", count: keyWidth + 4)
            let keyCell = "  " + keys + String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys) + 2))
            if DisplayWidth.of(keyCell) > keyWidth + 4 {
                // Keys too long for the column: on their own line.
                out.append(("  " + keys, .plain))
                out += TextWrap.lines(entry.text, width: width, first: pad, rest: pad).map { ($0, .plain) }
            } else {
                out += TextWrap.lines(entry.text, width: width, first: keyCell, rest: pad).map { ($0, .plain) }
            }
        }
        return out
    }

    static func lines(_ env: AppEnvironment) -> [String] { lines(env, width: 60).map(\.0) }
}
